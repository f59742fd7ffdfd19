"""Settle an article's outlet after the line passes: the cues that need the whole page.

The line passes (mastheads, footers, ``Source:`` trailers, bylines, datelines) record the first
outlet they see. What they cannot see is settled here, strongest cue first: the outlet named
before or after the headline ("OCHA ǀ Flash Update", "… • The Syrian Observatory For Human
Rights"), the page's closing lines that the cleaner removed ("Source-BBC Middle East", "RFS –
Idleb", a lone "Syrian Press Center", "– Rappler.com", "Press TV's website …", "Read more on
X", an email or a domain of a known outlet), a crew byline ("By KMAN Staff") or a writer's
("By Sami Kaya, Daily Sabah"), a known outlet credited with the day ("Xinhua, December 13,
2015"), its promotions ("Support SouthFront", "… – subscribe to Haaretz"), its rights lines, its
note on a report it carries ("ICC Note:"), an outlet opening the body ("The Moscow Times / …"),
interviews given to it ("told Diyaruna", not one placed in the past), its own correspondents
("Baladi News correspondent reported"), then the weaker self-references.

An agency named by a cue that may name whose copy it is ("(AFP)", "Source: Reuters") is the
``agency``; with no publisher named, the agency is the outlet too. An aggregator's name
("Yahoo News") yields to the report's own outlet when the page names one. A wire the report
cites as its source ("according to Anadolu Agency") is its agency, never its outlet. Last, a
name that came with debris ("Xinhua| 2019-08-23 16:04:26|Editor: huaxia") is cut back to its
canonical name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from idlibtui.clean import outlet_credits, outlet_cues, outlet_heads, outlet_page, outlets


class _Info(Protocol):
    source: str
    source_evidence: str
    agency: str
    agency_evidence: str

    def set_source(self, name: str, evidence: str) -> None: ...


def settle(info: _Info, raw: str, text: str) -> None:
    """Fill in ``info.source`` (and ``agency``) from cues over the whole page, when the line
    passes found none; always leave a known outlet under its canonical name."""
    collector = info.source if outlets.is_aggregator(info.source) else ""
    kept_evidence = info.source_evidence
    if collector:  # "Yahoo News" collects: the report's own outlet, when named, is the outlet
        info.source, info.source_evidence = "", ""
    if not info.source:
        heads = [ln.strip() for ln in raw.split("\n") if ln.strip()][:3] if raw else []
        first = text.split("\n", 1)[0] if text else ""
        # strongest first, each with whether the name is the publisher's own even when it is an
        # agency (a page title's suffix, its promotions) or may be whose copy it is ("(AFP)")
        cues: list[tuple[bool, Callable[[], tuple[str, str] | list[tuple[str, str]]]]] = [
            (
                True,
                lambda: [outlet_cues.title_suffix_outlet(h, text) for h in heads if len(h) <= 200],
            ),
            (True, lambda: outlet_page.republished_outlet(text)),
            (True, lambda: outlet_cues.title_prefix_outlet(first)),
            (False, lambda: outlet_heads.head_site_marks(raw)),
            (False, lambda: outlet_page.closing_outlets(raw, text)),
            (False, lambda: outlet_cues.crew_byline_outlet(text, raw)),
            (False, lambda: outlet_cues.byline_outlet_line(raw)),
            (False, lambda: outlet_heads.head_outlet_line(raw)),
            (False, lambda: outlet_credits.dated_credit_outlet(text, raw)),
            (True, lambda: outlet_page.chrome_outlet(raw)),
            (True, lambda: outlet_page.copyright_outlet(raw)),
            (True, lambda: outlet_page.note_outlet(text)),
            (False, lambda: outlet_page.lead_in_outlet(text)),
            (False, lambda: outlet_page.place_outlet_lead(text)),
            (False, lambda: outlet_heads.lead_credit_outlet(text, raw)),
            # (wire copy quotes others' interviews: "told Al Mayadeen" under "/TASS/")
            (True, lambda: outlet_heads.exclusive_outlet(text, raw)),
            (True, lambda: _own_interview(text, info.agency)),
            (True, lambda: outlet_cues.agency_own_reporter(text, info.agency)),
            (True, lambda: outlet_page.own_correspondent(text)),
            # ("Reuters could not independently verify" on a carrier: whose copy it is)
            (False, lambda: _self_reference(text)),
            (False, lambda: outlet_page.elsewhere_outlet(text)),
        ]
        for own, cue in cues:
            found = cue()
            for name, why in found if isinstance(found, list) else [found]:
                if own:
                    info.set_source(name, why)
                else:
                    _set_or_agency(info, name, why)
                if info.source:
                    break
            if info.source:
                break
    if collector and (not info.source or info.source == info.agency):
        info.source, info.source_evidence = "", ""
        info.set_source(collector, kept_evidence)
    if not info.agency:  # a wire signing the copy: "(Source: IANS)", "By: Associated Press"
        info.agency, info.agency_evidence = outlet_credits.signed_agency(text, raw)
    if not info.source and info.agency:
        # wire copy and nothing else names who carries it: the agency is the one outlet the
        # text names ("AMMAN (Reuters) -"), a better answer than none; a named publisher wins
        why = info.agency_evidence or "the agency's tag"
        info.set_source(info.agency, f"{why} (no other publisher named)")
    if not info.agency:  # cited as the report's source: the agency, never the outlet
        info.agency = outlet_credits.cited_agency(text)[0]
    _tidy(info)


def _own_interview(text: str, agency: str) -> tuple[str, str]:
    """The outlet the text's own interviews were given to ("told Syria Direct"), unless the
    page is wire copy (it quotes others' interviews: "told Al Mayadeen" under "/TASS/") or a
    roundup that cites other news organisations too ("told Al Jazeera" beside "according to
    Reuters" and "the New York Times reported")."""
    if agency:
        return "", ""
    name, why = outlets.interview_outlet(text)
    if name and _roundup(text, name):
        return "", ""
    return name, why


def _roundup(text: str, name: str) -> bool:
    """Whether the text cites news organisations besides ``name``: another outlet ("the New
    York Times reported"), or two wires or more (one wire, "told AFP news agency", an outlet
    quotes in its own reports)."""
    others = outlet_credits.cited_outlets(text) - {name}
    wires = {o for o in others if outlets.is_agency(o)}
    return bool(others - wires) or len(wires) >= 2


def _self_reference(text: str) -> tuple[str, str]:
    """The outlet the text names as itself; "Al Jazeera reports: …" on a page that cites other
    news organisations too is a roundup's quotation, not the page's own name."""
    name, why = outlet_cues.self_reference(text)
    quoting = " report" in why and not re.search(r"\b(?:citing|quoting)\b", why)
    if name and quoting and not outlets.is_agency(name) and _roundup(text, name):
        return "", ""
    return name, why


def _set_or_agency(info: _Info, name: str, why: str) -> None:
    """A cue that names an agency ("(AFP)", "Source: Reuters" on a carrier) names whose copy
    it is; any other outlet is the publisher."""
    if not name:
        return
    if outlets.is_agency(name):
        info.agency = info.agency or name
        info.agency_evidence = info.agency_evidence or why
    else:
        info.set_source(name, why)


def _tidy(info: _Info) -> None:
    canonical = outlet_page.canonical_name(info.source)
    if canonical and canonical != info.source:
        info.source = canonical
    if info.source and not info.agency and outlets.is_agency(info.source):
        info.agency = info.source  # "AA | 08.04.2019": an agency's copy is its own agency's
