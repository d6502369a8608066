"""Runnable benchmarks: `python -m benchmarks.NAME` prints a Markdown table and saves it."""
