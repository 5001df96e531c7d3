"""bind cookie sessions to their login; never reuse account or child ids on SQLite

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sqlite_autoincrement(enabled: bool) -> None:
    """SQLite hands the highest freed rowid to the next insert unless the table is AUTOINCREMENT,
    which needs a rebuild. The rebuild drops the old table: with foreign keys on, that drop would
    cascade into every child, story and session, so they are off for this migration (env.py runs
    each migration in its own transaction, so the pragma takes effect here)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("PRAGMA foreign_keys=OFF")
    for table in ("users", "children"):
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": enabled}
        ):
            pass
    problems = op.get_bind().execute(sa.text("PRAGMA foreign_key_check")).fetchall()
    if problems:  # pragma: no cover - the copy keeps every row
        raise RuntimeError(f"foreign keys broken by the rebuild: {problems}")


def upgrade() -> None:
    with op.batch_alter_table("browser_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("family", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_browser_sessions_family"), ["family"], unique=False)
    _sqlite_autoincrement(True)


def downgrade() -> None:
    _sqlite_autoincrement(False)
    with op.batch_alter_table("browser_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_browser_sessions_family"))
        batch_op.drop_column("family")
