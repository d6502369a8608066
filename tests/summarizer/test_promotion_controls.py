"""A page's own controls ("Press enter to return or tab to continue.") are site furniture."""

from __future__ import annotations

import pytest

from summarizer.text.rules import is_promotional


@pytest.mark.parametrize(
    "text",
    [
        "Press enter to return or tab to continue.",
        "Hit the Esc key to close the gallery.",
        "Press space to pause the video.",
    ],
)
def test_a_line_naming_the_pages_keys_is_furniture(text: str) -> None:
    assert is_promotional(text)


@pytest.mark.parametrize(
    "text",
    [
        "The press returned to the chamber to hear the verdict on Tuesday.",
        "Storms hit the coast to the south of the city on Monday.",
        "Pressure to return the artefacts grew after the museum's report.",
    ],
)
def test_news_of_pressing_and_hitting_is_no_furniture(text: str) -> None:
    assert not is_promotional(text)
