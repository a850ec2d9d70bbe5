"""Accounts: who a person is, their profile and settings, and linking platforms.

The profile, timezones, and one history across Telegram and Discord.
"""
