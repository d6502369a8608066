"""Date arithmetic on stored times that cannot overflow (a stored 0001-01-01 stays servable)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EARLIEST = datetime.min.replace(tzinfo=UTC)
LATEST = datetime.max.replace(tzinfo=UTC)


def shift(moment: datetime, delta: timedelta) -> datetime:
    """Return `moment + delta`, saturating at the first or last representable instant.

    Args:
        moment: a timezone-aware time, possibly at the edge of the calendar.
        delta: the shift (negative to go back).

    Returns:
        The shifted time, or EARLIEST/LATEST (in UTC) where the calendar ends.
    """
    try:
        return moment + delta
    except OverflowError:
        return EARLIEST if delta < timedelta(0) else LATEST
