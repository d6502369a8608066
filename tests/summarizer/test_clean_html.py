"""Tests of HTML extraction: a built page, metadata, errors and the dev-set score."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.extraction import load_pages, shingle_score
from summarizer.clean.html import HtmlExtract, extract_html, parse_published, strip_site_name
from summarizer.errors import ExtractionError

PARAGRAPHS = (
    "The city council voted on Tuesday to extend the night bus service until the end of next "
    "year, after a six-month trial in which ridership rose by a third.",
    "Officials said the decision followed months of complaints from shift workers who had no "
    "way to get home after the last trams of the evening had left the city centre.",
    "Opponents argued that the money would be better spent on repairing the ageing tram network, "
    "which has suffered repeated breakdowns during the past two winters.",
    "The mayor, who backed the plan, said a final review of the costs would be published in "
    "spring and that the service could be cut again if demand fell.",
)


def build_page(
    *,
    lang: str = "en-GB",
    published: str = "2024-03-05T09:30:00+01:00",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
) -> str:
    """Build a news page with navigation, an article, related links, comments and a footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>
<title>Night buses to run for another year | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="og:title" content="Night buses to run for another year">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Night buses to run for another year</h1>{body}</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Tram repairs delayed again</a></li>
<li><a href="/b">Council budget approved</a></li></ul></aside>
<section class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p>Reader42: About time too, I have waited years for this decision.</p></div>
</section>
<footer><p>Copyright 2024 Example Times. All rights reserved.</p></footer>
</body></html>"""


def test_extracts_article_and_metadata() -> None:
    result = extract_html(build_page(), url="https://example.org/news/night-buses")
    assert isinstance(result, HtmlExtract)
    assert result.title == "Night buses to run for another year"
    assert result.paragraphs == PARAGRAPHS
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert result.source == "Example Times"
    assert result.language == "en"
    assert result.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    text = "\n".join(result.paragraphs)
    for debris in ("Home", "Related stories", "Reader42", "All rights reserved"):
        assert debris not in text


def test_missing_language_and_date() -> None:
    page = build_page(lang="", published="").replace('<html lang="">', "<html>")
    page = page.replace('<meta property="article:published_time" content="">', "")
    result = extract_html(page)
    assert result.language == ""
    # Not guessed from the footer's "Copyright 2024".
    assert result.published is None


@pytest.mark.parametrize("html", ["", "   \n\t  "])
def test_empty_html_raises(html: str) -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract_html(html)


def test_page_without_article_text_raises() -> None:
    with pytest.raises(ExtractionError, match="no article text"):
        extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", url="u")


def test_binary_garbage_raises() -> None:
    with pytest.raises(ExtractionError):
        extract_html("\x00\x01\x02 \x03")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-19T09:01:42+0530", datetime(2019, 11, 19, 3, 31, 42, tzinfo=UTC)),
        ("2019-11-19T00:00:00", datetime(2019, 11, 19, tzinfo=UTC)),
        ("2019-11-19", datetime(2019, 11, 19, tzinfo=UTC)),
        ("last Tuesday", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value: str | None, expected: datetime | None) -> None:
    assert parse_published(value) == expected


def test_strip_site_name() -> None:
    assert strip_site_name("Meal prep for beginners | The Example Blog", "The Example Blog") == (
        "Meal prep for beginners"
    )
    assert strip_site_name("Putin - Kerry talks | Example", "example") == "Putin - Kerry talks"
    assert strip_site_name("Oil falls - Reuters", "") == "Oil falls - Reuters"
    assert strip_site_name("Fact check: is it true?", "Example") == "Fact check: is it true?"
    assert strip_site_name("Example News: Actress stuns", "Example News") == "Actress stuns"
    assert strip_site_name("Example Newsroom wins prize", "Example News") == (
        "Example Newsroom wins prize"
    )


def test_dev_set_shingle_f1(shared: Path) -> None:
    pages = load_pages(shared)
    outputs = []
    for page in pages:
        try:
            outputs.append("\n\n".join(extract_html(page.html).paragraphs))
        except ExtractionError:
            outputs.append("")
    score = shingle_score(zip(outputs, (p.body for p in pages), strict=True))
    assert score.f1 >= 0.95, score


def _masthead_page(title: str, masthead: str) -> str:
    """A page whose only <h1> is the site's name in a link home (no og:title, no og:site_name)."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>
<header><a href="/"><h1>{masthead}</h1></a></header>
<div class="story"><h2 class="sub">Night buses</h2>{body}</div></body></html>"""


def test_site_name_in_a_home_link_is_not_the_title() -> None:
    page = _masthead_page("Night buses to run for another year - Example", "Exam Ple Daily")
    result = extract_html(page.replace("Exam Ple Daily", "Example Times"))
    assert result.title == "Night buses to run for another year"


def test_masthead_title_falls_back_to_page_title_without_site_affix() -> None:
    result = extract_html(_masthead_page("Night buses to run for another year - Example", "엑 스"))
    assert result.title != "엑 스"
    assert result.title == "Night buses to run for another year"


def test_masthead_without_other_title_gives_no_title() -> None:
    result = extract_html(_masthead_page("Example Times", "Example Times"))
    assert result.title == ""
