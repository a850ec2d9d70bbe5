"""Builds the Telegram bot from settings and runs it (polling, or a webhook)."""

from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand, MenuButtonWebApp, WebAppInfo
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder

from bot.stopping import sleep_unless_stopped
from bot.telegram.adapter import ALLOWED_UPDATES, TelegramAdapter
from bot.telegram.config import ConfigError, TelegramConfig
from bot.telegram.logs import protect_token
from bot.telegram.notifier import TelegramNotifier
from bot.telegram.polling import POLL_TIMEOUT, Poller
from bot.telegram.ratelimit import CoachRateLimiter
from bot.telegram.request import CONNECTIONS, AiohttpRequest
from bot.telegram.webhook import WebhookServer
from core.conversation.results import MessageHandler

__all__ = ["ConfigError", "TelegramBot", "TelegramConfig", "serve"]

logger = logging.getLogger(__name__)

FIRST_STARTUP_BACKOFF = 1.0
# On SIGTERM, queued replies are sent for this long; the rest stay owed for the next start.
STOP_SENDING_WITHIN = 5.0
MAX_STARTUP_BACKOFF = 60.0

MENU_TEXT = "My training"
COMMANDS = (
    BotCommand("start", "start or restart the short setup"),
    BotCommand("plan", "next session's loads"),
    BotCommand("program", "a starting week if you have nothing logged"),
    BotCommand("app", "your training at a glance: week, plan, charts, sessions"),
    BotCommand("week", "this week against the protocol"),
    BotCommand("history", "recent sessions, e.g. /history squat or /history zone 2"),
    BotCommand("undo", "remove your last log"),
    BotCommand("units", "kg or lb"),
    BotCommand("timezone", "your timezone, e.g. /timezone Europe/Berlin"),
    BotCommand("profile", "age and bodyweight, e.g. /profile age 62"),
    BotCommand("ask", "ask the coach a question"),
    BotCommand("help", "how to log a workout"),
)


class TokenRejected(ConfigError):
    """Telegram answered 401/404 to getMe."""


def http_clients() -> tuple[AiohttpRequest, AiohttpRequest]:
    """Return the HTTP clients for (getUpdates, every other call)."""
    return AiohttpRequest(1), AiohttpRequest(CONNECTIONS)


def build_application(
    config: TelegramConfig,
    clients: tuple[AiohttpRequest, AiohttpRequest],
    *,
    rate_limited: bool = True,
) -> Application:
    """Return a PTB Application without an Updater: our own loop confirms updates."""
    protect_token(config.token)
    polling, calls = clients
    builder: ApplicationBuilder = (
        Application.builder()
        .token(config.token)
        .base_url(config.base_url)
        .base_file_url(config.base_file_url)
        .updater(None)
        .request(calls)
        .get_updates_request(polling)
    )
    if rate_limited:
        builder = builder.rate_limiter(CoachRateLimiter())
    return builder.build()


class TelegramBot:
    """The running bot: one Application, the adapter, and polling or a webhook server.

    With `receive=False` it only sends (the reminder dispatcher's notifier): no polling,
    no webhook, and the bot's webhook and commands are left as they are.
    """

    name = "telegram"

    def __init__(
        self,
        service: MessageHandler,
        config: TelegramConfig,
        *,
        rate_limited: bool = True,
        poll_timeout: int = POLL_TIMEOUT,
        receive: bool = True,
    ) -> None:
        self.config = config
        self.receive = receive
        self._connected = False
        self.clients = http_clients()
        self.application = build_application(config, self.clients, rate_limited=rate_limited)
        self.adapter = TelegramAdapter(self.application.bot, service)
        self.notifier = TelegramNotifier(self.application.bot)
        self.poller = Poller(
            self.application.bot, self.adapter.handle_updates, timeout=poll_timeout
        )
        self.webhook: WebhookServer | None = None

    async def start(self, stop: asyncio.Event | None = None) -> bool:
        """Connect (retrying while Telegram is unreachable); return False if stopped first."""
        stop = stop or asyncio.Event()
        delay = FIRST_STARTUP_BACKOFF
        while not stop.is_set():
            try:
                await self._connect()
                self._connected = True
                return True
            except InvalidToken:
                # PTB's message quotes the token: report without it, and without the chain.
                raise TokenRejected(
                    "Telegram rejected TELEGRAM_TOKEN (check it with @BotFather)"
                ) from None
            except TelegramError as exc:  # unreachable, or an answer that can't be read
                logger.warning("Telegram unreachable (%s); retrying in %.0f s", exc, delay)
                await sleep_unless_stopped(stop, delay)
                delay = min(delay * 2, MAX_STARTUP_BACKOFF)
        return False

    def connected(self) -> bool:
        """Return True while Telegram is reachable: token accepted, polling not failing."""
        polling = self.receive and self.config.webhook is None
        return self._connected and (self.poller.reaching_telegram or not polling)

    async def _connect(self) -> None:
        await self.application.initialize()  # getMe: checks the token
        bot = self.application.bot
        if not self.receive:
            logger.info("telegram bot @%s sending reminders only", bot.username)
            return
        await bot.set_my_commands(list(COMMANDS))
        if self.config.app_url:  # the button beside the message field opens the page
            await bot.set_chat_menu_button(
                menu_button=MenuButtonWebApp(MENU_TEXT, WebAppInfo(self.config.app_url))
            )
        webhook = self.config.webhook
        if webhook is None:
            await bot.delete_webhook(drop_pending_updates=False)
            logger.info("telegram bot @%s polling", bot.username)
            return
        if self.webhook is None:
            self.webhook = WebhookServer(bot, self.adapter.handle_updates, webhook)
            await self.webhook.start()
        await bot.set_webhook(
            webhook.url, secret_token=webhook.secret, allowed_updates=ALLOWED_UPDATES
        )
        logger.info("telegram bot @%s receiving updates by webhook", bot.username)

    async def run(self, stop: asyncio.Event) -> None:
        """Handle updates until `stop` is set; then send what is queued, briefly."""
        if not self.receive:
            await stop.wait()
            return
        owed = asyncio.create_task(self._send_owed(stop))
        try:
            if self.webhook is None:
                await self.poller.run(stop)
            else:
                await stop.wait()
        finally:
            owed.cancel()
            await asyncio.gather(owed, return_exceptions=True)
            await self.adapter.close(within=STOP_SENDING_WITHIN)

    async def _send_owed(self, stop: asyncio.Event) -> None:
        """Send replies owed from before the start, once the database can be read."""
        delay = FIRST_STARTUP_BACKOFF
        while not stop.is_set():
            try:
                await self.adapter.send_owed()
                return
            except Exception as exc:
                logger.warning("owed replies not read yet (%s); retrying in %.0f s", exc, delay)
                await sleep_unless_stopped(stop, delay)
                delay = min(delay * 2, MAX_STARTUP_BACKOFF)

    async def stop(self) -> None:
        self._connected = False
        try:
            if self.webhook is not None:
                await self.webhook.stop()
            await self.application.shutdown()
        finally:
            for client in self.clients:  # also when start never got through (PTB skips it)
                await client.shutdown()


async def serve(service: MessageHandler, config: TelegramConfig, stop: asyncio.Event) -> None:
    """Run the Telegram bot on this event loop until `stop` is set."""
    bot = TelegramBot(service, config)
    try:
        if await bot.start(stop):
            await bot.run(stop)
    finally:
        await bot.stop()
