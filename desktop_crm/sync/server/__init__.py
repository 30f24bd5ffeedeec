"""The head-office server: FastAPI over the same SQLAlchemy models (SQLite or PostgreSQL)."""
