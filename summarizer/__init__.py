"""Briefing's domain: ingest, clean, split, summarise, cluster, digest and store news articles."""
