"""Widgets and views; they talk to the core through ``desktop.workers``."""
