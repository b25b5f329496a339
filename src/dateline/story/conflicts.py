"""Group claims about the same thing across articles and flag those that cannot all be true.

Grouping. Claims are taken in a stable order (date, article, offset) and each joins
the first group that has

* the same category;
* a compatible counted object: the head noun of ``what``, singularised and mapped
  through synonyms (missiles ~ rockets, troops ~ soldiers ~ personnel,
  casualties ~ deaths ~ people ...). A generic people-noun (or none) is compatible
  with any object of a casualty-type category, so "no casualties" meets
  "80 U.S. troops were killed";
* compatible places: the nationality / place words in ``what`` ("U.S.", "Iranian")
  are equal, or one side has none;
* a compatible date: within ±2 days of the group's dates, when both are known;
* for casualty categories, the same cause ("stampede", "strike", "shoot" — see
  :func:`dateline.extract.claims.casualty_cause`), an unknown cause counting as
  its own value: a figure for a stampede and one with no stated cause are kept
  apart rather than risk a false conflict;
* for crowds, the same activity ("gather" for marching, thronging, numbering …;
  the verb otherwise) and the same known day (undated crowds only meet undated
  ones): a crowd is counted at one gathering, and
  "crowd"/"people" match any crowd noun;

otherwise it starts a new group. The group id is a hash of category, object key,
places and earliest date, so it is stable across runs over the same claims.

Compatibility is interval intersection. Each claim becomes an interval:
``=`` -> [v, v] (or [v, v_max] for a range); ``~`` -> [0.9 v, 1.1 v_max];
``>`` -> [v, inf); ``<`` -> [0, v_max]; an order-of-magnitude word ("hundreds of
thousands") -> [v, v_max) with the upper end excluded. On a line, intervals that
meet pairwise all share a point, so a group is in conflict exactly when two of its
claims' intervals are disjoint, and a claim is flagged when its interval misses
another claim's. Changes (``up``/``down``: "rose by 10") are not counts and are
kept out of conflict checks, and so are troop and money figures
(:data:`NO_CONFLICT`): forces and sums change from one deployment or package to
the next, so two different figures usually describe two different things.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date

from ..models import Claim, ClaimGroup, ClaimSide

__all__ = ["group_claims", "interval", "compatible", "object_key", "format_number", "conflict_text"]

DATE_WINDOW_DAYS = 2
APPROX = 0.10
_CASUALTY = {"killed", "wounded", "arrested", "displaced"}
NO_CONFLICT = frozenset({"troops", "money"})
_CAUSED = _CASUALTY | {"crowd"}
_CROWD_GENERIC = frozenset({"people", "crowd", "person"})
_GENERIC = "people"
_PERSON_HEADS = frozenset({"man", "men", "woman", "women"})
_SYNONYMS = {
    "rocket": "missile", "missile": "missile", "ballistic": "missile", "projectile": "missile",
    "soldier": "troop", "troop": "troop", "personnel": "troop", "serviceman": "troop",
    "servicemen": "troop", "servicemember": "troop", "marine": "troop", "force": "troop",
    "member": "troop", "paratrooper": "troop", "sailor": "troop", "airman": "troop",
    "casualty": _GENERIC, "death": _GENERIC, "fatality": _GENERIC, "dead": _GENERIC,
    "victim": _GENERIC, "person": _GENERIC, "people": _GENERIC, "life": _GENERIC,
    "body": _GENERIC, "injury": _GENERIC, "wounded": _GENERIC, "injured": _GENERIC,
    "arrest": _GENERIC, "detainee": _GENERIC, "one": _GENERIC, "none": _GENERIC,
    "individual": _GENERIC, "toll": _GENERIC, "refugee": _GENERIC, "evacuee": _GENERIC,
    "jet": "aircraft", "warplane": "aircraft", "plane": "aircraft", "aircraft": "aircraft",
    "bomber": "aircraft", "drone": "drone", "uav": "drone", "protester": "protester",
    "demonstrator": "protester", "marcher": "protester", "mourner": "mourner",
    "ship": "ship", "warship": "ship", "vessel": "ship",
}  # fmt: skip
_PLACES = {
    "u.s.": "us", "us": "us", "american": "us", "americans": "us", "united": "us",
    "iranian": "iran", "iran": "iran", "iraqi": "iraq", "iraq": "iraq",
    "israeli": "israel", "israel": "israel", "british": "uk", "u.k.": "uk",
}  # fmt: skip


def _singular(word: str) -> str:
    if word in ("people", "personnel", "series", "aircraft", "servicemen"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _narrower(key: str, other: str) -> bool:
    """ "fishermen" counts some of the "men" (not "women", nor any "people")."""
    if other not in _PERSON_HEADS or key == other or not key.endswith(other):
        return False
    return other.startswith("wo") or not key.endswith(("woman", "women"))


def _words(text: str | None) -> list[str]:
    return [w.strip(",.;:'\"()") for w in (text or "").split() if w.strip(",.;:'\"()")]


def object_key(claim: Claim) -> str:
    """The counted object's canonical head noun (synonyms folded)."""
    if claim.category == "money":
        unit = (claim.unit or "dollar").lower()
        return unit.split(" per ")[0].split()[-1] if unit.split() else "dollar"
    words = [w.lower() for w in _words(claim.what)]
    if not words:
        return _GENERIC if claim.category in _CASUALTY else claim.category
    head = _singular(words[-1])
    return _SYNONYMS.get(head, head)


def _places(claim: Claim) -> frozenset[str]:
    out = set()
    for w in _words(claim.what):
        low = w.lower()
        if low in _PLACES:
            out.add(_PLACES[low])
        elif w[:1].isupper() and low not in _SYNONYMS and _singular(low) not in _SYNONYMS:
            out.add(low)
    return frozenset(out)


def interval(claim: Claim) -> tuple[float, float] | None:
    """The values a claim allows, as a closed interval (None for up/down changes)."""
    if claim.change in ("up", "down"):
        return None
    lo = claim.value
    hi = claim.value_max if claim.value_max is not None else claim.value
    if claim.vague:
        return lo, math.nextafter(hi, -math.inf)
    if claim.change == "~":
        return lo * (1 - APPROX), hi * (1 + APPROX)
    if claim.change == ">":
        return lo, math.inf
    if claim.change == "<":
        return 0.0, hi
    return lo, hi


def compatible(a: Claim, b: Claim) -> bool:
    """True when both claims can be true together (their intervals intersect)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    return max(ia[0], ib[0]) <= min(ia[1], ib[1])


def format_number(v: float) -> str:
    """A claimed figure for people: 3,500 / 1.5 / 50,000,000,000."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


def _label(claim: Claim) -> str:
    value = format_number(claim.value)
    if claim.value_max is not None:
        value = f"{value}-{format_number(claim.value_max)}"
    if claim.vague and claim.text:
        value = claim.text
    elif claim.qualifier:
        value = f"{claim.qualifier} {value}"
    elif claim.change in ("up", "down"):
        value = f"{claim.change} {value}"
    return value


def _parse_date(d: str | None) -> date | None:
    if not d:
        return None
    try:
        return date.fromisoformat(d[:10])
    except ValueError:
        return None


@dataclass
class _Bucket:
    category: str
    key: str
    places: frozenset[str]
    delta: bool
    cause: str | None = None
    dates: list[date] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def accepts(self, c: Claim, key: str, places: frozenset[str], d: date | None) -> bool:
        if c.category != self.category or (c.change in ("up", "down")) != self.delta:
            return False
        if self.category in _CAUSED and c.cause != self.cause:
            return False
        if key != self.key:
            generic_ok = (
                (self.category in _CASUALTY and _GENERIC in (key, self.key))
                or (self.category == "crowd" and bool({key, self.key} & _CROWD_GENERIC))
                or _narrower(key, self.key)
                or _narrower(self.key, key)
            )
            if not generic_ok:
                return False
        if places and self.places and not places & self.places:
            return False
        if self.category == "crowd" and (d is None) != (not self.dates):
            return False  # a crowd is only comparable with one counted the same day
        if d is not None and self.dates:
            lo, hi = min(self.dates), max(self.dates)
            window = 0 if self.category == "crowd" else DATE_WINDOW_DAYS
            if (lo - d).days > window or (d - hi).days > window:
                return False
        return True

    def add(self, c: Claim, key: str, places: frozenset[str], d: date | None) -> None:
        self.claims.append(c)
        if (self.key == _GENERIC and key != _GENERIC) or _narrower(key, self.key):
            self.key = key
        self.places = self.places | places
        if d is not None:
            self.dates.append(d)


def group_claims(claims: list[Claim]) -> list[ClaimGroup]:
    """Group claims about the same thing; set ``group_id`` and ``conflict`` on each claim."""
    order = sorted(
        claims,
        key=lambda c: (c.date or "9999", c.article_id or "", c.start, c.end, c.category),
    )
    buckets: list[_Bucket] = []
    for c in order:
        key, places, d = object_key(c), _places(c), _parse_date(c.date)
        for b in buckets:
            if b.accepts(c, key, places, d):
                b.add(c, key, places, d)
                break
        else:
            b = _Bucket(c.category, key, places, c.change in ("up", "down"), c.cause)
            b.add(c, key, places, d)
            buckets.append(b)
    groups: list[ClaimGroup] = []
    seen: dict[str, int] = {}
    for b in buckets:
        first = min(b.dates).isoformat() if b.dates else ""
        raw = "|".join([b.category, b.key, ",".join(sorted(b.places)), first,
                        "delta" if b.delta else "", b.cause or ""])  # fmt: skip
        gid = hashlib.sha1(raw.encode()).hexdigest()[:12]
        if gid in seen:
            seen[gid] += 1
            gid = f"{gid}-{seen[gid]}"
        else:
            seen[gid] = 0
        conflict = False
        for c in b.claims:
            c.group_id = gid
            c.conflict = b.category not in NO_CONFLICT and any(
                not compatible(c, o) for o in b.claims if o is not c
            )
            conflict = conflict or c.conflict
        sides: dict[tuple[float, float], ClaimSide] = {}
        for c in b.claims:
            iv = interval(c) or (c.value, c.value if c.value_max is None else c.value_max)
            side = sides.get(iv)
            if side is None:
                side = sides[iv] = ClaimSide(label=_label(c), lo=iv[0], hi=iv[1])
            side.n_claims += 1
            src = c.attributed_to or "unattributed"
            if src not in side.sources:
                side.sources.append(src)
        whats = [c.what for c in b.claims if c.what]
        groups.append(
            ClaimGroup(
                id=gid,
                category=b.category,
                what=whats[0] if whats else b.key,
                claims=list(b.claims),
                conflict=conflict,
                sides=sorted(sides.values(), key=lambda s: (s.lo, s.hi)),
                date=first or None,
            )
        )
    return groups


def _figure(c: Claim) -> str:
    if c.vague and c.value_max is not None:
        value = f"{format_number(c.value)}s"  # "hundreds of thousands" → 100,000s
    else:
        value = format_number(c.value)
        if c.value_max is not None:
            value = f"{value}–{format_number(c.value_max)}"
    return f"{c.qualifier + ' ' if c.qualifier else ''}{value}"


def conflict_text(found: list[Claim], titles: dict[str, str]) -> str:
    """Each conflicting group of ``found``, one line per claim: figure, source, and the
    title (from ``titles``, by article id) of the article that states it."""
    groups: dict[str, list[Claim]] = {}
    for c in found:
        groups.setdefault(c.group_id or c.id, []).append(c)
    if not groups:
        return "(no conflicting claims)"
    blocks: list[str] = []
    for members in groups.values():
        head = members[0]
        named = [c for c in members if c.what]  # a specific noun before "men", "people"
        named.sort(key=lambda c: object_key(c) in (_GENERIC, *_PERSON_HEADS))
        what = named[0].what if named else head.category
        lines = [f"CONFLICT {head.category}: {what} ({head.date or 'undated'})"]
        width = max(len(_figure(c)) for c in members)
        for c in sorted(members, key=lambda c: (c.value, c.attributed_to or "")):
            title = titles.get(c.article_id or "", "")
            lines.append(
                f"  {_figure(c).ljust(width)}  claimed by {c.attributed_to or 'unattributed'}"
                f"  — “{c.text}” in {title[:60]}"
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
