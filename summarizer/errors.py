"""Exception tree of the summarizer package.

BriefingError
├── InputError          bad input: missing, empty, binary, undecodable, too large, malformed
│   └── FetchError      a URL could not be fetched (network, status, size, address refused)
├── ExtractionError     no article text could be extracted from a readable input
├── StorageError        the database refused an operation
├── NotFoundError       an id that does not exist
└── InternalError       an unexpected exception (a bug) while handling one input, with the
                        stage it happened in; the original exception is its __cause__

Each class names its `kind` ("input", "fetch", ...), which reports and JSON output carry so that a
caller can tell a fetch failure from an extraction failure without parsing messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any


class BriefingError(Exception):
    """Base class of every error Briefing raises on purpose."""

    kind = "error"


class InputError(BriefingError):
    """An input cannot be read as an article; the message names the input and the fix."""

    kind = "input"


class FetchError(InputError):
    """A URL could not be fetched."""

    kind = "fetch"


class ExtractionError(BriefingError):
    """A readable input held no article text."""

    kind = "extraction"


class StorageError(BriefingError):
    """The database refused an operation."""

    kind = "storage"


class NotFoundError(BriefingError):
    """An id that does not exist in the database."""

    kind = "not found"


class InternalError(BriefingError):
    """An unexpected exception while handling one input: a bug, reported and contained.

    Attributes:
        stage: what was being done ("cleaning", "dating", "summarising", "clustering", ...).
    """

    kind = "internal"

    def __init__(self, message: str, *, stage: str) -> None:
        super().__init__(message)
        self.stage = stage

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the stage (it crosses to and from worker processes); no cause kept."""
        return (partial(InternalError, stage=self.stage), self.args)


@contextmanager
def stage(name: str, location: str) -> Iterator[None]:
    """Run one stage of handling an input: an unexpected exception becomes an InternalError.

    Briefing's own errors pass through unchanged; any other exception is wrapped with the stage
    and the input named, in one line, and chained as the cause (its traceback stays loggable).

    Args:
        name: the stage, as a gerund ("summarising").
        location: the input's path or URL.
    """
    try:
        yield
    except BriefingError:
        raise
    except Exception as exc:
        detail = (str(exc).splitlines() or [""])[0]
        raise InternalError(
            f"{location}: internal error while {name}: {type(exc).__name__}: {detail}",
            stage=name,
        ) from exc
