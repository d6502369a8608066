"""How common each word stem is in a language at large: what a term weighs in events and stories.

A word that is rare in the language says more about a thread than a common one, and that does
not change with what a database happens to hold: weighed by their own document frequencies, the
words of a story that fills a week would count less the more it is covered, and a fresh database
would weigh every word alike. The tables in
`summarizer/data/frequencies/` give, per language, the frequency of the 30,000 most common words
summed by stem (the stems `features.stem` makes), from the word lists of wordfreq 3.1.1 (CC BY-SA
4.0, see the README there). A stem not listed is taken to be as rare as the rarest listed one.

Rebuild the tables (wordfreq is not a dependency of Briefing: install it by hand first) with
`python -m summarizer.events.background`.
"""

from __future__ import annotations

import gzip
import logging
import math
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

TABLES = Path(__file__).resolve().parents[1] / "data" / "frequencies"
#: Languages with a table, by ISO 639-1 code, and the code wordfreq uses for each.
WORDFREQ_CODES: dict[str, str] = {
    "cs": "cs", "da": "da", "de": "de", "en": "en", "es": "es", "fi": "fi", "fr": "fr",
    "hu": "hu", "it": "it", "nl": "nl", "no": "nb", "pt": "pt", "ro": "ro", "ru": "ru",
    "sk": "sk", "sv": "sv", "uk": "uk",
}  # fmt: skip
_WORDS = 30_000


class Background:
    """Frequencies of the word stems of one language (share of all running words)."""

    __slots__ = ("information", "unlisted")

    def __init__(self, frequencies: dict[str, float]) -> None:
        """Keep a table of stem -> frequency (positive shares)."""
        if not frequencies:
            raise ValueError("a background table needs at least one stem")
        #: stem -> -ln(frequency), its information in nats.
        self.information = {stem: -math.log(value) for stem, value in frequencies.items()}
        #: the information of an unlisted stem: that of the rarest listed one.
        self.unlisted = max(self.information.values())

    def __len__(self) -> int:
        """Number of listed stems."""
        return len(self.information)

    def idf(self, stem: str) -> float:
        """The stem's information, -ln(frequency); unlisted stems count as the rarest listed."""
        return self.information.get(stem, self.unlisted)


@cache
def background(language: str) -> Background | None:
    """The table of a language (ISO 639-1 code), or None when Briefing has none for it."""
    path = TABLES / f"{language}.tsv.gz"
    if language not in WORDFREQ_CODES or not path.is_file():
        return None
    frequencies: dict[str, float] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            stem, _, value = line.rstrip("\n").partition("\t")
            frequencies[stem] = float(value)
    return Background(frequencies)


def build(language: str) -> dict[str, float]:  # pragma: no cover - needs wordfreq
    """Sum wordfreq's frequencies of a language's most common words by stem."""
    import wordfreq  # type: ignore[import-not-found, unused-ignore]

    from summarizer.events.features import stem

    code = WORDFREQ_CODES[language]
    listed: dict[str, float] = wordfreq.get_frequency_dict(code)
    stems: dict[str, float] = {}
    for word in wordfreq.top_n_list(code, _WORDS):
        key = word if word[:1].isdigit() else stem(word, language)
        stems[key] = stems.get(key, 0.0) + listed.get(word, 0.0)
    return {key: value for key, value in stems.items() if value > 0.0}


def write(language: str, frequencies: dict[str, float]) -> Path:  # pragma: no cover
    """Write a table as gzip-compressed `stem<TAB>frequency` lines, sorted (reproducible)."""
    TABLES.mkdir(parents=True, exist_ok=True)
    path = TABLES / f"{language}.tsv.gz"
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(f"# wordfreq 3.1.1, {WORDFREQ_CODES[language]}, top {_WORDS}\n".encode())
        for key, value in sorted(frequencies.items()):
            handle.write(f"{key}\t{value:.3g}\n".encode())
    return path


if __name__ == "__main__":  # pragma: no cover
    for code in WORDFREQ_CODES:
        table = build(code)
        print(f"{write(code, table)}: {len(table)} stems")
