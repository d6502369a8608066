"""Bot settings: [bot] defaults of the TOML file, overridden by the environment; token from env."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from summarizer.config import retention_days
from summarizer.errors import InputError

DEFAULT_API_URL = "https://api.telegram.org"
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_hhmm(value: str) -> str:
    """Return a normalised HH:MM string, or raise ValueError naming the expected form."""
    text = value.strip()
    if re.fullmatch(r"\d:[0-5]\d", text):
        text = "0" + text
    if not _HHMM.match(text):
        raise ValueError(f"{value!r} is not a time of day; use HH:MM, e.g. 07:30")
    return text


def check_timezone(name: str) -> str:
    """Return an IANA zone name if zoneinfo knows it, else raise ValueError."""
    try:
        if len(name) > 64:  # the longest IANA name has 32 characters
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(
            f"{name[:40]!r} is not an IANA timezone; use Area/City, e.g. Europe/Paris"
        ) from exc
    return name


def _admin_ids(raw: Any, name: str = "ADMIN_CHAT_IDS") -> frozenset[int]:
    items = raw.split(",") if isinstance(raw, str) else list(raw or [])
    try:
        return frozenset(int(str(item).strip()) for item in items if str(item).strip())
    except ValueError as exc:
        raise InputError(f"{name}={raw!r}: use comma-separated chat ids") from exc


@dataclass(frozen=True, slots=True)
class BotSettings:
    """Everything the bot needs besides the database; the token never appears in repr."""

    token: str | None = field(default=None, repr=False)
    api_url: str = DEFAULT_API_URL
    admin_ids: frozenset[int] = frozenset()
    # Chats (or users, in private chats) that may use the bot; empty: everyone.
    allowed_chat_ids: frozenset[int] = frozenset()
    default_times: tuple[str, ...] = ("08:00",)
    default_timezone: str = "UTC"
    grace: timedelta = timedelta(minutes=120)
    claim_timeout: timedelta = timedelta(minutes=5)
    events_per_briefing: int = 5
    events_page_size: int = 5
    digest_words: int = 120
    lengths: Mapping[str, int] = field(
        default_factory=lambda: {"short": 60, "medium": 120, "long": 250}
    )
    feeds: tuple[str, ...] = ()
    poll_minutes: float = 30.0
    feeds_per_chat: int = 50
    allow_private_feeds: bool = False  # [ingest] allow_private_addresses: for /feeds add too
    retention_days: int = 90  # 0: the daily prune job does not run
    messages_per_second: float = 30.0
    chat_interval_seconds: float = 1.0
    group_messages_per_minute: float = 20.0
    max_retries: int = 5
    max_in_flight: int = 1
    reply_reserve: float = 0.03
    commands_per_minute: float = 20.0
    topics_per_chat: int = 50
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443

    @classmethod
    def from_env(cls, config: Mapping[str, Any], environ: Mapping[str, str]) -> BotSettings:
        """Build settings from the parsed TOML and an environment.

        Args:
            config: the configuration of summarizer.config.load_config.
            environ: environment variables (TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, ADMIN_CHAT_IDS,
                ALLOWED_CHAT_IDS, BRIEFING_WEBHOOK_LISTEN, BRIEFING_WEBHOOK_PORT).

        Returns:
            The settings; raises InputError naming the variable or key that is wrong.
        """
        bot = dict(config.get("bot", {}))
        feeds = dict(config.get("feeds", {}))
        summaries = dict(config.get("summaries", {}))
        try:
            times = tuple(parse_hhmm(t) for t in bot.get("default_times", ["08:00"]))
            zone = check_timezone(str(bot.get("default_timezone", "UTC")))
        except ValueError as exc:
            raise InputError(f"config [bot]: {exc}") from exc
        api_url = environ.get("TELEGRAM_API_URL") or str(bot.get("api_url") or DEFAULT_API_URL)
        admins = environ.get("ADMIN_CHAT_IDS")
        allowed = environ.get("ALLOWED_CHAT_IDS")
        try:
            port = int(environ.get("BRIEFING_WEBHOOK_PORT") or bot.get("webhook_port", 8443))
        except ValueError as exc:
            raise InputError("BRIEFING_WEBHOOK_PORT must be a port number") from exc
        return cls(
            token=environ.get("TELEGRAM_BOT_TOKEN") or None,
            api_url=api_url.rstrip("/"),
            admin_ids=_admin_ids(admins if admins is not None else bot.get("admin_chat_ids", [])),
            allowed_chat_ids=_admin_ids(
                allowed if allowed is not None else bot.get("allowed_chat_ids", []),
                "ALLOWED_CHAT_IDS",
            ),
            default_times=times,
            default_timezone=zone,
            grace=timedelta(minutes=float(bot.get("grace_minutes", 120))),
            claim_timeout=timedelta(seconds=float(bot.get("claim_timeout_seconds", 300))),
            events_per_briefing=int(bot.get("events_per_briefing", 5)),
            events_page_size=int(bot.get("events_page_size", 5)),
            digest_words=int(summaries.get("digest_words", 120)),
            lengths=dict(bot.get("lengths", {"short": 60, "medium": 120, "long": 250})),
            feeds=tuple(str(u) for u in feeds.get("urls", [])),
            poll_minutes=float(feeds.get("poll_minutes", 30)),
            feeds_per_chat=max(0, int(bot.get("feeds_per_chat", 50))),
            allow_private_feeds=bool(
                dict(config.get("ingest", {})).get("allow_private_addresses", False)
            ),
            retention_days=retention_days(config),
            messages_per_second=float(bot.get("messages_per_second", 30)),
            chat_interval_seconds=float(bot.get("chat_interval_seconds", 1.0)),
            group_messages_per_minute=float(bot.get("group_messages_per_minute", 20)),
            max_retries=int(bot.get("max_retries", 5)),
            max_in_flight=max(1, int(bot.get("max_in_flight", 1))),
            reply_reserve=min(0.5, max(0.0, float(bot.get("reply_reserve", 0.03)))),
            commands_per_minute=float(bot.get("commands_per_minute", 20)),
            topics_per_chat=max(0, int(bot.get("topics_per_chat", 50))),
            webhook_listen=environ.get("BRIEFING_WEBHOOK_LISTEN")
            or str(bot.get("webhook_listen", "0.0.0.0")),
            webhook_port=port,
        )
