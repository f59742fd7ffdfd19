"""Where the head of a page names its site: a site's name on a line of its own under the
headline ("GlobalPost", "World Bulletin / News Desk", "Staff Writer" over "Columbia Daily
Tribune"), and the credits that open reports in the corpora's other languages ("(يمن سكاي -
متابعات)", "(Казань, 5 марта, «Татар-информ»).", "…, 16:10 — REGNUM").

:mod:`idlibtui.clean.outlet_judge` weighs these; each returns a name (canonical when the outlet
is known) and the words that show it, or ``("", "")``.
"""

from __future__ import annotations

import re

from idlibtui.clean import outlets
from idlibtui.clean.dateline import is_known_place
from idlibtui.clean.outlet_cues import _specific, masthead_like, publisher_like

# a writer's role or a byline on the line above a site's name ("Staff Writer" / "Columbia
# Daily Tribune"), and a crew after a site's name ("World Bulletin / News Desk")
_ROLE_LINE = re.compile(
    r"^(?:by\s+\S.*|(?:senior\s+|chief\s+)?(?:staff\s+)?(?:writer|reporter|correspondent|editor)s?"
    r"|staff|staff\s+and\s+agencies|news\s+desk|web\s+desk)$",
    re.IGNORECASE,
)
_HEAD_CREW = re.compile(
    r"\s*(?:[/|,–—-]\s*|\s)(?:news\s+desk|web\s+desk|newsroom|staff(?:\s+writers?)?"
    r"|editorial\s+(?:staff|team|desk)|news\s+team)$",
    re.IGNORECASE,
)


def head_outlet_line(raw: str) -> tuple[str, str]:
    """A site's name on a line of its own between the headline and the report ("GlobalPost",
    "World Bulletin / News Desk", "Staff Writer" over "Columbia Daily Tribune"): a known outlet,
    or an unlisted one shaped like an outlet's name when a byline or a crew marks it."""
    lines = [" ".join(ln.split()) for ln in raw.split("\n") if ln.strip()][:12]
    for k, line in enumerate(lines):
        if len(line.split()) >= 12 and line[-1:] in '.!?"”':
            break  # the report has begun (a standfirst without its full stop may come first)
        if k == 0 or len(line) > 60:
            continue  # (the first line is the headline)
        crew = _HEAD_CREW.search(line)
        name = line[: crew.start()].strip(" /|,–—-") if crew else line.strip(" |")
        if not name or is_known_place(name):
            continue
        known = outlets.lookup(name)
        if known is not None and len(known.name) > 3:
            return known.name, f"site name under the headline: {line}"
        marked = crew is not None or _ROLE_LINE.match(lines[k - 1]) is not None
        if (
            marked
            and masthead_like(name)
            and _specific(name)
            and len(name.split()) <= 5
            and publisher_like(name)
        ):
            return name, f"site name under the headline: {line}"
    return "", ""


# Credits at the head of a report in the corpora's other languages: "(يمن سكاي - متابعات)"
# (the outlet, then "follow-ups" or "exclusive"), "(Казань, 5 марта, «Татар-информ»)." (place,
# day, the agency in guillemets), "Анкара, 4 марта 2020, 16:10 — REGNUM …" (place, day and
# hour, then the agency)
_LEAD_CREDITS = (
    re.compile(r"\((?P<n>[^()\n]{2,40}?)\s*[-–—/]\s*(?:متابعات|خاص|وكالات)\s*\)"),
    re.compile(r"^\(?[^\n()«»]{2,40}?,\s*[^\n()«»]{2,30}?,\s*«(?P<n>[^«»\n]{2,40})»\)?"),
    re.compile(r"^[^\n]{2,50}?\d{1,2}[:.]\d\d\s*[—–-]\s*(?P<n>\S+(?:\s\S+)?)"),
)


def lead_credit_outlet(text: str, raw: str = "") -> tuple[str, str]:
    """A known outlet or agency credited at the head of a report in another language's way
    ("(يمن سكاي - متابعات)", "(Казань, 5 марта, «Татар-информ»).", "…, 16:10 — REGNUM")."""
    heads = [p.strip() for p in text.split("\n\n")[:3]]
    heads += [ln.strip() for ln in raw.split("\n") if ln.strip()][:6]
    for para in heads:
        head = para[:160]
        for shape in _LEAD_CREDITS:
            m = shape.search(head)
            if m is None:
                continue
            words = m.group("n").strip(" .,:").split()
            for n in range(len(words), 0, -1):
                known = outlets.lookup(" ".join(words[:n])) or outlets.by_dateline_tag(
                    " ".join(words[:n])
                )
                if known is not None and not is_known_place(" ".join(words[:n])):
                    return known.name, f"credit at the head of the report: {m.group(0).strip()}"
    return "", ""
