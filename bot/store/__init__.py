"""The bot's own tables (chats, subscriptions, feeds per chat, channels, deliveries, handled
updates) and their keyword-only data access, in the one database the domain uses."""
