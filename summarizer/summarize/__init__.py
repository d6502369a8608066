"""Per-article extractive summaries through sumy."""
