"""Configuration: the commented TOML defaults in config/, overridden by environment variables."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from summarizer.errors import InputError

DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "config" / "briefing.toml"
#: Length of an article's summary when neither the configuration nor a caller sets one.
SUMMARY_SENTENCES = 3
#: Length of an event's digest in words when neither the configuration nor a caller sets one.
DIGEST_WORDS = 120
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class DatabaseSection:
    """[database]: where everything is stored."""

    url: str = "sqlite:///briefing.db"


@dataclass(frozen=True, slots=True)
class StoreSection:
    """[store]: how long articles are kept (0 keeps everything)."""

    retention_days: int = 90


@dataclass(frozen=True, slots=True)
class SummariesSection:
    """[summaries]: per-article summary method and length, event digest length."""

    method: str = "default"
    sentences: int = SUMMARY_SENTENCES
    digest_words: int = DIGEST_WORDS


@dataclass(frozen=True, slots=True)
class IngestSection:
    """[ingest]: limits of every fetch."""

    timeout_seconds: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private_addresses: bool = False


@dataclass(frozen=True, slots=True)
class FeedsSection:
    """[feeds]: the operator's global feeds and how they are polled."""

    urls: tuple[str, ...] = ()
    poll_minutes: float = 30.0
    lease_minutes: float = 10.0
    max_backoff_hours: float = 6.0


# The sections the domain reads; the bot adds its [bot] (bot.settings.BotSection).
DOMAIN_SECTIONS: Mapping[str, type] = MappingProxyType(
    {
        "database": DatabaseSection,
        "store": StoreSection,
        "summaries": SummariesSection,
        "ingest": IngestSection,
        "feeds": FeedsSection,
    }
)
FALLBACK_DATABASE_URL = DatabaseSection().url

# Environment variable -> (section, key, parser)
_ENV_OVERRIDES: dict[str, tuple[str, str, type]] = {
    "BRIEFING_SUMMARY_METHOD": ("summaries", "method", str),
    "BRIEFING_SUMMARY_SENTENCES": ("summaries", "sentences", int),
    "BRIEFING_DIGEST_WORDS": ("summaries", "digest_words", int),
    "BRIEFING_FETCH_TIMEOUT": ("ingest", "timeout_seconds", float),
    "BRIEFING_MAX_BYTES": ("ingest", "max_bytes", int),
    "BRIEFING_POLL_MINUTES": ("feeds", "poll_minutes", float),
    "BRIEFING_GRACE_MINUTES": ("bot", "grace_minutes", float),
    "BRIEFING_RETENTION_DAYS": ("store", "retention_days", int),
}


def load_config(
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    sections: Mapping[str, type] = DOMAIN_SECTIONS,
) -> dict[str, Any]:
    """Load the TOML defaults, check every section, and apply environment overrides.

    Args:
        path: the TOML file; default BRIEFING_CONFIG or config/briefing.toml of the checkout.
        environ: the environment to read (default os.environ).
        sections: the known sections and their dataclasses; any other section or key is refused.

    Returns:
        The configuration as nested dicts, one per TOML section.

    Raises:
        InputError: the file is not TOML, or a section or key is unknown or of the wrong type;
            the message names the file, the section and the key.
    """
    env = os.environ if environ is None else environ
    chosen = path or (Path(env["BRIEFING_CONFIG"]) if env.get("BRIEFING_CONFIG") else None)
    config: dict[str, Any] = {}
    candidate = chosen or DEFAULT_CONFIG
    if candidate.is_file():
        try:
            config = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{candidate}: not valid TOML: {exc}") from exc
    elif chosen is not None:
        raise InputError(f"{chosen}: configuration file not found")
    check_config(config, sections, source=str(candidate))
    for name, (section, key, parse) in _ENV_OVERRIDES.items():
        if env.get(name):
            try:
                config.setdefault(section, {})[key] = parse(env[name])
            except ValueError as exc:
                raise InputError(f"{name}={env[name]!r} is not a valid {parse.__name__}") from exc
    if env.get("BRIEFING_ALLOW_PRIVATE_ADDRESSES"):
        allowed = env["BRIEFING_ALLOW_PRIVATE_ADDRESSES"].lower() in {"1", "true", "yes"}
        config.setdefault("ingest", {})["allow_private_addresses"] = allowed
    return config


def check_config(
    config: Mapping[str, Any], sections: Mapping[str, type], *, source: str = "config"
) -> None:
    """Refuse an unknown section, an unknown key or a value of the wrong type.

    Raises:
        InputError: one line naming the source, the section and the key.
    """
    for name in config:
        if name not in sections:
            known = ", ".join(sorted(sections))
            raise InputError(f"{source}: unknown section [{name}] (known: {known})")
    for name, schema in sections.items():
        read_section(config, name, schema, source=source)


def read_section(
    config: Mapping[str, Any], name: str, schema: type[_T], *, source: str = "config"
) -> _T:
    """One section of the configuration as its frozen dataclass; defaults live in the dataclass.

    Args:
        config: the configuration of load_config (nested dicts).
        name: the TOML section, e.g. "bot".
        schema: a dataclass whose fields are the section's keys, with their defaults.
        source: the file named in errors.

    Raises:
        InputError: an unknown key or a value of the wrong type, named with its section.
    """
    table = config.get(name, {})
    if not isinstance(table, Mapping):
        raise InputError(f"{source}: [{name}] must be a table of keys")
    fields = {f.name: f for f in dataclasses.fields(schema)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in fields:
            known = ", ".join(fields)
            raise InputError(f"{source} [{name}]: unknown key {key!r} (known: {known})")
        values[key] = _typed(raw, _default(fields[key]), f"{source}: {name}.{key}")
    return schema(**values)


def _default(spec: dataclasses.Field[Any]) -> Any:
    """The default of a section field (every section field has one)."""
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    return spec.default


def _typed(raw: Any, default: Any, where: str) -> Any:
    """`raw` checked against the type of the field's default (ints are welcome as floats)."""
    if isinstance(default, bool):
        ok, value = isinstance(raw, bool), raw
    elif isinstance(default, int):
        ok, value = isinstance(raw, int) and not isinstance(raw, bool), raw
    elif isinstance(default, float):
        ok = isinstance(raw, int | float) and not isinstance(raw, bool)
        value = float(raw) if ok else raw
    elif isinstance(default, str):
        ok, value = isinstance(raw, str), raw
    elif isinstance(default, tuple):
        ok = isinstance(raw, list | tuple)
        value = tuple(raw) if ok else raw
    elif isinstance(default, Mapping):
        ok = isinstance(raw, Mapping)
        value = MappingProxyType(dict(raw)) if ok else raw
    else:  # pragma: no cover - a section field of a type not read from TOML
        ok, value = True, raw
    if not ok:
        kind = "a list" if isinstance(default, tuple) else type(default).__name__
        kind = "a table" if isinstance(default, Mapping) else kind
        raise InputError(f"{where} = {raw!r}: expected {kind}, like {_toml(default)}")
    return value


def _toml(value: Any) -> str:
    """A default written as it would be in the TOML file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    return repr(value)


def database_url(
    config: Mapping[str, Any], override: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """Pick the database URL: --db, then DATABASE_URL, then the config file, then SQLite.

    A value without a scheme is a SQLite file path (``--db news.db`` is ``sqlite:///news.db``).
    """
    env = os.environ if environ is None else environ
    if override:
        return as_database_url(override)
    if env.get("DATABASE_URL"):
        return as_database_url(env["DATABASE_URL"])
    return as_database_url(
        read_section(config, "database", DatabaseSection).url or FALLBACK_DATABASE_URL
    )


def as_database_url(value: str) -> str:
    """A SQLAlchemy URL for a URL or a plain file path (a path becomes a SQLite URL)."""
    if "://" in value or not value.strip():
        return value
    return f"sqlite:///{value}"


def retention_days(config: Mapping[str, Any]) -> int:
    """Days of articles kept: store.retention_days (0 keeps everything).

    Raises:
        InputError: the value is not a whole number of days, or is negative.
    """
    raw = read_section(config, "store", StoreSection).retention_days
    if raw < 0:
        raise InputError(
            f"store.retention_days = {raw!r}: give a whole number of days (0 keeps everything)"
        )
    return raw
