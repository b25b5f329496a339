"""The attribution cue lexicon (``dateline/data/cues.txt``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Cue:
    """One cue lemma: its class and which complements can carry the content."""

    lemma: str
    cls: str  # speech | thought | evidence
    obj: bool = False
    xcomp: bool = False
    preps: frozenset[str] = frozenset()
    direct_only: bool = False
    """The cue only introduces quotation marks ("“…,” she continued"), never reported
    speech ("the strike continued" says nothing)."""

    @property
    def speech(self) -> bool:
        return self.cls == "speech"


def parse_lexicon(lines: list[str]) -> dict[str, Cue]:
    """Parse lexicon lines (``LEMMA CLASS [obj] [xcomp] [prep=P]... [direct]``)."""
    out: dict[str, Cue] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        lemma, cls, *flags = line.split()
        preps = frozenset(f[5:] for f in flags if f.startswith("prep="))
        out[lemma] = Cue(lemma, cls, "obj" in flags, "xcomp" in flags, preps, "direct" in flags)
    return out


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Cue]:
    """The packaged cue lexicon, keyed by lemma."""
    text = resources.files("dateline").joinpath("data/cues.txt").read_text(encoding="utf-8")
    return parse_lexicon(text.splitlines())


def speech_lemmas() -> frozenset[str]:
    """Lemmas of speech cues (used by the evaluation's "speech cues" subset)."""
    return frozenset(k for k, v in load_cues().items() if v.speech)
