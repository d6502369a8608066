"""Pointers to what a page shows beside its text: "The following chart ...", "the video below"."""

from __future__ import annotations

import re

__all__ = ["points_at_media"]

# Per language: a chart, table, map, photo or video the page shows, named by where it stands
# ("The following chart summarizes ...", "the table below", "Watch the video above"). A digest
# shows the text alone, so such a line points at nothing its reader has. Bounded: one noun, a
# word or two between, no gap that grows with the line.
_MEDIA: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:the|this|these)\s+following\s+(?:\w+\s+)?"
        r"(?:charts?|tables?|graphs?|graphics?|maps?|videos?|photos?|images?|infographics?"
        r"|slideshows?|galler(?:y|ies)|clips?)\b"
        r"|\b(?:charts?|tables?|graphs?|graphics?|maps?|videos?|photos?|images?|infographics?"
        r"|slideshows?|galler(?:y|ies)|clips?)\s+(?:below|above)\b"
        # What the page holds further down, placed by where it stands, not by a noun: "All that
        # and more is below in the latest Lunch Break.", "Full details are below." (not "is below
        # average", "Inflation is below 2%", "Sales are below; ...": those go on with what it is
        # below, or compare; nor "is above", which a level or a rank is as often as a page part).
        r"|\b(?:is|are)\s+(?:all\s+)?(?:listed\s+|included\s+|found\s+)?below"
        r"(?=\s+in\s+(?:the|our|this|today's|today’s)\b|\s*[.!]?\s*$)"
        # "See below for ...", "The winners are listed below, with ...": the pointer ends a
        # clause or says what it points at ("for"), not "listed above those of every other".
        r"|\b(?:see|listed|shown|linked|embedded)\s+(?:below|above)(?=\s*[.,:!]|\s+for\b|\s*$)",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:folgende[nr]?|untenstehende[nr]?|obige[nr]?)\s+"
        r"(?:Grafik|Tabelle|Karte|Video|Foto|Bild|Infografik|Bildergalerie)\w*"
        r"|\b(?:Grafik|Tabelle|Karte|Video|Foto|Bild|Infografik)\w*\s+(?:unten|oben)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:graphiques?|tableaux?|tableau|cartes?|vidéos?|photos?|images?|infographies?)"
        r"\s+(?:ci-dessous|ci-dessus)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:gráficos?|tablas?|mapas?|vídeos?|videos?|fotos?|imágenes|imagen|infografías?)"
        r"\s+(?:de\s+)?(?:abajo|arriba|a\s+continuación)\b",
        re.IGNORECASE,
    ),
}


def points_at_media(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence points at a chart, table, map, photo or video the page shows.

    "The following chart summarizes the approximate value of the seizures.", "Watch the video
    below.", "Die folgende Grafik zeigt ...", "Le graphique ci-dessous ...": the page holds
    what the line points at; a digest or a briefing, which shows the text alone, does not. In
    English, the page's own content placed by where it stands too ("All that and more is below
    in the latest Lunch Break.").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr and es are read (others: False).

    Returns:
        True for a pointer to something the page shows beside its text.
    """
    pattern = _MEDIA.get(language)
    return pattern is not None and pattern.search(sentence) is not None
