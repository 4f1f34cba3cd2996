"""Publication dates from metadata: a day, or an error naming the bad value, never a guess."""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta

from newsgraph.errors import InputError, InputWarning

# A day ahead covers every time zone; a later date is a typo or a placeholder (2999-01-01).
LATEST_PLAUSIBLE = timedelta(days=1)


def parse_published(value: object, source: str, line: int | None = None) -> date | None:
    """`YYYY-MM-DD` or a full ISO 8601 datetime (the day as written, time zone ignored).

    A date after tomorrow is kept, with an InputWarning: the batch goes on, but not silently.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(
            f"malformed published date {value!r} (expected YYYY-MM-DD)", source=source, line=line
        )
    text = value.strip()
    try:
        day = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(
            f"malformed published date {value!r} (expected YYYY-MM-DD or an ISO 8601 datetime)",
            source=source,
            line=line,
        ) from None
    if day > date.today() + LATEST_PLAUSIBLE:
        warnings.warn(
            InputWarning(f"published date {day} is after tomorrow; kept as given", source=source, line=line),
            stacklevel=2,
        )
    return day
