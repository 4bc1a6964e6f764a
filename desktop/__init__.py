"""Crosscheck: compare news reports claim by claim."""

__version__ = "0.1.0"
APP_NAME = "Crosscheck"
