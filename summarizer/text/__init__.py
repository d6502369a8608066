"""Offline sentence and word splitting (a sumy-compatible tokenizer)."""
