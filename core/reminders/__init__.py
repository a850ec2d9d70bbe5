"""Reminders: pings on training days, and the dispatcher that sends each once.

Schedules and their cron arithmetic, the /remind commands, composing pings, dispatch.
"""
