"""The Discord adapter: DMs, mentions, slash commands and buttons in front of the core."""
