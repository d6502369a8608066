"""The countries a report names (benchmarks.places, for benchmarks.event_candidates)."""

from __future__ import annotations

import pytest

from benchmarks.places import places


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Gamers snap up new Sony PSP, which went on sale in Japan on Sunday.", "en", {"JP"}),
        ("Sony PSP console hits US in March", "en", {"US"}),
        (
            "UK PM Johnson and South Korea's leader met in the United States.",
            "en",
            {"GB", "KR", "US"},
        ),
        ("Власти Нидерландов продлили запрет; премьер Японии и США.", "ru", {"NL", "JP", "US"}),
        ("Турция отправила в Ливию бронемашины", "ru", {"TR", "LY"}),
    ],
)
def test_countries_are_read_as_territory_codes(
    text: str, language: str, expected: set[str]
) -> None:
    assert places(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fans of Michael Jordan met in New Jersey.",  # a country's name ending a longer name
        "Japanese gamers queued in Tokyo.",  # adjectives and cities are not read
        "the turkey and the china plates",  # lower case
    ],
)
def test_what_is_no_country_named(text: str) -> None:
    assert places(text, "en") == frozenset()
