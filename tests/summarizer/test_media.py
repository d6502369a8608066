"""Pointers to what a page shows beside its text are no prose for a digest."""

from __future__ import annotations

import pytest

from summarizer.text.media import points_at_media
from summarizer.text.rules import is_prose


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The following chart summarizes the approximate value of the seizures.", "en"),
        ("Watch the video below to find out about the jet's last known position.", "en"),
        ("As the table above shows, prices rose in every region.", "en"),
        ("The following interactive map shows where the fires are burning.", "en"),
        ("All that and more is below in the latest 9to5Toys Lunch Break.", "en"),
        ("Full details are below.", "en"),
        ("See below for the full schedule of events.", "en"),
        ("The winners are listed below, with their prizes.", "en"),
        ("All that and more is below in the latest Lunch Break.", "en"),
        ("The full list of winners is below.", "en"),
        ("Die folgende Grafik zeigt die Zahl der Neuinfektionen.", "de"),
        ("Le graphique ci-dessous montre la hausse des prix.", "fr"),
        ("El gráfico de abajo muestra la evolución de los precios.", "es"),
    ],
)
def test_a_pointer_to_a_chart_or_video_is_no_prose(text: str, language: str) -> None:
    assert points_at_media(text, language)
    assert not is_prose(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The video showed the suspect running from the scene.", "en"),
        ("Temperatures stayed below freezing for the following week.", "en"),
        ("The map of the district was redrawn above the objections of residents.", "en"),
        ("A photo of the minister above a burning car went viral on Tuesday.", "en"),
        ("The following day, the minister resigned.", "en"),
        ("Inflation is below 2% for the first time since 2021.", "en"),
        ("Unemployment is below the national average in the region.", "en"),
        ("Shares are above their offer price in early trading.", "en"),
        ("The river is below its usual level in the dry season.", "en"),
        ("Inflation is below the central bank's target of 2 percent.", "en"),
        ("Temperatures in the capital are below average for the season.", "en"),
        ("The shares are below their issue price in Frankfurt.", "en"),
        ("Das Video zeigt den Verdächtigen auf der Flucht.", "de"),
        ("La vidéo montre le suspect en train de fuir.", "fr"),
        ("El vídeo muestra al sospechoso huyendo.", "es"),
    ],
)
def test_media_a_report_tells_of_is_no_pointer(text: str, language: str) -> None:
    assert not points_at_media(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures will remain well below average, and rainfall is above: the wettest spring "
        "on record.",
        "The river level is above: it broke its banks at 9 p.m.",
        "Sales in the region are below; those in Asia are above.",
        "Her grades were listed above those of every other pupil.",
        "The water is above in the town's upper districts, the mayor said.",
    ],
)
def test_a_level_or_a_rank_above_or_below_is_prose(text: str) -> None:
    """'Is above' and a 'listed above' that goes on are a comparison, not a page's part."""
    assert not points_at_media(text)
    assert is_prose(text)
