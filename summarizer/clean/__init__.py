"""Boilerplate removal: plain-text cleaner and HTML extraction."""
