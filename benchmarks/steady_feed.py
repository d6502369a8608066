"""A steady synthetic news feed: plain-text articles of several outlets, day after day."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "summarizer" / "data" / "sample"
OUTLETS = ("Northwire", "Kelmar Herald", "Meridian Daily", "Vesburg Courier", "Port Essel Echo")
PLACES = ("Vesburg", "Emmerholt", "Tollgate", "Greyhelm", "Duvra", "Kelmar", "Essel", "Norland")
SUBJECTS = ("council", "union", "court", "ministry", "club", "company", "airport", "hospital")
ACTIONS = ("approved", "rejected", "delayed", "announced", "investigated", "expanded", "cut")
OBJECTS = ("budget", "strike", "merger", "stadium", "railway", "water plan", "tax", "election")


def _vocabulary() -> list[str]:
    """Plain lower-case English words of the bundled sample articles."""
    words: set[str] = set()
    for path in sorted(SAMPLE.glob("*.txt")):
        words.update(re.findall(r"\b[a-z]{3,12}\b", path.read_text(encoding="utf-8")))
    return sorted(words)


class SteadyFeed:
    """Deterministic articles: every day each outlet writes about a few running topics."""

    def __init__(self, seed: int = 7, per_outlet_per_day: int = 2) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary()
        self.per_outlet_per_day = per_outlet_per_day
        self.serial = 0

    def _sentence(self, topic: tuple[str, str, str, str]) -> str:
        place, subject, action, thing = topic
        filler = " ".join(self.rng.choice(self.words) for _ in range(self.rng.randint(8, 14)))
        self.serial += 1
        return (
            f"The {place} {subject} {action} the {thing} on {self.serial % 28 + 1} counts, "
            f"officials said, {filler}."
        )

    def day(self, folder: Path, day: datetime) -> list[Path]:
        """Write one day's articles into `folder` and return their paths."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for outlet in OUTLETS:
            for n in range(self.per_outlet_per_day):
                topic = (
                    self.rng.choice(PLACES),
                    self.rng.choice(SUBJECTS),
                    self.rng.choice(ACTIONS),
                    self.rng.choice(OBJECTS),
                )
                hour = 6 + 5 * n + self.rng.randint(0, 4)
                stamp = (day + timedelta(hours=hour)).strftime("%Y-%m-%d %H:%M")
                title = f"{topic[0]} {topic[1]} {topic[2]} {topic[3]} ({self.serial})"
                paragraphs = [" ".join(self._sentence(topic) for _ in range(3)) for _ in range(4)]
                text = "\n".join(
                    [
                        title.capitalize(),
                        f"Sign up for the {outlet} newsletter",
                        "Advertisement",
                        f"Updated: {stamp}",
                        f"By {outlet} staff",
                        "",
                        "\n\n".join(paragraphs),
                    ]
                )
                slug = outlet.lower().replace(" ", "-")
                path = folder / f"{day:%Y-%m-%d}_{slug}_{n}-{self.serial}.txt"
                path.write_text(text + "\n", encoding="utf-8")
                written.append(path)
        return written
