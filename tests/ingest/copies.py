"""Near-duplicate copies of a sample article (one under another spelling of its outlet, one
naming none), and the sources an event counts by the rule the views show."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session, col, select

from summarizer.store.models import Article, ArticleCopy, Source
from summarizer.views import UNKNOWN_OUTLET

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
# The Vesburg Courier's report of the draft treaty (the sample's third event, 12 March 19:48).
DRAFT_DEAL = "2026-03-12_vesburg-courier_draft-deal.txt"


def write_copies_of_the_draft_deal(folder: Path) -> None:
    """Two near-duplicate copies of DRAFT_DEAL: one crediting "VESBURG COURIER", one naming no
    outlet (no masthead, credit or copyright line, and no outlet in its file name)."""
    lines = (SAMPLE / DRAFT_DEAL).read_text(encoding="utf-8").splitlines()
    title = lines[0]
    start = next(i for i, line in enumerate(lines) if line.startswith("Two days after"))
    end = next(i for i, line in enumerate(lines) if "Paper does not water trees" in line)
    body = [line for line in lines[start : end + 1] if line and "Page 1 2" not in line]
    body = [line for line in body if line != "Advertisement"]
    spelled = [*body[:-1], "(c) 2026 VESBURG COURIER"]
    unnamed = [line for line in body if not line.startswith("Across the border")]
    folder.mkdir()
    (folder / "spelled-copy.txt").write_text("\n\n".join([title, *spelled]), encoding="utf-8")
    (folder / "unnamed-copy.txt").write_text("\n\n".join([title, *unnamed]), encoding="utf-8")


def counted_sources(session: Session, articles: Sequence[Article]) -> set[int]:
    """The sources an event of these articles counts: each text's named outlets (its article's
    and its copies'), or the unnamed source when none of its inputs named one."""
    unnamed = set(session.exec(select(Source.id).where(Source.name == UNKNOWN_OUTLET)).all())
    ids = [a.id for a in articles]
    copies = session.exec(select(ArticleCopy).where(col(ArticleCopy.article_id).in_(ids))).all()
    counted: set[int] = set()
    for article in articles:
        named = {c.source_id for c in copies if c.article_id == article.id} - unnamed
        counted |= named
        if article.source_id not in unnamed or not named:
            counted.add(article.source_id)
    return counted
