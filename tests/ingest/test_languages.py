"""Non-English articles: detected, split and summarised in their own script, never garbled."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.ingest.pipeline import SummarySpec, build_article
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.values import RawInput

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"


LANGUAGES = ["ru", "uk", "zh", "ja", "ko", "th", "ar", "he", "hi", "fa"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_summarised_in_their_language(language: str) -> None:
    name = f"{language}.txt"
    text = (DATA / name).read_text(encoding="utf-8")
    article = build_article(
        RawInput(location=name, content=text, kind="text"), summary=SummarySpec(sentences=2)
    )
    assert article.language == language
    assert article.title == text.splitlines()[0]
    assert len(article.summary) == 2
    for sentence in article.summary:
        assert sentence in article.body  # verbatim: nothing cut, re-encoded or mixed
        assert sentence != article.title
    assert "\ufffd" not in article.body


def test_a_language_without_stemmer_or_stop_words_is_summarised() -> None:
    sentence = "Η συνάντηση έγινε στην πόλη την Τρίτη το πρωί μετά από πολλές εβδομάδες."
    text = "Τίτλος της είδησης\n\n" + " ".join(
        sentence.replace("Τρίτη", day) for day in ("Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη")
    )
    article = build_article(RawInput(location="el.txt", content=text, kind="text"))
    assert article.language == "el"
    assert article.summary and all(s in article.body for s in article.summary)


def test_every_language_is_stored_searchable_and_clustered(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'l.db'}")
    create_schema(engine)
    service = BriefingService(engine)
    files = [str(DATA / f"{language}.txt") for language in LANGUAGES]
    report = service.ingest(files)
    assert (report.new, report.failed) == (len(files), 0), report.errors
    # Each language's report is one event of its own (no two scripts share features).
    events = service.top_events(limit=100)
    assert len(events) == len(files)
    assert all(len(e.articles) == 1 and e.digest for e in events)


@pytest.mark.parametrize(
    ("language", "query", "snippet"),
    [
        ("ja", "市庁舎", "[市庁舎]"),  # a word inside an unspaced Japanese sentence
        ("ja", "交渉", "[交渉]"),
        ("zh", "韦斯堡", "[韦斯堡]"),
        ("ko", "농민", "[농민]"),  # Korean glues particles to words: 농민들이
        ("th", "การเจรจา", "[การเจรจา]"),
        ("hi", "मंगलवार", "[मंगलवार]"),  # vowel signs stay inside the word
        ("ar", "الاجتماع", "[الاجتماع]"),
        ("ru", "переговоров", "[переговоров]"),
    ],
)
def test_search_finds_words_of_every_script_on_both_backends(
    language: str, query: str, snippet: str, database_url: str
) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    service = BriefingService(engine)
    report = service.ingest([str(DATA / f"{lang}.txt") for lang in LANGUAGES])
    assert report.failed == 0, report.errors
    hits = service.search(query)
    assert [Path(h.article.location).name for h in hits] == [f"{language}.txt"]
    assert snippet in hits[0].snippet and "\u2063" not in hits[0].snippet
    engine.dispose()
