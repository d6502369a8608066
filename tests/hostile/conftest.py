"""The bot fixtures of tests/bot (fake Bot API, harness) for the hostile bot tests."""

from __future__ import annotations

from tests.bot.conftest import (  # noqa: F401 (fixtures are found by name)
    _timedelta_retry_after,
    engine,
    fake_api,
    harness,
    service,
    settings,
)
