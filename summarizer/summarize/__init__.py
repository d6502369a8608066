"""Per-article extractive summaries: rank sentences (vectorised TextRank or sumy), then select."""

from summarizer.summarize.article import summarize_article
from summarizer.summarize.methods import METHODS, rank_order

__all__ = ["METHODS", "rank_order", "summarize_article"]
