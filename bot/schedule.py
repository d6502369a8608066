"""Delivery slots: a chat's local HH:MM times in its IANA zone, as UTC instants, DST-safe.

Every (local date, HH:MM) pair maps to exactly one instant. In the repeated hour when clocks fall
back the first occurrence is used (fold=0), so the slot fires once; a time skipped when clocks
spring forward is read with the offset before the change (PEP 495), so 02:30 becomes 03:30 once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def utcnow() -> datetime:
    """Return the current time, UTC-aware (the default clock)."""
    return datetime.now(UTC)


def slot_at(day: date, hhmm: str, zone: str) -> datetime:
    """Return the UTC instant of a local time on a local date.

    Args:
        day: the local calendar date.
        hhmm: local time as HH:MM.
        zone: IANA timezone name.

    Returns:
        The UTC-aware instant (the first one in a repeated hour, the shifted one in a gap).
    """
    hour, minute = (int(part) for part in hhmm.split(":"))
    local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def slots_between(
    times: Sequence[str], zone: str, start: datetime, end: datetime
) -> list[datetime]:
    """Return the slots in the half-open interval (start, end], oldest first.

    Args:
        times: local HH:MM delivery times.
        zone: IANA timezone name.
        start: exclusive lower bound (aware).
        end: inclusive upper bound (aware).

    Returns:
        UTC-aware instants, each at most once.
    """
    tz = ZoneInfo(zone)
    day = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    found: set[datetime] = set()
    while day <= last:
        for hhmm in times:
            slot = slot_at(day, hhmm, zone)
            if start < slot <= end:
                found.add(slot)
        day += timedelta(days=1)
    return sorted(found)


def next_slot(times: Sequence[str], zone: str, after: datetime) -> datetime | None:
    """Return the first slot strictly after a time, or None when there are no times."""
    if not times:
        return None
    upcoming = slots_between(times, zone, after, after + timedelta(days=3))
    return upcoming[0] if upcoming else None


def latest_slot(
    times: Sequence[str], zone: str, now: datetime, window: timedelta
) -> datetime | None:
    """Return the newest slot in (now - window, now], or None (the missed slot to catch up)."""
    missed = slots_between(times, zone, now - window, now)
    return missed[-1] if missed else None


def local_weekday(slot: datetime, zone: str) -> str:
    """Return the three-letter local weekday of a slot (mon ... sun)."""
    return WEEKDAYS[slot.astimezone(ZoneInfo(zone)).weekday()]
