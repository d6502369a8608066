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


SAME_TALKS = """ウェスブルクでドゥフラ川の水利交渉が開幕

ドゥフラ川の水の配分をめぐり、ノーランとウェスマルクの代表団が火曜日にウェスブルクの市庁舎で交渉を始めた。国連特使が議長を務める交渉は十一年ぶりとなる。

ウェスマルクは夏の流量として毎秒百八十立方メートルを求め、ノーランは毎秒百二十立方メートルを提案している。

市庁舎の前には農民約二千人が集まったが、警察によると抗議は平穏だった。
"""
OTHER_NEWS = """東京・上野に新しい美術館が開館

東京の上野に新しい美術館が土曜日に開館した。開館初日には約五千人が訪れ、入口の前には長い行列ができた。

美術館には日本の現代美術の作品が三百点以上展示されている。館長は、若い芸術家の作品を多くの人に見てもらいたいと話した。
"""


def test_japanese_reports_of_one_event_are_clustered_together(tmp_path: Path) -> None:
    (tmp_path / "same.txt").write_text(SAME_TALKS, encoding="utf-8")
    (tmp_path / "other.txt").write_text(OTHER_NEWS, encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp_path / 'ja.db'}")
    create_schema(engine)
    service = BriefingService(engine)
    files = [str(DATA / "ja.txt"), str(tmp_path / "same.txt"), str(tmp_path / "other.txt")]
    report = service.ingest(files)
    assert (report.new, report.failed) == (3, 0), report.errors
    groups = sorted(
        sorted(Path(a.location).name for a in event.articles)
        for event in service.top_events(limit=10)
    )
    assert groups == [["ja.txt", "same.txt"], ["other.txt"]]
