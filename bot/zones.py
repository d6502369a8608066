"""Timezones as people type them: any case, a full IANA name or a city IANA knows ("kyiv")."""

from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

from bot.settings import check_timezone

# Legacy aliases and POSIX-style names a city lookup should never land on.
_SKIP = ("Etc/", "SystemV/", "US/", "posix/", "right/", "Canada/", "Brazil/", "Mexico/", "Chile/")


@cache
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """Zones by lower-case full name, and by lower-case city (last part of the name)."""
    names = sorted(available_timezones())
    full = {name.lower(): name for name in names}
    cities: dict[str, str] = {}
    for name in names:
        if "/" not in name or name.startswith(_SKIP):
            continue
        cities.setdefault(name.rsplit("/", 1)[1].lower(), name)
    return full, cities


def find_timezone(text: str) -> str:
    """The IANA zone a person means: "europe/kyiv", "Kyiv", "new york" or "New_York".

    Args:
        text: what follows /timezone.

    Returns:
        The zone's IANA name; raises ValueError when nothing matches.
    """
    typed = "_".join(text.split())[:64]
    if not typed:
        raise ValueError(text)
    full, cities = _index()
    key = typed.lower().replace("-", "_") if "/" not in typed else typed.lower()
    found = full.get(typed.lower()) or cities.get(key) or cities.get(typed.lower())
    return check_timezone(found or typed)
