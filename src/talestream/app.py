"""The FastAPI application factory: one app per Settings, no module-level state."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from talestream import __version__
from talestream.auth.account_router import router as users_router
from talestream.auth.reset_router import router as password_reset_router
from talestream.auth.router import router as auth_router
from talestream.body_limit import BodyLimitMiddleware
from talestream.children.router import router as children_router
from talestream.config import Settings, load_settings
from talestream.error_handlers import RequestIdAndErrors, install_error_handlers
from talestream.health import router as health_router
from talestream.lifecycle import frozen_startup_heap, install_drain
from talestream.safetylog.router import router as safetylog_router
from talestream.security_headers import SecurityHeadersMiddleware
from talestream.services import open_services
from talestream.stories.router import router as stories_router
from talestream.web.docs import mount_docs
from talestream.web.router import mount_web


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    # Resolve the signing key now, so a broken data directory fails at start-up, not at login.
    _ = settings.signing_key

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with open_services(settings) as services:
            app.state.services = services
            app.add_route("/metrics", services.metrics.endpoint, include_in_schema=False)
            undo = install_drain(services.runs, settings.drain_seconds)
            try:
                with frozen_startup_heap():
                    yield
            finally:
                undo()

    app = FastAPI(
        title="talestream",
        version=__version__,
        summary="Personalised, safe, real-time children's stories over Server-Sent Events.",
        lifespan=lifespan,
        # Served by talestream.web.docs from local files instead of a CDN.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.add_middleware(BodyLimitMiddleware)  # inside CORS, so a 413 carries CORS headers
    app.add_middleware(SecurityHeadersMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["Authorization", "Content-Type", "X-CSRF-Token", "Last-Event-ID"],
        )
    install_error_handlers(app)
    app.add_middleware(RequestIdAndErrors)  # added last: outermost, so it sees every response
    for router in (
        health_router,
        auth_router,
        password_reset_router,
        users_router,
        children_router,
        safetylog_router,
        stories_router,
    ):
        app.include_router(router)
    mount_web(app)
    mount_docs(app)
    return app
