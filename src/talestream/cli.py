"""The `talestream` command: serve the app, manage the database."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from talestream.config import ConfigError, Settings, load_settings

app = typer.Typer(help="talestream: safe, real-time children's stories.", no_args_is_help=True)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")
err = Console(stderr=True)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        err.print(f"[bold red]talestream:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the API (and the web app) with uvicorn; applies migrations first unless disabled."""
    import uvicorn

    from talestream.db.migrate import upgrade

    settings = settings_or_exit()
    if settings.auto_migrate:
        # Once, here, before workers start: concurrent workers must not race on migrations.
        upgrade(settings.resolved_database_url)
    _ = settings.signing_key  # create the development secret once, before workers fork
    uvicorn.run(
        "talestream.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        timeout_graceful_shutdown=10,
    )


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


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
