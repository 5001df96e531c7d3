"""child preferences: topics to avoid and a preferred chapter length

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 00:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("children") as batch:
        batch.add_column(
            sa.Column("avoid_topics", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch.add_column(
            sa.Column(
                "chapter_length", sa.String(length=8), nullable=False, server_default="medium"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("children") as batch:
        batch.drop_column("chapter_length")
        batch.drop_column("avoid_topics")
