"""Slot arithmetic: local times in IANA zones, once per day across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.schedule import latest_slot, local_weekday, next_slot, slot_at, slots_between

pytestmark = pytest.mark.clock

NY = "America/New_York"


def test_fall_back_repeated_hour_fires_once() -> None:
    # 2026-11-01: clocks go from 02:00 EDT back to 01:00 EST; 01:30 happens twice.
    start = datetime(2026, 10, 31, 12, tzinfo=UTC)
    slots = slots_between(["01:30"], NY, start, start + timedelta(days=2))
    assert slots == [
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),  # 01:30 EDT, the first occurrence
        datetime(2026, 11, 2, 6, 30, tzinfo=UTC),  # 01:30 EST the next day
    ]


def test_spring_forward_skipped_time_fires_once_shifted() -> None:
    # 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT; 02:30 does not exist.
    slot = slot_at(date(2026, 3, 8), "02:30", NY)
    assert slot == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 03:30 EDT
    day = slots_between(
        ["02:30"], NY, datetime(2026, 3, 8, 0, tzinfo=UTC), datetime(2026, 3, 9, 0, tzinfo=UTC)
    )
    assert day == [slot]


def test_local_time_stays_put_across_dst() -> None:
    before = slot_at(date(2026, 10, 31), "08:00", NY)
    after = slot_at(date(2026, 11, 2), "08:00", NY)
    assert (before.hour, after.hour) == (12, 13)  # 08:00 EDT, then 08:00 EST


def test_next_slot_orders_several_times_and_rolls_over() -> None:
    now = datetime(2026, 6, 1, 19, 0, tzinfo=UTC)  # 21:00 in Paris
    assert next_slot(["07:30", "22:15"], "Europe/Paris", now) == datetime(
        2026, 6, 1, 20, 15, tzinfo=UTC
    )
    assert next_slot(["07:30"], "Europe/Paris", now) == datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
    assert next_slot([], "Europe/Paris", now) is None


def test_next_slot_is_strictly_after() -> None:
    slot = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    assert next_slot(["08:00"], "UTC", slot) == slot + timedelta(days=1)


def test_latest_slot_within_grace_only() -> None:
    now = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
    assert latest_slot(["08:00", "09:00"], "UTC", now, timedelta(hours=2)) == datetime(
        2026, 6, 1, 9, 0, tzinfo=UTC
    )
    assert latest_slot(["08:00"], "UTC", now, timedelta(minutes=60)) is None


def test_local_weekday_uses_the_chat_zone() -> None:
    slot = datetime(2026, 6, 6, 23, 30, tzinfo=UTC)  # Saturday in UTC, Sunday in Tokyo
    assert local_weekday(slot, "UTC") == "sat"
    assert local_weekday(slot, "Asia/Tokyo") == "sun"


def test_the_slot_after_a_fall_back_slot_is_the_next_day() -> None:
    # APScheduler's cron trigger fires 01:30 twice that night; the next slot here is a day later.
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    assert next_slot(["01:30"], NY, first) == datetime(2026, 11, 2, 6, 30, tzinfo=UTC)
    assert next_slot(["01:30"], NY, first - timedelta(hours=2)) == first
