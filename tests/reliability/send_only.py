"""Send one message to each of many chats through the bot's PacingRateLimiter, as its own process.

Run: python -m tests.reliability.send_only API_URL TOKEN FIRST_CHAT COUNT RATE
(benchmarks/bot_load.py starts it so the fake server and the sender do not share one GIL).
"""

from __future__ import annotations

import asyncio
import os
import sys

from telegram.ext import ExtBot

from bot.ratelimit import Limits, PacingRateLimiter

TEXT = "<b>Briefing</b>\n\n" + "A line of the briefing. " * 40


async def send_all(api_url: str, token: str, first: int, count: int, rate: float) -> None:
    """Send TEXT to chats first .. first + count - 1 at once; the limiter paces them.

    Args:
        api_url: the Bot API base URL.
        token: the bot token.
        first: the first chat id.
        count: how many chats.
        rate: messages per second in all (1 per second per chat).
    """
    limiter = PacingRateLimiter(Limits(messages_per_second=rate, chat_interval=1.0))
    bot: ExtBot[int] = ExtBot(token, base_url=f"{api_url}/bot", rate_limiter=limiter)
    async with bot:
        await asyncio.gather(
            *(
                bot.send_message(chat_id=chat, text=TEXT, parse_mode="HTML")
                for chat in range(first, first + count)
            )
        )


def main() -> None:
    """Parse the arguments and send."""
    api_url, token, first, count, rate = sys.argv[1:6]
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    asyncio.run(send_all(api_url, token, int(first), int(count), float(rate)))


if __name__ == "__main__":
    main()
