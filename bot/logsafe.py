"""Keep the bot token out of logs: httpx logs request URLs, and those contain the token."""

from __future__ import annotations

import logging

REDACTED = "<TELEGRAM_BOT_TOKEN>"


class RedactToken(logging.Filter):
    """Replace the token in every record that passes through a handler."""

    def __init__(self, token: str) -> None:
        """Redact `token`."""
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message without the token; never drop a record."""
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg = message.replace(self.token, REDACTED)
            record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters fill exc_text only after filters ran: render the traceback here.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, REDACTED)
        return True


def protect_token(token: str) -> None:
    """Quieten httpx's per-request lines and redact the token on every root handler."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    redact = RedactToken(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
