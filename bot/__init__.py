"""Platform adapters (console, Telegram, Discord) and the `coach` command line."""
