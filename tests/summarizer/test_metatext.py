"""A text announcing itself ("Today, we're going to talk about ...") is no prose for a digest."""

from __future__ import annotations

import pytest

from summarizer.text.metatext import announces_itself
from summarizer.text.rules import is_prose


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Today, we’re going to talk about how to adapt a success mindset so you’re able to "
            "step into a leadership role in your online business naturally and with ease.",
            "en",
        ),
        ("I’m about to show you how to become an online business leader with less stress.", "en"),
        ("Read on for three tips that will help you build a firm foundation.", "en"),
        ("In this guide, you will learn how to file your taxes online in ten minutes.", "en"),
        ("If you’re just starting out, I’ll show you the path to take to get started.", "en"),
        ("In the first article, I talked about how online businesses are built in stages.", "en"),
        ("Today, I’m going to build on that by showing you how to shift your mindset.", "en"),
        ("In diesem Artikel zeigen wir, wie Sie Ihre Steuererklärung online abgeben.", "de"),
        ("Dans cet article, nous verrons comment déclarer ses impôts en ligne.", "fr"),
        ("En este artículo te explicamos cómo presentar la declaración de la renta.", "es"),
    ],
)
def test_a_text_announcing_itself_is_no_prose(text: str, language: str) -> None:
    assert announces_itself(text, language)
    assert not is_prose(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("“We’re going to talk about trade and security,” the president told reporters.", "en"),
        ("We are going to talk to the Chinese about tariffs next week, the minister said.", "en"),
        ("Officials will show the plans to residents at a meeting on Tuesday.", "en"),
        ("The company said it will cover the cost of repairs for every affected owner.", "en"),
        ("In this year's budget, the government cut spending on roads by 5%.", "en"),
        ("Readers of the newspaper were asked to scroll through 200 photos.", "en"),
        ("In the first half, the visitors scored twice in four minutes.", "en"),
        ("In the previous election, turnout fell to 59% across the country.", "en"),
        ("In diesem Artikel des Grundgesetzes ist die Menschenwürde verankert.", "de"),
        ("Dans cette affaire, le parquet a ouvert une enquête mardi.", "fr"),
        ("En este artículo de la Constitución se regula el derecho de huelga.", "es"),
    ],
)
def test_a_report_is_no_announcement(text: str, language: str) -> None:
    assert not announces_itself(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In the first part of the year, sales rose 5% to $3bn, the company said.", "en"),
        ("In the last episode of the series, which aired on Sunday, the detective dies.", "en"),
        ("In the next part of the plan, the council will close three libraries.", "en"),
        ("In the previous post, he served as finance minister.", "en"),
        ("In this piece of legislation, ministers gain new powers.", "en"),
        ("In this video, released by the ministry on Monday, soldiers can be seen firing.", "en"),
        ("We are going to cover the cost of the repairs, the council leader told the BBC.", "en"),
        ("Officials said we are going to look at how the money was spent.", "en"),
        ("A video showing you how the bridge collapsed went viral on Monday.", "en"),
        ("Dans cet article de loi, le gouvernement prévoit une hausse des impôts.", "fr"),
        ("Dans cet article publié lundi, l'ancien ministre accuse le président de mensonge.", "fr"),
        ("In diesem Video zeigen Aktivisten, wie Polizisten Demonstranten schlagen.", "de"),
    ],
)
def test_news_naming_a_part_a_video_or_a_plan_is_prose(text: str, language: str) -> None:
    """Without the writer's own voice, or with a speaker's verb, a line is a report."""
    assert not announces_itself(text, language)
    assert is_prose(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In this article, we look at how to choose a pension.", "en"),
        ("In this post we'll walk through the five steps.", "en"),
        ("In the previous post we looked at saving for a deposit.", "en"),
        ("Dans cet article nous verrons comment choisir une banque.", "fr"),
        ("In diesem Ratgeber erfahren Sie, wie Sie Strom sparen.", "de"),
        ("In diesem Beitrag stellen wir fünf Apps vor.", "de"),
    ],
)
def test_the_writers_own_voice_beside_the_text_announces_it(text: str, language: str) -> None:
    assert announces_itself(text, language)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "text",
    [
        "we" + " " * 50_000 + "are",
        "i" + " " * 50_000 + "'ll",
        "In this article" + " " * 50_000 + ",x",
        "In the first post" + " " * 50_000 + ",x",
        "we're going to" + " x" * 20_000,
    ],
)
def test_a_long_blank_is_read_in_linear_time(text: str) -> None:
    """Guarded by a generous timeout: before, one blank was split every way (25 s for this)."""
    assert not announces_itself(text)
