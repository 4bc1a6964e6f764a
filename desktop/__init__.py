"""Crosscheck: compare news reports claim by claim."""

__version__ = "0.1.0"
APP_NAME = "Crosscheck"
LICENCE = "MIT"  # as in LICENSE and pyproject.toml (a test keeps the three together)
