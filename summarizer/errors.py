"""Exception tree of the summarizer package.

BriefingError
├── InputError          bad input: missing, empty, binary, not UTF-8, too large, malformed
│   └── FetchError      a URL could not be fetched (network, status, size, address refused)
├── ExtractionError     no article text could be extracted from a readable input
├── StorageError        the database refused an operation
└── NotFoundError       an id that does not exist
"""


class BriefingError(Exception):
    """Base class of every error Briefing raises on purpose."""


class InputError(BriefingError):
    """An input cannot be read as an article; the message names the input and the fix."""


class FetchError(InputError):
    """A URL could not be fetched."""


class ExtractionError(BriefingError):
    """A readable input held no article text."""


class StorageError(BriefingError):
    """The database refused an operation."""


class NotFoundError(BriefingError):
    """An id that does not exist in the database."""
