"""The training page: a Telegram Mini App, and the same page behind a one-time link."""
