"""Clock times: "5 p.m.", "10:35", "noon", "4 in the morning", on the day being discussed."""

from __future__ import annotations

import re

from newsgraph.time.reading import Context, Reading
from newsgraph.time.recognise import Candidate
from newsgraph.time.values import Period

# "10:35 a.m. (0735 GMT)": the same moment restated in another zone, not another time
_RESTATED = re.compile(r"\d(?:\s*[ap]\.?m\b\.?)?(?:\s+[A-Za-z]{2,5}){0,2}\s*\(\s*$", re.IGNORECASE)


def clock(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if _RESTATED.search(ctx.text, max(0, c.start - 24), c.start):
        return None
    if g.get("noon"):
        hour, minute = (12, 0) if g["noon"].lower() != "midnight" else (24, 0)
    else:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower()
        if g.get("half"):  # "4 in the morning", "8 in the evening"
            ampm = "am" if g["half"].lower() == "morning" else "pm"
        if hour > 12 and ampm or hour > 24:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    # ISO 8601 marks a time in UTC with "Z"; other zones are kept as the local time written
    zone = "Z" if (g.get("tz") or "").lower() in ctx.lex.utc_zones else ""
    time_of_day = f"{hour:02d}:{minute:02d}{zone}"
    ref = ctx.narrative.reference("day")
    if ref is not None and ref.period.granularity in ("day", "time"):
        day, anchor = ref.period.start, ref
    elif ctx.dct is not None:
        day, anchor = ctx.dct, None
    else:
        return Reading("TIME", clock=time_of_day)
    return Reading("TIME", Period("time", day, clock=time_of_day), anchor=anchor, anchor_dct=anchor is None)


RULES = {"clock": clock}
