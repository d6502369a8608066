"""Alembic environment: runs migrations on the engine handed over by summarizer.store.db."""

from alembic import context
from sqlmodel import SQLModel

target_metadata = SQLModel.metadata
engine = context.config.attributes["engine"]


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave the full-text index (FTS5 shadow tables) out of autogenerate."""
    return not (type_ == "table" and str(name).startswith("article_fts"))


with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()
