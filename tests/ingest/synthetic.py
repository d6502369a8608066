"""A synthetic news stream for ingest tests: threads of happenings told by several outlets."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

_SYLLABLES = [
    "ka",
    "lo",
    "mir",
    "ten",
    "sa",
    "vu",
    "dre",
    "pol",
    "an",
    "is",
    "bor",
    "et",
    "gu",
    "ni",
    "ram",
    "tes",
    "ul",
    "fa",
    "ke",
    "zor",
]


def _words(rng: random.Random, count: int, capital: bool = False) -> list[str]:
    words = set()
    while len(words) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
        words.add(word.capitalize() if capital else word)
    return sorted(words)


def synthetic_stream(
    folder: Path, count: int, seed: int = 12, *, standing_lines: bool = False
) -> list[Path]:
    """`count` reports of threads of happenings, 1 to 4 outlets each, over five days.

    Each happening has its own names, place and words, and shares a name and words with the
    others of its thread; outlets tell it in their own sentences (and a few copy another
    outlet's report with one sentence changed), so events, stories and copies all form.
    With `standing_lines`, every report ends with its outlet's standing line (page furniture,
    a short line the cleaner keeps until it is known) and its file is named DATE_OUTLET_SLUG
    (texts of no known outlet have no furniture).
    """
    rng = random.Random(seed)
    common = _words(rng, 120)
    outlets = [f"{name} Courier" for name in _words(rng, 12, capital=True)]
    start = datetime(2026, 3, 2, 6, tzinfo=UTC)
    reports: list[tuple[datetime, str, str, str]] = []
    thread = 0
    while len(reports) < count:
        thread += 1
        lead = _words(rng, 2, capital=True)
        thread_words = _words(rng, 10)
        when = start + timedelta(hours=rng.uniform(0, 100))
        for _ in range(rng.randint(1, 4)):  # happenings of the thread, a day or so apart
            names = [*rng.sample(lead, 1), *_words(rng, 2, capital=True)]
            place = _words(rng, 1, capital=True)[0]
            own = _words(rng, 12)
            told: list[str] = []
            for _ in range(rng.randint(1, 4)):
                outlet = rng.choice(outlets)
                published = when + timedelta(minutes=rng.randint(0, 600))
                if told and rng.random() < 0.15:  # a copy of an earlier report, one line edited
                    body = told[-1].split("\n\n")
                    body[-1] = " ".join(rng.choices(common, k=12)).capitalize() + "."
                    text = "\n\n".join(body)
                else:
                    sentences = []
                    for _ in range(rng.randint(5, 8)):
                        pool = own * 3 + thread_words * 2 + common
                        words = [*rng.sample(names, 1), *rng.choices(pool, k=rng.randint(9, 15))]
                        rng.shuffle(words)
                        sentences.append(" ".join(words).capitalize() + f" in {place}.")
                    text = "\n\n".join(sentences)
                    told.append(text)
                title = f"{names[0]} {' '.join(rng.sample(own[:5], 3))} in {place}"
                reports.append((published, outlet, title, text))
            when += timedelta(hours=rng.uniform(10, 40))
    paths = []
    for number, (published, outlet, title, body) in enumerate(reports[:count]):
        name = f"report-{number:04d}.txt"
        if standing_lines:  # furniture is learnt per outlet: name it as the product reads it
            slug = outlet.lower().replace(" ", "-")
            name = f"{published:%Y-%m-%d}_{slug}_{name}"
        path = folder / name
        stamp = published.strftime("%d %B %Y %H:%M UTC")
        standing = f"\n\nThe {outlet} has been owned by its readers since 19{21 + len(outlet)}."
        ending = standing if standing_lines else ""
        path.write_text(f"{title}\n\n{outlet}, {stamp}\n\n{body}{ending}\n", encoding="utf-8")
        paths.append(path)
    return paths
