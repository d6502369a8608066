"""Alembic environment: runs migrations on the engine handed over by summarizer.store.db."""

from alembic import context
from sqlmodel import SQLModel

target_metadata = SQLModel.metadata
engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
