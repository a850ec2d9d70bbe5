"""Wiring the training page from the settings: its links' secret, `/app`, the routes."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings
from bot.webapp.server import TrainingPage
from core.accounts.app_command import offer_app
from core.accounts.app_links import AppLinks
from core.conversation.service import ConversationService

logger = logging.getLogger(__name__)


def links_secret(settings: Settings) -> bytes:
    """Return the key that signs links and sessions: APP_SECRET, else one derived from a
    bot token (so every process of one deployment agrees), else a random one."""
    if settings.app_secret is not None and settings.app_secret.get_secret_value():
        return settings.app_secret.get_secret_value().encode()
    for token in (settings.telegram_token, settings.discord_token):
        if token is not None and token.get_secret_value():
            key = token.get_secret_value().encode()
            return hmac.new(key, b"coach training page links", hashlib.sha256).digest()
    logger.warning("APP_SECRET not set and no bot token: /app links work in this process only")
    return secrets.token_bytes(32)


def training_page(
    settings: Settings, service: ConversationService, engine: AsyncEngine
) -> TrainingPage | None:
    """Return the page to serve (None without PUBLIC_URL), and make `/app` offer it."""
    if not settings.public_url:
        offer_app(None)
        return None
    links = AppLinks(settings.public_url, links_secret(settings))
    offer_app(links)
    token = settings.telegram_token.get_secret_value() if settings.telegram_token else None
    return TrainingPage(service, engine, links, token or None)
