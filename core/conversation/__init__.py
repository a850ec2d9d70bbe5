"""The conversation: one message in, replies out, in one transaction.

The service, the command registry and its Context, onboarding, small talk and flood limits.
"""
