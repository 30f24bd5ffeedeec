"""The customer search index (derived, local to each desktop, never synced).

``customer_search`` holds one row per customer: a small integer key and the customer's
search terms as one space-separated text. ``customer_search_fts`` is an SQLite FTS5
index over those texts (external content, keyed by the same integer), so that every
query is a term or prefix lookup that stops at the first page. See
services/search_index.py for the terms.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_crm.models.base import Base

FTS_TABLE = "customer_search_fts"
# Prefix indexes for the shortest prefixes (a tag letter and one or two characters):
# longer prefixes match few enough customers to be merged on the fly (measured at a
# million customers: a phone prefix of four digits in about a millisecond).
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "terms, content='customer_search', content_rowid='key', detail=none, columnsize=0, "
    "tokenize='unicode61 remove_diacritics 0', prefix='2 3')"
)


class CustomerSearch(Base):
    """The search terms of one customer; the FTS index points at ``key``."""

    __tablename__ = "customer_search"

    key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    customer_id: Mapped[str] = mapped_column(String(36), unique=True)
    terms: Mapped[str] = mapped_column(Text)
