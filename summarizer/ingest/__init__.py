"""Ingestion: files, directories, HTML, feeds and URLs into Article values."""
