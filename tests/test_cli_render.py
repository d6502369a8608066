"""What the text CLI prints of times and which summary `article` writes from flags and config."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from summarizer.cli import render
from summarizer.cli.commands import _summary_spec
from summarizer.config import SummariesSection
from summarizer.ingest.pipeline import SummarySpec


def test_an_estimated_time_prints_to_the_minute_like_the_others() -> None:
    ingested = datetime(2026, 11, 30, 16, 27, 59, 478132, tzinfo=UTC)
    assert render.when(ingested, estimated=True) == "2026-11-30T16:27:00Z (estimated)"
    given = datetime(2015, 5, 13, 9, 31, tzinfo=UTC)
    assert render.when(given) == "2015-05-13T09:31:00Z"
    assert render.when(ingested, estimated=True, date_only=True) == "2026-11-30 (estimated)"
    assert render.stamp(ingested) == "2026-11-30T16:27:59.478132Z"  # JSON keeps the exact time


def _args(**flags: object) -> argparse.Namespace:
    return argparse.Namespace(**{"method": None, "sentences": None, "words": None, **flags})


def test_article_takes_flags_first_then_the_configured_method_and_length() -> None:
    configured = SummariesSection(method="luhn", sentences=5)
    assert _summary_spec(_args(), configured) == SummarySpec(method="luhn", sentences=5)
    assert _summary_spec(_args(sentences=2), configured) == SummarySpec("luhn", 2)
    words = _summary_spec(_args(words=40, method="lexrank"), configured)
    assert words == SummarySpec(method="lexrank", sentences=None, words=40)
    assert words.label == "40w"


def test_one_default_length_everywhere() -> None:
    assert SummarySpec().sentences == SummariesSection().sentences


def test_a_stored_article_without_an_outlet_reads_outlet_unknown() -> None:
    from summarizer.views import UNKNOWN_OUTLET, ArticleView

    when = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    view = ArticleView(
        id=1,
        title="Talks in Minsk",
        source=UNKNOWN_OUTLET,
        location="/tmp/001.txt",
        published=when,
        published_estimated=False,
        language="en",
        body="The presidents met in Minsk.",
        summary=("The presidents met in Minsk.",),
        event_id=None,
    )
    assert "\n  outlet unknown · 2026-11-23T09:30:00Z · en\n" in render.article_text(view)
