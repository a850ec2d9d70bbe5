"""Reminders: pings on training days, and the dispatcher that sends each once.

Schedules and their cron arithmetic, the /remind commands, composing pings, the
dispatcher's claim (what goes out, and when each schedule fires next) and its rounds.
"""
