"""Storage: SQLModel tables, sessions, repositories, full-text search, migrations."""
