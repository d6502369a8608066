"""Telegram adapter over the summarizer domain: commands, schedules, delivery."""
