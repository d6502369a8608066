"""Bot settings: [bot] defaults of the TOML file, overridden by the environment; token from env."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.ratelimit import Limits
from summarizer.config import (
    DOMAIN_SECTIONS,
    FeedsSection,
    IngestSection,
    StoreSection,
    SummariesSection,
    read_section,
    retention_days,
)
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


_LIMITS = Limits()  # the sender's defaults, which the [bot] section's limits take


@dataclass(frozen=True, slots=True)
class BotSection:
    """[bot] of config/briefing.toml: each key's default (the file's comments say what it does)."""

    api_url: str = DEFAULT_API_URL
    admin_chat_ids: tuple[int | str, ...] = ()
    allowed_chat_ids: tuple[int | str, ...] = ()
    default_times: tuple[str, ...] = ("08:00",)
    default_timezone: str = "UTC"
    grace_minutes: float = 120.0
    events_per_briefing: int = 5
    events_page_size: int = 5
    feeds_per_chat: int = 50
    lengths: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType({"short": 60, "medium": 120, "long": 250})
    )
    claim_timeout_seconds: float = 300.0
    messages_per_second: float = _LIMITS.messages_per_second
    chat_interval_seconds: float = _LIMITS.chat_interval
    group_messages_per_minute: float = _LIMITS.group_per_minute
    max_retries: int = _LIMITS.max_retries
    max_in_flight: int = 1
    reply_reserve: float = _LIMITS.reply_reserve
    commands_per_minute: float = 20.0
    topics_per_chat: int = 50
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443


# Every section `briefing` reads: the domain's and the bot's.
SECTIONS: Mapping[str, type] = MappingProxyType({**DOMAIN_SECTIONS, "bot": BotSection})
_BOT = BotSection()
_SUMMARIES = SummariesSection()
_FEEDS = FeedsSection()


@dataclass(frozen=True, slots=True)
class BotSettings:
    """Everything the bot needs besides the database; the token never appears in repr.

    The defaults are those of the sections (BotSection, SummariesSection, ...).
    """

    token: str | None = field(default=None, repr=False)
    api_url: str = _BOT.api_url
    admin_ids: frozenset[int] = frozenset()
    # Chats (or users, in private chats) that may use the bot; empty: everyone.
    allowed_chat_ids: frozenset[int] = frozenset()
    default_times: tuple[str, ...] = _BOT.default_times
    default_timezone: str = _BOT.default_timezone
    grace: timedelta = timedelta(minutes=_BOT.grace_minutes)
    claim_timeout: timedelta = timedelta(seconds=_BOT.claim_timeout_seconds)
    events_per_briefing: int = _BOT.events_per_briefing
    events_page_size: int = _BOT.events_page_size
    digest_words: int = _SUMMARIES.digest_words
    lengths: Mapping[str, int] = field(default_factory=lambda: dict(_BOT.lengths))
    feeds: tuple[str, ...] = _FEEDS.urls
    poll_minutes: float = _FEEDS.poll_minutes
    feeds_per_chat: int = _BOT.feeds_per_chat
    allow_private_feeds: bool = IngestSection().allow_private_addresses  # for /feeds add too
    retention_days: int = StoreSection().retention_days  # 0: the daily prune job does not run
    messages_per_second: float = _BOT.messages_per_second
    chat_interval_seconds: float = _BOT.chat_interval_seconds
    group_messages_per_minute: float = _BOT.group_messages_per_minute
    max_retries: int = _BOT.max_retries
    max_in_flight: int = _BOT.max_in_flight
    reply_reserve: float = _BOT.reply_reserve
    commands_per_minute: float = _BOT.commands_per_minute
    topics_per_chat: int = _BOT.topics_per_chat
    webhook_listen: str = _BOT.webhook_listen
    webhook_port: int = _BOT.webhook_port

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
        bot = read_section(config, "bot", BotSection)
        feeds = read_section(config, "feeds", FeedsSection)
        summaries = read_section(config, "summaries", SummariesSection)
        ingest = read_section(config, "ingest", IngestSection)
        try:
            times = tuple(parse_hhmm(str(t)) for t in bot.default_times)
            zone = check_timezone(bot.default_timezone)
        except ValueError as exc:
            raise InputError(f"config [bot]: {exc}") from exc
        api_url = environ.get("TELEGRAM_API_URL") or bot.api_url or DEFAULT_API_URL
        admins = environ.get("ADMIN_CHAT_IDS")
        allowed = environ.get("ALLOWED_CHAT_IDS")
        try:
            port = int(environ.get("BRIEFING_WEBHOOK_PORT") or bot.webhook_port)
        except ValueError as exc:
            raise InputError("BRIEFING_WEBHOOK_PORT must be a port number") from exc
        return cls(
            token=environ.get("TELEGRAM_BOT_TOKEN") or None,
            api_url=api_url.rstrip("/"),
            admin_ids=_admin_ids(admins if admins is not None else bot.admin_chat_ids),
            allowed_chat_ids=_admin_ids(
                allowed if allowed is not None else bot.allowed_chat_ids, "ALLOWED_CHAT_IDS"
            ),
            default_times=times,
            default_timezone=zone,
            grace=timedelta(minutes=bot.grace_minutes),
            claim_timeout=timedelta(seconds=bot.claim_timeout_seconds),
            events_per_briefing=bot.events_per_briefing,
            events_page_size=bot.events_page_size,
            digest_words=summaries.digest_words,
            lengths=_lengths(bot.lengths),
            feeds=tuple(str(u) for u in feeds.urls),
            poll_minutes=feeds.poll_minutes,
            feeds_per_chat=max(0, bot.feeds_per_chat),
            allow_private_feeds=ingest.allow_private_addresses,
            retention_days=retention_days(config),
            messages_per_second=bot.messages_per_second,
            chat_interval_seconds=bot.chat_interval_seconds,
            group_messages_per_minute=bot.group_messages_per_minute,
            max_retries=bot.max_retries,
            max_in_flight=max(1, bot.max_in_flight),
            reply_reserve=min(0.5, max(0.0, bot.reply_reserve)),
            commands_per_minute=bot.commands_per_minute,
            topics_per_chat=max(0, bot.topics_per_chat),
            webhook_listen=environ.get("BRIEFING_WEBHOOK_LISTEN") or bot.webhook_listen,
            webhook_port=port,
        )


def _lengths(raw: Mapping[str, Any]) -> dict[str, int]:
    """The digest lengths of /settings length: names to whole numbers of words."""
    try:
        return {str(name): int(words) for name, words in raw.items()}
    except (TypeError, ValueError) as exc:
        raise InputError(
            f"config [bot] lengths = {dict(raw)!r}: give words, e.g. short = 60"
        ) from exc
