"""Masking of personal numbers (phones, ID numbers) for roles that may not see them."""

from __future__ import annotations


def mask_middle(value: str | None, keep_start: int = 3, keep_end: int = 4) -> str | None:
    """138****5678 for a mobile; 110***********1234 for an ID number."""
    if not value:
        return value
    if len(value) <= keep_start + keep_end:
        return value[:1] + "*" * (len(value) - 1)
    hidden = len(value) - keep_start - keep_end
    return value[:keep_start] + "*" * hidden + value[len(value) - keep_end :]


def mask_phone(value: str | None) -> str | None:
    return mask_middle(value, 3, 4)


def mask_id_number(value: str | None) -> str | None:
    return mask_middle(value, 3, 4)
