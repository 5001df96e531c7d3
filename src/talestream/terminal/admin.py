"""Accounts and child profiles straight on the configured database, without the web app.

This is local administration: whoever can run these commands can already read the database, so
no password is asked to act for a parent. The same validation as the API applies.
"""

from __future__ import annotations

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from talestream.auth.schemas import RegisterRequest
from talestream.auth.service import register_user
from talestream.children.models import Child
from talestream.children.schemas import ChildCreate
from talestream.children.service import list_children
from talestream.db.base import Database
from talestream.errors import DomainError, ErrorCode
from talestream.terminal.events import describe_invalid
from talestream.users.models import User


async def find_parent(session: AsyncSession, email: str | None) -> User:
    """The account for `email`; without one, the only account there is (a family's own machine)."""
    if email:
        user = await session.scalar(select(User).where(User.email == email.strip().lower()))
        if user is None:
            raise DomainError(
                f"no account for {email}: create it with "
                f"`talestream user create --email {email} --name NAME`",
                ErrorCode.NOT_FOUND,
            )
        return user
    count = await session.scalar(select(func.count()).select_from(User)) or 0
    if count == 0:
        raise DomainError(
            "no accounts yet: create one with `talestream user create`", ErrorCode.NOT_FOUND
        )
    if count > 1:
        raise DomainError(
            f"this database has {count} accounts: pass --email", ErrorCode.EMAIL_REQUIRED
        )
    only: User | None = await session.scalar(select(User))
    assert only is not None
    return only


async def create_user(db: Database, email: str, name: str, password: str) -> User:
    """Registers a parent with the API's rules (email form, password policy, unique email)."""
    try:
        body = RegisterRequest(email=email, name=name, password=password)
    except ValidationError as exc:
        raise DomainError(describe_invalid(exc), ErrorCode.VALIDATION_ERROR) from None
    async with db.sessions() as session:
        return await register_user(session, body.email, body.password, body.name)


def child_form(
    name: str, age: int, language: str, reading_level: str, interests: list[str]
) -> ChildCreate:
    try:
        return ChildCreate.model_validate(
            {
                "name": name,
                "age": age,
                "language": language,
                "reading_level": reading_level,
                "interests": interests,
            }
        )
    except ValidationError as exc:
        raise DomainError(describe_invalid(exc), ErrorCode.VALIDATION_ERROR) from None


async def add_child(db: Database, email: str | None, form: ChildCreate) -> Child:
    async with db.sessions() as session:
        parent = await find_parent(session, email)
        child = Child(owner_id=parent.id, **form.model_dump())
        session.add(child)
        await session.commit()
        return child


async def children_of(db: Database, email: str | None) -> tuple[User, list[Child]]:
    async with db.sessions() as session:
        parent = await find_parent(session, email)
        return parent, await list_children(session, parent)
