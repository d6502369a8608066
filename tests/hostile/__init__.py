"""Hostile inputs tried for real: ingest, commands, search, fetching and secrets."""
