"""Every message the bot shows people, in English, as the message ids of the gettext catalogues.

Each constant is one message of the handlers, bot.format or bot.settings (the module named
beside it), a template with named {placeholders}; the handlers show them through
`bot.i18n.Translator` in the chat's language (docs/i18n.md).
"""

from __future__ import annotations

from bot.i18n import N_, NP_

# -- command menu (bot.handlers.account COMMANDS / ADMIN_COMMANDS; setMyCommands per language) --
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", N_("Welcome, subscribe and how it works")),
    ("help", N_("List the commands")),
    ("brief", N_("The briefing now: top events with digests")),
    ("events", N_("Ranked events with buttons")),
    ("event", N_("ID: full digest with sources and links")),
    ("story", N_("ID: the timeline of a story")),
    ("article", N_("ID: one article and its summary")),
    ("search", N_("WORDS: search the articles")),
    ("subscribe", N_("[TOPIC...]: daily briefings, optionally on topics")),
    ("unsubscribe", N_("Stop the scheduled briefings")),
    ("topics", N_("Follow or drop keywords")),
    ("schedule", N_("HH:MM [HH:MM...]: local delivery times")),
    ("timezone", N_("Area/City: your timezone")),
    ("settings", N_("Length, quiet days and language")),
    ("forget", N_("Delete everything stored about this chat")),
    ("feeds", N_("Your own feeds: list, add, remove, export")),
    ("channel", N_("@name: post your briefings to a channel you run")),
)
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("sources", N_("Admins: list, add or remove feeds")),
    ("stats", N_("Admins: counts of articles, events and chats")),
)

# -- usage lines (bot.handlers.common USAGE and usage()) --
USAGE: dict[str, str] = {
    "event": N_("/event ID — e.g. /event 12"),
    "story": N_("/story ID — e.g. /story 3"),
    "article": N_("/article ID — e.g. /article 40"),
    "search": N_("/search WORDS — e.g. /search election results"),
    "schedule": N_("/schedule HH:MM [HH:MM...] — e.g. /schedule 07:30 18:00"),
    "timezone": N_("/timezone Area/City — e.g. /timezone Europe/Paris"),
    "topics": N_(
        '/topics, /topics add WORD "a phrase" -WORD..., /topics drop WORD..., /topics clear'
    ),
    "settings": N_(
        "/settings, /settings length short|medium|long, /settings quiet sat sun|none, "
        "/settings language en|ru|uk"
    ),
    "forget": N_("/forget, then /forget yes to confirm"),
    "sources": N_("/sources, /sources add URL, /sources remove URL, /sources poll"),
    "events": N_("/events [PAGE] — e.g. /events 2"),
    "feeds": N_(
        "/feeds, /feeds add URL..., /feeds remove N|URL, /feeds export; "
        "send an .opml file to import feeds"
    ),
}
USAGE_LINE = N_("Usage: {usage}")

# -- bot.handlers.account --
WELCOME = N_(
    "<b>Welcome to Briefing.</b>\n\n"
    "I read the news from many outlets, group articles about the same happening into events, "
    "and write a short digest of each, with its sources.\n\n"
    "You are subscribed: a briefing arrives at {plan}, carrying only what is new.\n"
    "Change it with /schedule and /timezone, follow keywords with /topics, "
    "stop with /unsubscribe.\n\n"
    "Try /brief now, or /help for every command."
)
PLAN = N_("{times} ({zone})")
NO_TIMES = N_("no times")
COMMANDS_TITLE = N_("<b>Commands</b>")
SUBSCRIBED = N_("Subscribed: briefings at {plan} on {topics}. /unsubscribe stops them.")
ALL_NEWS = N_("all news")
UNSUBSCRIBED = N_("Unsubscribed: no more scheduled briefings. /subscribe resumes.")
TOPICS_LIST = N_("Topics: {topics}")
NO_TOPICS = N_("No topics: briefings cover all news.")
TOPICS_FULL = NP_(
    "A chat follows at most {count} topic: not added {words}. /topics drop WORD makes room.",
    "A chat follows at most {count} topics: not added {words}. /topics drop WORD makes room.",
)
TOPICS_EXCLUDED = N_("Excluded: {topics}")
TOPICS_HINT = N_(
    '/topics add WORD or "a phrase" follows, /topics add -WORD excludes, /topics drop WORD drops.'
)
TOPICS_NOT_FOLLOWED = N_("Not among this chat's topics: {topics}.")
TOPICS_REFUSED = N_("Left out: {items} (no word in it, or a phrase of more than 8 words).")
BRIEFINGS_AT = N_("Briefings at {plan}.")
SUBSCRIBE_TO_RECEIVE = N_("/subscribe to receive them.")
AT_MOST_TIMES = NP_("At most {count} time a day.", "At most {count} times a day.")
TIMEZONE_IS = N_("Timezone: {zone}.")
TIMEZONE_SET = N_("Timezone set: briefings at {plan}.")
SETTINGS = N_(
    "<b>Settings</b>\n"
    "Subscribed: {subscribed}\n"
    "Briefings: {plan}\n"
    "Length: {length}\n"
    "Quiet days: {quiet}\n"
    "Topics: {topics}"
)
YES = N_("yes")
NO = N_("no")
NONE = N_("none")
WORD_COUNT = NP_("{count} word", "{count} words")
QUIET_DAYS_HINT = N_("Days are mon tue wed thu fri sat sun.")
SETTINGS_LANGUAGE = N_("Language: {language}")
LANGUAGE_SET = N_("Language: {language}.")
LANGUAGE_UNKNOWN = N_("No messages in {code} yet; choose one of {languages}.")

# -- bot.handlers.admin --
ADMINS_ONLY = N_("Only admins can use /{command}.")
FEED_ADDED = N_("Added {url}.")
FEED_ALREADY = N_("Already polled: {url}.")
FEED_REFUSED = N_("Not added: {reason}")
FEED_REMOVED = N_("Removed {url}.")
FEED_UNKNOWN = N_("Not a configured feed: {url}.")
POLLED = N_("Polled feeds: {new} new, {duplicate} duplicate, {failed} failed.")
NO_FEEDS = N_("No feeds yet.")
FEEDS = N_("<b>Feeds</b> (times in UTC)\n{feeds}\n\nUsage: /sources add URL")
# -- bot.format.feed_status (one feed of /sources and /sources poll) --
FEED_POLLING_NOW = N_("polling now")
FEED_FAILING = N_("⚠ failed {count}× in a row")
FEED_NEXT_TRY = N_("next try {when}")
FEED_NOT_POLLED = N_("not polled yet")
FEED_POLLED = N_("ok, polled {when}")
FEED_NEXT = N_("next {when}")
FEED_EVERY = N_("every {minutes} min")
STATS_TITLE = N_("Stats")
STAT_NAMES: dict[str, str] = {  # keys of BriefingService.stats and chats.chat_counts
    "articles": N_("articles"),
    "events": N_("events"),
    "stories": N_("stories"),
    "sources": N_("sources"),
    "feeds": N_("feeds"),
    "chats": N_("chats"),
    "subscribed": N_("subscribed"),
    "deliveries_claimed": N_("briefings claimed"),
    "deliveries_sending": N_("briefings being sent"),
    "deliveries_sent": N_("briefings sent"),
    "deliveries_failed": N_("briefings failed"),
    "deliveries_skipped": N_("briefings skipped (quiet days)"),
}

# -- bot.handlers.errors and throttle --
UNKNOWN_COMMAND = N_("Unknown command {command}. /help lists the commands.")
FAILED = N_("Sorry, that failed. Please try again later.")
TOO_MANY = N_("Too many commands at once: wait a few seconds and try again.")

# -- bot.handlers.privacy (bot.allowed_chat_ids, /forget) and plain text --
NOT_ALLOWED = N_(
    "Sorry, this Briefing bot is private: it answers only the chats its operator has listed."
)
FORGET_ASK = N_(
    "This deletes everything stored about this chat: its settings, topics, delivery times "
    "and the record of its briefings. Press the button or send /forget yes to confirm."
)
FORGET_BUTTON = N_("Delete everything")
FORGOTTEN = N_("Done: nothing about this chat is stored any more. /start begins again.")
SEARCH_HOW = N_("Send me words to search the news, or use /search WORDS. /help lists the commands.")

# -- bot.handlers.news --
MORE_BUTTON = N_("More {rank}")
SOURCES_BUTTON = N_("Sources")
PREV_BUTTON = N_("« Prev")
NEXT_BUTTON = N_("Next »")
BUTTON_EXPIRED = N_("This button has expired.")
NO_SUCH_PAGE = N_("<i>There is no page {page}: this is the last one.</i>")
LAST_PAGE = N_("<i>This is the last page.</i>")
NO_EVENT = N_("No event {id}. /events lists them.")
NO_STORY = N_("No story {id}. /events lists recent events.")
NO_ARTICLE = N_("No article {id}. /search finds articles.")
READ_BUTTON = N_("{source} ↗")

# -- bot.format --
SOURCE_COUNT = NP_("{count} source: {names}", "{count} sources: {names}")
NOTHING_NEW_IN_EVENT = N_("<i>Nothing new since your last briefing.</i>")
SOURCES_TITLE = N_("<b>Sources</b>")
PART_OF_STORY = N_("Part of story /story {id}")
SOURCES_OF = N_("<b>Sources of {title}</b>")
NO_EVENTS_YET = N_("No events yet. Admins can add feeds with /sources add URL.")
TOP_EVENTS = N_("<b>Top events</b>")
BRIEFING_TITLE = N_("<b>Briefing · {when}</b>")
NO_NEWS_YET = N_("No news yet.")
NOTHING_NEW_SINCE = N_("Nothing new since your last briefing ({when}).")
STORY_TITLE = N_("<b>Story: {title}</b>")
TIMELINE = N_("<b>Timeline</b>")
NO_EVENTS_IN_STORY = N_("No events in this story yet.")
ESTIMATED = N_("{when} (estimated)")
OUTLET_UNKNOWN = N_("outlet unknown")
NEWS_AGE = NP_(
    "<i>The newest news here is {count} day old.</i>",
    "<i>The newest news here is {count} days old.</i>",
)
EVENT_LINK = N_("Event: /event {id}")
NOTHING_FOUND = N_("Nothing found for <b>{query}</b>.")
RESULTS_FOR = N_("<b>Results for {query}</b>")

# -- bot.settings (the reasons parse_hhmm and check_timezone give, shown before a usage line) --
NOT_A_TIME = N_("{value} is not a time of day; use HH:MM, e.g. 07:30")
NOT_A_ZONE = N_("{value} is not an IANA timezone; use Area/City, e.g. Europe/Paris")

# -- bot.rights --
GROUP_ADMINS_ONLY = N_(
    "Only the administrators of this group can change its settings. "
    "/brief, /events and /search work for everyone."
)

# -- bot.handlers.feeds (feeds per chat, OPML) --
SOURCES_USAGE = N_("/settings sources mine|all")
FEEDS_TITLE = N_("<b>Your feeds</b> ({count} of {limit})")
FEED_FETCHED = N_("fetched {when}")
FEED_NOT_FETCHED = N_("not fetched yet")
FEED_FAILED = N_("failed {when}: {error}")
FEED_WITH_OPERATOR = N_("fetched with the bot's own feeds")
NO_CHAT_FEEDS = N_(
    "You follow no feeds of your own yet. /feeds add URL follows one; "
    "an OPML file sent to me imports many."
)
READING_ALL = N_(
    "Briefings, /events and /search draw on your feeds and the bot's own. "
    "/settings sources mine: yours only."
)
READING_MINE = N_(
    "Briefings, /events and /search draw on your feeds only. "
    "/settings sources all: the bot's own too."
)
FEED_ADDED_LINE = N_("Added: {url}")
FEED_ALREADY_LINE = N_("Already followed: {url}")
FEED_REFUSED_LINE = N_("Refused: {url} ({reason})")
FEEDS_FETCHING = NP_(
    "{count} feed added; its news comes with the next fetch, which starts now.",
    "{count} feeds added; their news comes with the next fetch, which starts now.",
)
FEED_NOT_FOLLOWED = N_("You do not follow {feed}. /feeds lists yours.")
NO_FEEDS_TO_EXPORT = N_("No feeds to export yet. /feeds add URL follows one.")
EXPORT_CAPTION = NP_(
    "Your {count} feed as OPML, for Feedly, Thunderbird or any feed reader.",
    "Your {count} feeds as OPML, for Feedly, Thunderbird or any feed reader.",
)
EXPORT_TITLE = N_("Briefing feeds of {chat}")
OPML_REFUSED = N_("I cannot import that file: {reason}")
OPML_TOO_LARGE = N_("I cannot import that file: it is over {size} MB.")
OPML_REPORT = N_(
    "<b>Import of {name}</b>\nAdded {added}, already followed {already}, refused {refused}."
)
OPML_MORE = NP_("…and {count} more.", "…and {count} more.")
OPML_UNREAD = NP_(
    "{count} outline past the first {read} was not read.",
    "{count} outlines past the first {read} were not read.",
)

# -- bot.handlers.channel and bot.channels --
CHANNEL_USAGE = N_("/channel @name|ID, /channel off")
CHANNEL_PRIVATE_ONLY = N_("Send /channel in a private chat with me.")
CHANNEL_NOT_FOUND = N_(
    "I cannot see {channel}. Add me to the channel as an administrator, then try again."
)
CHANNEL_NOT_A_CHANNEL = N_("{channel} is not a channel.")
CHANNEL_NOT_YOURS = N_("Only an administrator of {channel} can send briefings there.")
CHANNEL_BOT_NOT_ADMIN = N_(
    "Make me an administrator of {channel} who can post messages, then try again."
)
CHANNEL_SET = N_(
    "{channel} now receives your scheduled briefings, at {plan}. /channel off sends them here."
)
CHANNEL_IS = N_("Your scheduled briefings go to {channel}.")
NO_CHANNEL = N_("Your scheduled briefings come here.")
CHANNEL_OFF = N_("Your scheduled briefings come here again.")
CHANNEL_LOST = N_(
    "{channel} removed me or no longer lets me post, so your scheduled briefings come here again."
)
