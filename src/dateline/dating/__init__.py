"""Publication dates: from metadata when given, else inferred from the text.

Inference reads an article's temporal expressions *without* an anchor
(``dateline.extract.time.tag_times(text, None)``), so relative parts stay
unresolved ("Friday" is ``XXXX-WXX-5``, "Jan. 3" is ``XXXX-01-03``), and ties
weekdays to calendar dates: "Friday, Jan. 3", or "on Friday" in one sentence or
story and "on Jan. 3" in another about the same happening. The year must make
the two agree. The anchored weekday fixes the week; the lead's weekday, the
day. Articles from one dump (same ``RawArticle.group``) are dated jointly, so
one story's dates and years serve all. See :mod:`dateline.dating._infer` for the
rules and :data:`TIERS` for their measured precision. Otherwise: abstain, with
the reason in ``PublicationDate.evidence``. Modules: ``_evidence`` (mentions),
``_links`` (weekday-date links), ``_spans`` (happenings dated relative to a story),
``_offsets`` ("a day after X": a weekday X's date fixes), ``_window`` (windows of
abstentions), ``_years`` (the year), ``_infer`` (decisions).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..models import PublicationDate, RawArticle, TimeExpression
from ._evidence import Evidence, Mention, collect_evidence
from ._infer import MIN_CONFIDENCE, TIERS, anchors_by_article, infer_group
from ._links import Anchor

__all__ = [
    "Anchor",
    "Evidence",
    "MIN_CONFIDENCE",
    "Mention",
    "TIERS",
    "anchors_by_article",
    "collect_evidence",
    "date_articles",
    "evidence_for",
    "infer_group",
    "infer_publication_date",
]


def _tag(text: str) -> list[TimeExpression]:
    from ..extract.time import tag_times

    return tag_times(text, None)


def evidence_for(text: str, wire: bool = False) -> Evidence:
    """The dating evidence of one article's text (``wire``: it has an agency dateline)."""
    return replace(collect_evidence(text, _tag(text)), wire=wire)


def infer_publication_date(
    ev: Evidence, group_years: list[int] | None = None, min_confidence: float = MIN_CONFIDENCE
) -> PublicationDate:
    """Infer one article's date from its own evidence (plus years known from elsewhere)."""
    if group_years:
        ev = replace(ev, years=ev.years + list(group_years))  # their tense is unknown
    return infer_group([ev], min_confidence)[0]


def date_articles(
    raws: list[RawArticle], min_confidence: float = MIN_CONFIDENCE
) -> list[PublicationDate]:
    """A publication date for each article: metadata first, else inference.

    Articles without a date that share a ``group`` are inferred jointly; the
    others one by one.
    """
    out: list[PublicationDate | None] = [None] * len(raws)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, raw in enumerate(raws):
        if raw.published is not None:
            out[i] = PublicationDate(
                raw.published, inferred=False, confidence=1.0, evidence="metadata"
            )
        else:
            groups[raw.group or f"\0{i}"].append(i)
    for members in groups.values():
        evidence = [evidence_for(raws[i].text, wire=raws[i].agency is not None) for i in members]
        for i, result in zip(members, infer_group(evidence, min_confidence), strict=True):
            out[i] = result
    return [r for r in out if r is not None]
