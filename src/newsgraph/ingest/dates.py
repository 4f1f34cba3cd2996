"""Publication dates from metadata: a day, or an error naming the bad value, never a guess."""

from __future__ import annotations

from datetime import date, datetime

from newsgraph.errors import InputError


def parse_published(value: object, source: str, line: int | None = None) -> date | None:
    """`YYYY-MM-DD` or a full ISO 8601 datetime (the day as written, time zone ignored)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(
            f"malformed published date {value!r} (expected YYYY-MM-DD)", source=source, line=line
        )
    text = value.strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(
            f"malformed published date {value!r} (expected YYYY-MM-DD or an ISO 8601 datetime)",
            source=source,
            line=line,
        ) from None
