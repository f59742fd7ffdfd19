"""Settle an article's outlet after the line passes: the cues that need the whole page.

The line passes (mastheads, footers, ``Source:`` trailers, bylines, datelines) record the first
outlet they see. What they cannot see is settled here, strongest cue first: the outlet named
before or after the headline ("OCHA ǀ Flash Update", "… • The Syrian Observatory For Human
Rights"), the page's closing lines that the cleaner removed ("Source-BBC Middle East", "RFS –
Idleb", a lone "Syrian Press Center"), its promotions ("Support SouthFront", "New MEE
newsletter"), its note on a report it carries ("ICC Note:"), an outlet opening the body ("The
Moscow Times / …"), interviews given to it ("told Diyaruna"), its own correspondents ("Baladi
News correspondent reported"), then the weaker self-references. Last, a name that came with
debris ("Xinhua| 2019-08-23 16:04:26|Editor: huaxia") is cut back to its canonical name.
"""

from __future__ import annotations

from typing import Protocol

from idlibtui.clean import outlet_cues, outlets


class _Info(Protocol):
    source: str
    source_evidence: str
    agency: str

    def set_source(self, name: str, evidence: str) -> None: ...


def settle(info: _Info, raw: str, text: str) -> None:
    """Fill in ``info.source`` (and ``agency``) from cues over the whole page, when the line
    passes found none; always leave a known outlet under its canonical name."""
    if info.source:
        _tidy(info)
        return
    if raw:
        info.set_source(*outlet_cues.title_suffix_outlet(raw.lstrip().split("\n", 1)[0]))
    if not info.source and text:
        name, why = outlet_cues.title_prefix_outlet(text.split("\n", 1)[0])
        _set_or_agency(info, name, why)
    if not info.source and raw.strip():
        for name, why in outlet_cues.closing_outlets(raw, text):
            _set_or_agency(info, name, why)
            if info.source:
                break
    if not info.source and raw:
        info.set_source(*outlet_cues.chrome_outlet(raw))
    if not info.source and text:
        info.set_source(*outlet_cues.note_outlet(text))
    if not info.source and text:
        name, why = outlet_cues.lead_in_outlet(text)
        _set_or_agency(info, name, why)
    if not info.source and text:
        info.set_source(*outlets.interview_outlet(text))
    if not info.source and info.agency and text:
        info.set_source(*outlet_cues.agency_own_reporter(text, info.agency))
    if not info.source and text:
        info.set_source(*outlet_cues.own_correspondent(text))
    if not info.source and text:
        info.set_source(*outlet_cues.self_reference(text))
    if not info.source and info.agency:
        # wire copy and nothing else names who carries it: the agency is the one outlet the
        # text names ("AMMAN (Reuters) -"), a better answer than none; a named publisher wins
        info.set_source(info.agency, "the agency's tag (no other publisher named)")
    _tidy(info)


def _set_or_agency(info: _Info, name: str, why: str) -> None:
    """A cue that names an agency ("(AFP)", "Source: Reuters" on a carrier) names whose copy
    it is; any other outlet is the publisher."""
    if not name:
        return
    if outlets.is_agency(name):
        info.agency = info.agency or name
    else:
        info.set_source(name, why)


def _tidy(info: _Info) -> None:
    canonical = outlet_cues.canonical_name(info.source)
    if canonical and canonical != info.source:
        info.source = canonical
