"""The Telegram adapter: translates Telegram updates to the core and replies back."""
