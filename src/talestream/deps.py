"""FastAPI dependencies shared by every router: settings, database session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.config import Settings
from talestream.db.base import Database

if TYPE_CHECKING:
    from talestream.services import Services


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_services(request: Request) -> Services:
    """What the app's lifespan opened: database, model, gate, policies, workflow, rate limits."""
    services: Services = request.app.state.services
    return services


def get_database(request: Request) -> Database:
    return get_services(request).db


async def get_db(request: Request) -> AsyncIterator[AsyncSession]:
    async with get_database(request).sessions() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
DbDep = Annotated[AsyncSession, Depends(get_db)]
