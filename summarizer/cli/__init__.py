"""Command-line interface of the domain commands (article, ingest, search, events, stats)."""
