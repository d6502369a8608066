"""Reliability tests: the bot as a real process under crashes, faults, load and scale-out."""
