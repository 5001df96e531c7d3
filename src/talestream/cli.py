"""The `talestream` command: serve the app, manage the database, accounts and child profiles, and
read stories in the terminal. The client lives in talestream.terminal; this file parses options.

Heavy modules are imported inside the commands that need them, so `--help` and `generate --url`
start quickly.
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from talestream.config import ConfigError, Settings, load_settings
from talestream.errors import DomainError
from talestream.stories.export import ExportFormat
from talestream_tools.safety.cli import evaluate as safety_evaluate
from talestream_tools.safety.cli import safety_app
from talestream_tools.safety.cli import train_classifier as safety_train

if TYPE_CHECKING:
    from talestream.db.base import Database

app = typer.Typer(help="talestream: safe, real-time children's stories.", no_args_is_help=True)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
user_app = typer.Typer(help="Parent accounts, on the configured database.", no_args_is_help=True)
child_app = typer.Typer(help="Child profiles, on the configured database.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")
app.add_typer(child_app, name="child")
err = Console(stderr=True)
T = TypeVar("T")
PASSWORD_ENV = "TALESTREAM_PASSWORD"


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        err.print(f"[bold red]talestream:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None


def migrated_settings() -> Settings:
    """Settings, with the database migrated first unless TALESTREAM_AUTO_MIGRATE=false."""
    from talestream.db.migrate import upgrade

    settings = settings_or_exit()
    if settings.auto_migrate:
        upgrade(settings.resolved_database_url)
    return settings


def fail(message: str, code: int = 1) -> typer.Exit:
    # Text, not markup: messages quote user input and server answers verbatim.
    err.print(Text(f"✗ {message}", style="bold red"), soft_wrap=True)
    return typer.Exit(code)


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn believes X-Forwarded-For/-Proto only from TALESTREAM_FORWARDED_ALLOW_IPS; with
    none named, the socket peer is the client (its own default would trust any local process)."""
    allowed = settings.forwarded_allow_ips.strip()
    return {"proxy_headers": bool(allowed), "forwarded_allow_ips": allowed or None}


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the API (and the web app) with uvicorn; applies migrations first unless disabled."""
    import uvicorn

    # Migrations run once, here, before workers start: concurrent workers must not race on them.
    settings = migrated_settings()
    _ = settings.signing_key  # create the development secret once, before workers fork
    from talestream.telemetry.logs import log_config

    uvicorn.run(
        "talestream.app:create_app",
        log_config=log_config(settings.log_format) or uvicorn.config.LOGGING_CONFIG,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **proxy_options(settings),
        # Stories drain first (talestream.lifecycle); this only bounds the streams' last bytes.
        timeout_graceful_shutdown=10,
    )


# The safety tooling lives outside the runtime package; `safety-eval` and `safety-train` are
# the spellings the docs and issues use.
app.add_typer(safety_app, name="safety")
app.command("safety-eval", help="Same as `talestream safety eval`.")(safety_evaluate)
app.command("safety-train", help="Same as `talestream safety train`.")(safety_train)


@app.command("quality-eval")
def quality_eval(
    per_band: Annotated[
        int, typer.Option("--per-band", "-k", min=1, help="Chapters per language and age band.")
    ] = 3,
    language: Annotated[
        list[str] | None,
        typer.Option(help="A language to test (repeatable; default: every one the model writes)."),
    ] = None,
    band: Annotated[
        list[str] | None, typer.Option(help="An age band: 4-5, 6-8 or 9-12 (repeatable).")
    ] = None,
    samples: Annotated[int, typer.Option(help="Sample chapters to print.")] = 3,
) -> None:
    """Write chapters with the configured model through the whole workflow (on a throwaway
    database) and print each quality check's pass rate, the first-attempt and final pass rates,
    the time per chapter and a few sample chapters (docs/quality.md)."""
    from talestream_tools.quality.evaluation import (
        AGE_BANDS,
        describe,
        format_report,
        run_evaluation,
    )

    bands = band or list(AGE_BANDS)
    if unknown := [b for b in bands if b not in AGE_BANDS]:
        raise fail(f"unknown age band {unknown[0]!r}; use {', '.join(AGE_BANDS)}", 2)
    report = asyncio.run(
        run_evaluation(
            settings_or_exit(),
            per_band=per_band,
            languages=language,
            bands=bands,
            progress=lambda run: err.print(describe(run), highlight=False, markup=False),
        )
    )
    Console(highlight=False, soft_wrap=True).print(format_report(report, samples), markup=False)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply migrations up to REVISION (default: the newest)."""
    from talestream.db.migrate import upgrade

    settings = settings_or_exit()
    upgrade(settings.resolved_database_url, revision)
    err.print(f"database at revision {revision}: {_redact(settings.resolved_database_url)}")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument()]) -> None:
    """Revert migrations down to REVISION."""
    from talestream.db.migrate import downgrade

    downgrade(settings_or_exit().resolved_database_url, revision)


@app.command()
def generate(
    child: Annotated[
        str | None,
        typer.Option(
            "--child", "-c", metavar="NAME_OR_ID", help="The child: a name or a profile id."
        ),
    ] = None,
    theme: Annotated[
        str | None, typer.Option("--theme", "-t", help='What the story is about, e.g. "dragons".')
    ] = None,
    title: Annotated[
        str | None, typer.Option(help='Title of a new story (default: "Mia and the Dragons").')
    ] = None,
    email: Annotated[
        str | None,
        typer.Option(
            help="The parent's account. In-process no password is asked: this is local admin "
            "access to the local database (and it may be left out when there is one account). "
            f"With --url, log in as this account: password from {PASSWORD_ENV} or a hidden prompt."
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            metavar="URL",
            help="A running talestream server, e.g. http://127.0.0.1:8000. Without it the story "
            "is written in-process with the configured database and model; no server needed.",
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(envvar="TALESTREAM_TOKEN", help="With --url: a Bearer access token."),
    ] = None,
    continue_story: Annotated[
        str | None,
        typer.Option(
            "--continue",
            metavar="STORY_ID",
            help="Write the next chapter of this story (its child and theme by default).",
        ),
    ] = None,
    chapter: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="The chapter to write. Above 1 without --continue, the child's latest "
            "unfinished story on --theme is continued.",
        ),
    ] = None,
    choice: Annotated[
        str | None,
        typer.Option(help="How to continue: a choice's number, or the child's own idea."),
    ] = None,
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-interactive",
            help="After each chapter, ask which choice to continue with "
            "(default: when stdin is a terminal).",
        ),
    ] = None,
) -> None:
    """Stream a story into the terminal, chapter by chapter.

    Shows each stage (writing, safety check, reading level, saved) and the text as it is written,
    then the chapter's choices and a prompt to pick one: the story continues with the next
    chapter. Ctrl-C stops at once; an unfinished chapter is never saved.
    """
    from talestream.terminal.render import StoryView
    from talestream.terminal.session import StoryRequest, StorySession, StorySource

    if token and not url:
        raise fail("--token is for --url; in-process, name the parent with --email", 2)
    story_id: uuid.UUID | None = None
    if continue_story is not None:
        try:
            story_id = uuid.UUID(continue_story)
        except ValueError:
            raise fail(f"--continue needs a story id, got {continue_story!r}", 2) from None
    request = StoryRequest(
        child=child,
        theme=theme,
        title=title,
        continue_story=story_id,
        chapter=chapter,
        choice=choice,
        interactive=sys.stdin.isatty() if interactive is None else interactive,
    )
    opener: Callable[[], AbstractAsyncContextManager[StorySource]]
    try:
        if url:
            from talestream.terminal.client import RemoteSource

            if not token and not email:
                raise fail("--url needs --token, or --email and a password", 2)
            password = None if token else os.environ.get(PASSWORD_ENV)
            if not token and password is None:
                password = typer.prompt(f"Password for {email}", hide_input=True)

            opener = partial(RemoteSource.connect, url, token=token, email=email, password=password)
        else:
            from talestream.terminal.local import LocalSource

            opener = partial(LocalSource.open, settings_or_exit(), email)

        code = StorySession(opener, StoryView(Console(), err)).run(request)
    except KeyboardInterrupt:  # before the story started: settings, migrations, the prompt
        err.print(Text("Stopped. Nothing was saved.", style="yellow"))
        code = 130
    raise typer.Exit(code)


@app.command()
def export(
    story_id: Annotated[uuid.UUID, typer.Argument(help="The story's id (see the web library).")],
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="epub or pdf.")
    ] = ExportFormat.EPUB,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: the title).")
    ] = None,
    email: Annotated[
        str | None,
        typer.Option(help="The parent's account (may be left out when there is one account)."),
    ] = None,
) -> None:
    """Save a story as an EPUB or PDF file a family can keep."""
    from talestream.stories.export import file_name, render
    from talestream.terminal.admin import story_book

    book = on_database(lambda db: story_book(db, email, story_id))
    try:
        data = render(book, format)
    except DomainError as error:
        raise fail(error.detail) from None
    path = output or Path(file_name(book, format))
    path.write_bytes(data)
    Console().print(Text(f"Saved {book.title!r} ({len(book.chapters)} chapters) to {path}."))


@user_app.command("create")
def user_create(
    email: Annotated[str, typer.Option(help="The parent's email: their login.")],
    name: Annotated[str, typer.Option(help="The parent's name.")],
    password: Annotated[
        str,
        typer.Option(
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            envvar=PASSWORD_ENV,
            help="At least 10 characters with a letter and a digit or symbol "
            "(default: asked for, hidden).",
        ),
    ],
) -> None:
    """Create a parent account (the same rules as registering in the app)."""
    from talestream.terminal.admin import create_user

    user = on_database(lambda db: create_user(db, email, name, password))
    Console().print(Text(f"Created account {user.id} for {user.name} <{user.email}>."))


@child_app.command("add")
def child_add(
    name: Annotated[str, typer.Option(help="The child's name, as the stories should call them.")],
    age: Annotated[int, typer.Option(help="Age in years, 2 to 14.")],
    email: Annotated[
        str | None,
        typer.Option(help="The parent's account (may be left out when there is one account)."),
    ] = None,
    language: Annotated[str, typer.Option(help="en, es, fr, de, ru or he.")] = "en",
    reading_level: Annotated[
        str, typer.Option(help="beginner, intermediate or advanced.")
    ] = "beginner",
    interest: Annotated[
        list[str] | None,
        typer.Option(help="Something the child loves; repeat for more (up to 10)."),
    ] = None,
) -> None:
    """Add a child profile to a parent's account and print its id."""
    from talestream.terminal.admin import add_child, child_form

    try:
        form = child_form(name, age, language, reading_level, interest or [])
    except DomainError as error:
        raise fail(error.detail) from None
    child = on_database(lambda db: add_child(db, email, form))
    Console().print(
        Text(
            f"Added child profile {child.id}: {child.name}, {child.age} "
            f"({child.language}, {child.reading_level})."
        )
    )


@child_app.command("list")
def child_list(
    email: Annotated[
        str | None,
        typer.Option(help="The parent's account (may be left out when there is one account)."),
    ] = None,
) -> None:
    """List a parent's child profiles."""
    from talestream.terminal.admin import children_of

    parent, children = on_database(lambda db: children_of(db, email))
    out = Console()
    if not children:
        out.print(
            Text(f"{parent.email} has no child profiles yet: add one with `talestream child add`.")
        )
        return
    table = Table(title=f"Children of {parent.name} <{parent.email}>", title_justify="left")
    for column in ("id", "name", "age", "language", "reading level", "interests"):
        table.add_column(column, justify="right" if column in ("id", "age") else "left")
    for c in children:
        table.add_row(
            str(c.id), c.name, str(c.age), c.language, c.reading_level, ", ".join(c.interests)
        )
    out.print(table)


def on_database(work: Callable[[Database], Awaitable[T]]) -> T:
    """Runs `work` on the configured (and migrated) database; a DomainError ends with exit 1."""
    from talestream.db.base import Database

    url = migrated_settings().resolved_database_url

    async def main() -> T:
        db = Database(url)
        try:
            return await work(db)
        finally:
            await db.dispose()

    try:
        return asyncio.run(main())
    except DomainError as error:
        raise fail(error.detail) from None


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
