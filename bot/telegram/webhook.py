"""A small aiohttp webhook server feeding updates to the same handling path as polling.

Telegram gets its 200 only after the adapter is done with the update (the core
committed it), so a crash mid-request makes Telegram deliver it again; an update the
adapter wants again gets 500; a wrong or missing secret gets 403.
"""

from __future__ import annotations

import hmac
import json
import logging

from aiohttp import web
from telegram import Bot, Update

from bot.telegram.adapter import HandleUpdates
from bot.telegram.config import WebhookConfig

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024


class WebhookServer:
    def __init__(self, bot: Bot, handle: HandleUpdates, config: WebhookConfig) -> None:
        self.bot = bot
        self.handle = handle
        self.config = config
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self.config.path, self._receive)
        return app

    async def start(self) -> None:
        """Listen (port 0 picks a free port, see `self.port`)."""
        self._runner = web.AppRunner(self.application(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.config.listen, self.config.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        logger.info("webhook listening on %s:%s%s", self.config.listen, self.port, self.config.path)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.config.secret.encode()):
            logger.warning("webhook request from %s with a wrong secret refused", request.remote)
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
            update = Update.de_json(data, self.bot)
        except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, ValueError):
            logger.warning("webhook request with an unreadable update refused")
            return web.Response(status=400, text="bad update")
        if update.update_id not in await self.handle([update]):
            # Not confirmed: Telegram will deliver the update again.
            return web.Response(status=500, text="try again")
        return web.Response(text="ok")
