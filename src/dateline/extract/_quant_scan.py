"""Surface scanner for quantities: numbers (digits and words), scales, ranges,
qualifiers, currencies and measurement units, with date/time/ordinal exclusion.

It works on its own character-offset tokens (spaCy splits "$5.4m" or "10kW"
differently from one version to the next); the caller adds what needs the parse
(counted noun, category, model numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import _quant_lex as L

_TOKEN = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|\d+(?:\.\d+)?|\.\d+|[^\W\d_]+(?:['’][^\W\d_]+)*|\S"
)
_GLUED_ONLY = {
    "in",
    "a",
    "s",
    "t",
    "m",
    "g",
    "l",
    "L",
    "b",
    "A",
    "x",
    "mi",
    "Mt",
    "ha",
    "kt",
    "ms",
    "ml",
    "oz",
}
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.?\s?m\b\.?|[ap]\.m\.|o'clock\b)", re.IGNORECASE)


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_digit(self) -> bool:
        return self.text[0].isdigit() or (self.text[0] == "." and len(self.text) > 1)

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()


@dataclass
class Mention:
    """A quantity found on the surface, before the parse adds its counted noun."""

    value: float
    value_max: float | None
    change: str
    qualifier: str | None
    unit: str | None  # surface unit (measurement or currency); None for plain counts
    unit_norm: str | None
    start: int  # whole mention incl. qualifier
    end: int
    num_start: int  # first number (after currency)
    num_end: int  # end of the numeric part (incl. scale words), before unit
    vague: bool = False
    money: bool = False
    fraction: bool = False
    word: bool = False
    year_like: bool = False
    hyphen_unit: bool = False
    direction: str | None = None  # up | down when a change verb governs it
    next_tok: int = 0  # scanner token index just after the numeric part (no unit)


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _num(tok: Tok) -> float:
    return float(tok.text.replace(",", ""))


class Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.n = len(self.toks)

    # -- helpers -----------------------------------------------------------
    def glued(self, i: int, j: int) -> bool:
        """True when tokens i and j (j = i + 1) touch."""
        if i < 0 or j >= self.n or i >= self.n or j < 0:
            return False
        return self.toks[i].end == self.toks[j].start

    def gap(self, i: int, j: int) -> str:
        return self.text[self.toks[i].end : self.toks[j].start]

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < self.n else ""

    def joined(self, i: int, k: int) -> str:
        """Surface text of tokens i..k inclusive, whitespace collapsed."""
        return re.sub(r"\s+", " ", self.text[self.toks[i].start : self.toks[k].end])

    # -- numbers -------------------------------------------------------------
    def parse_number(self, i: int, currency: bool) -> tuple[float, int, dict] | None:
        """Parse a number starting at token i; return (value, next index, info)."""
        toks, n = self.toks, self.n
        t = toks[i]
        info: dict = {"scaled": False, "raw": 0.0, "word": False, "vague_max": None,
                      "fraction": False, "comma": "," in t.text}  # fmt: skip
        if t.is_digit:
            v = _num(t)
            info["raw"] = v
            j = i + 1
            # fractions: 1/16 of, 1⁄32
            if (
                j + 1 < n
                and toks[j].text in ("/", "⁄")
                and self.glued(i, j)
                and self.glued(j, j + 1)
                and toks[j + 1].is_digit
                and "." not in t.text
                and (toks[j].text == "⁄" or self.low(j + 2) == "of")
            ):
                den = _num(toks[j + 1])
                if den:
                    info["fraction"] = True
                    return v / den, j + 2, info
            scaled = False
            while j < n and toks[j].low in L.SCALES and (toks[j].low != "hundred" or v < 100):
                v *= L.SCALES[toks[j].low]
                j += 1
                scaled = True
            if not scaled and j < n:
                s = toks[j].text
                if self.glued(j - 1, j) and s in L.ABBR_SCALES:
                    v *= L.ABBR_SCALES[s]
                    j += 1
                    scaled = True
                elif s.lower() in ("bn", "mln", "mn", "tn", "bln", "trn"):
                    v *= L.ABBR_SCALES[s.lower()]
                    j += 1
                    scaled = True
                elif currency and self.glued(j - 1, j) and s in L.MONEY_SCALES:
                    v *= L.MONEY_SCALES[s]
                    j += 1
                    scaled = True
            if scaled and j < n and toks[j].text == "-" and self.glued(j - 1, j):
                pass
            info["scaled"] = scaled
            return v, j, info
        w = t.low
        # vague magnitudes: dozens, hundreds of thousands, tens of millions
        if w == "tens" and self.low(i + 1) == "of" and self.low(i + 2) in L.VAGUE:
            base = L.VAGUE[self.low(i + 2)]
            info.update(word=True, vague_max=base * 100)
            return base * 10, i + 3, info
        if w in L.VAGUE and (w != "scores" or self.low(i + 1) == "of"):
            base = L.VAGUE[w]
            j = i + 1
            if self.low(j) == "of" and self.low(j + 1) in ("thousands", "millions", "billions"):
                base *= L.VAGUE[self.low(j + 1)]
                j += 2
            info.update(word=True, vague_max=base * 10)
            return base, j, info
        # fractions: two-thirds, a third of, half of, one out of three
        frac = self._fraction(i)
        if frac is not None:
            return frac[0], frac[1], {**info, "word": True, "fraction": True}
        # "half a million"
        if w == "half" and self.low(i + 1) in ("a", "an") and self.low(i + 2) in L.SCALES:
            info["word"] = True
            return 0.5 * L.SCALES[self.low(i + 2)], i + 3, info
        total, current, j, consumed = 0.0, 0.0, i, False
        if w in L.SCALES or w == "dozen":
            return None  # "several hundred", "a baker's dozen": no number
        if w == "a" and self.low(i + 1) in ("dozen", "hundred", "thousand", "million",
                                             "billion", "trillion"):  # fmt: skip
            current, j, consumed = 1.0, i + 1, False
        while j < n:
            x = toks[j].low
            if x in L.ONES:
                if consumed and current % 100 and current % 10 == 0 and current >= 20:
                    current += L.ONES[x]  # "twenty one"
                elif consumed and current and current % 100 != 0:
                    break
                else:
                    current += L.ONES[x]
            elif x in L.TENS:
                if consumed and current % 100:
                    break
                current += L.TENS[x]
                if (
                    j + 2 < n
                    and toks[j + 1].text == "-"
                    and self.glued(j, j + 1)
                    and self.glued(j + 1, j + 2)
                    and toks[j + 2].low in L.ONES
                ):
                    current += L.ONES[toks[j + 2].low]
                    j += 2
            elif x == "hundred":
                current = (current or 1) * 100
            elif x in ("thousand", "million", "billion", "trillion"):
                total += (current or 1) * L.SCALES[x]
                current = 0
                info["scaled"] = True
            elif x == "dozen":
                current = (current or 1) * 12
            elif (
                x == "and"
                and consumed
                and (self.low(j + 1) in L.ONES or self.low(j + 1) in L.TENS)
                and (total or current >= 100)
            ):
                pass  # fmt: skip
            else:
                break
            consumed = True
            j += 1
        if not consumed:
            return None
        info["word"] = True
        return total + current, j, info

    def _fraction(self, i: int) -> tuple[float, int] | None:
        t = self.toks
        w = self.low(i)
        # two-thirds, one-third, three-quarters
        if (
            w in L.ONES
            and self.low(i + 1) == "-"
            and self.glued(i, i + 1)
            and self.low(i + 2) in L.FRACTIONS
            and self.glued(i + 1, i + 2)
        ):
            return L.ONES[w] / L.FRACTIONS[self.low(i + 2)], i + 3
        if w in ("a", "one") and self.low(i + 1) in ("third", "quarter", "fifth", "tenth", "half"):
            if self.low(i + 2) == "of":
                return 1 / L.FRACTIONS[self.low(i + 1)], i + 2
            return None
        if w in L.ONES and w not in ("a", "one") and self.low(i + 1) in (
            "thirds", "quarters", "fifths", "tenths") and self.low(i + 2) == "of":  # fmt: skip
            return L.ONES[w] / L.FRACTIONS[self.low(i + 1)], i + 2
        if w == "half" and self.low(i + 1) == "of":
            return 0.5, i + 1
        # one out of three, one in five
        if w in L.ONES and (
            (self.low(i + 1) == "out" and self.low(i + 2) == "of" and self.low(i + 3) in L.ONES)
            or (self.low(i + 1) == "in" and self.low(i + 2) in L.ONES and w == "one")
        ):
            k = i + 3 if self.low(i + 1) == "out" else i + 2
            den = L.ONES[t[k].low]
            if den:
                return L.ONES[w] / den, k + 1
        return None

    # -- context: currency, qualifier, change --------------------------------
    def currency_before(self, i: int) -> tuple[str, int] | None:
        """A currency written before token i: (surface, index of its first token)."""
        t = self.toks
        if i - 1 < 0:
            return None
        p = t[i - 1].text
        near = self.glued(i - 1, i) or self.gap(i - 1, i) == " "
        if not near:
            return None
        if p == "$":
            if (
                i - 2 >= 0
                and t[i - 2].text in ("US", "HK", "A", "C", "NZ", "S", "AU", "CA", "R")
                and self.gap(i - 2, i - 1) in ("", " ")
            ):
                return t[i - 2].text + "$", i - 2
            return "$", i - 1
        if p in ("US", "A", "AU") and self.glued(i - 1, i) and i - 2 >= 0 and t[i - 2].text == "$":
            return "$" + p, i - 2
        if p == "=" and self.glued(i - 1, i) and i - 2 >= 0 and t[i - 2].text == "Y":
            return "Y=", i - 2
        if p in L.CURRENCY_PREFIX and p not in ("$", "US"):
            if p in ("PS", "RM") and not self.glued(i - 1, i):
                return None
            return p, i - 1
        return None

    def qualifier_before(self, k: int) -> tuple[str, str, int] | None:
        """The longest qualifier ending just before token k: (words, change, first index)."""
        best = None
        for length in (4, 3, 2, 1):
            a = k - length
            if a < 0:
                continue
            words = " ".join(self.low(x) for x in range(a, k))
            if words == "sub -":
                words = "sub"
            if words in L.QUALIFIERS:
                best = (self.joined(a, k - 1), L.QUALIFIERS[words], a)
                break
        if best is None and k - 2 >= 0 and self.low(k - 1) == "-" and self.low(k - 2) == "sub":
            best = ("sub-", "<", k - 2)
        return best

    # -- units ----------------------------------------------------------------
    def unit_after(self, j: int, money: bool) -> tuple[str, str, int, bool] | None:
        """A unit starting at token j: (surface, normalised, next index, hyphenated)."""
        t, n = self.toks, self.n
        if j >= n:
            return None
        hyphen = False
        start = j
        if t[j].text == "-" and self.glued(j - 1, j) and j + 1 < n and self.glued(j, j + 1):
            hyphen = True
            start = j + 1
        if start >= n:
            return None
        glued = self.glued(start - 1, start)
        if not glued and self.gap(start - 1, start).count(" ") > 1:
            return None
        best: tuple[str, str, int] | None = None
        for length in (4, 3, 2, 1):
            k = start + length - 1
            if k >= n:
                continue
            # tokens inside a unit touch, or are separated by a single space
            if any(self.gap(x, x + 1) not in ("", " ") for x in range(start, k)):
                continue
            surf = self.joined(start, k)
            low = surf.lower()
            norm = None
            if low in L.AGE_SUFFIX:
                norm = L.AGE_SUFFIX[low]
            elif length == 1 and surf in L.UNIT_SYMBOLS:
                if len(surf) == 1 and surf not in ("%", "°", "″", "′") and not glued:
                    if surf not in ("W", "C", "F", "V", "K", "p"):
                        continue
                    if surf == "p" and self.low(k + 1) == "." and self.low(k + 2) == "m":
                        continue
                if surf in _GLUED_ONLY and not glued:
                    continue
                norm = L.UNIT_SYMBOLS[surf]
            elif low in L.UNIT_WORDS:
                norm = L.UNIT_WORDS[low]
            elif low in L.CURRENCY_WORDS and (length > 1 or low not in ("p", "kn") or glued
                                              or low == "kn"):  # fmt: skip
                norm = L.CURRENCY_WORDS[low]
            elif surf in L.UNIT_SYMBOLS and length > 1:
                norm = L.UNIT_SYMBOLS[surf]
            elif (
                length == 2
                and t[start].text[:1].isupper()
                and t[k].low in L.CURRENCY_WORDS
                and t[k].low not in ("p", "kn", "sen")
            ):
                norm = t[start].low + " " + L.CURRENCY_WORDS[t[k].low]  # Danish crowns
            if norm is not None:
                # a glued single letter must not be the start of a longer word
                if k + 1 < n and self.glued(k, k + 1) and t[k + 1].is_alpha:
                    continue
                best = (surf, norm, k + 1)
                break
        if best is None:
            if money and not hyphen and self.low(j) in ("per", "a", "an", "/"):
                rate = self._rate(j, "", "")
                if rate is not None:
                    return rate[0].strip(), rate[1].strip(), rate[2], False
            return None
        surf, norm, nxt = best
        # "-long" / "-wide" / "-tall" / "-deep" adjectives after a unit
        if (
            nxt + 1 < n
            and t[nxt].text == "-"
            and self.glued(nxt - 1, nxt)
            and t[nxt + 1].low in ("long", "wide", "tall", "deep", "high", "thick")
            and self.glued(nxt, nxt + 1)
        ):
            surf += "-" + t[nxt + 1].text
            nxt += 2
        rate = self._rate(nxt, surf, norm)
        if rate is not None:
            surf, norm, nxt = rate
        return surf, norm, nxt, hyphen

    def _rate(self, nxt: int, surf: str, norm: str) -> tuple[str, str, int] | None:
        """A rate after a unit: per barrel, a month, an ounce, /day."""
        t, n = self.toks, self.n
        if (
            nxt + 1 < n
            and t[nxt].low in ("per", "a", "an", "/")
            and (self.gap(nxt - 1, nxt) in ("", " "))
        ):
            r = t[nxt + 1].low
            if r in L.UNIT_WORDS or r in ("share", "barrel", "gallon", "ounce", "gram", "day",
                                           "month", "year", "week", "hour", "person",
                                           "capita", "head", "tonne", "ton", "kilo",
                                           "sq", "square", "mmbtu", "kg", "unit",
                                           "piece", "night"):  # fmt: skip
                end = nxt + 1
                if r in ("sq", "square") and nxt + 2 < n:
                    end = nxt + 2
                rate_norm = L.UNIT_WORDS.get(t[end].low, t[end].low)
                return (surf + " " + self.joined(nxt, end), f"{norm} per {rate_norm}", end + 1)
        return None

    def currency_word_unit(self, surf: str, norm: str) -> bool:
        return surf.lower() in L.CURRENCY_WORDS or norm.split(" per ")[0].endswith(
            tuple(set(L.CURRENCY_WORDS.values()) | set(L.CURRENCY_PREFIX.values()))
        )

    # -- the scan -------------------------------------------------------------
    def scan(self) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        while i < self.n:
            res = self.mention_at(i)
            if res is None:
                i += 1
                continue
            mention, nxt = res
            if mention is not None:
                out.append(mention)
            i = max(nxt, i + 1)
        return out

    def _skip_reason(self, i: int) -> int | None:
        """Index to resume at when the digits at token i are not a quantity."""
        t, n = self.toks, self.n
        prev = t[i - 1] if i > 0 else None
        if (
            prev is not None
            and self.glued(i - 1, i)
            and prev.is_alpha
            and prev.text not in L.CURRENCY_PREFIX
            and prev.text not in ("US", "A", "AU", "x")
        ):
            return i + 1  # S22, M21, X6
        if (
            i >= 2
            and t[i - 1].text in ("-", "–")
            and self.glued(i - 1, i)
            and t[i - 2].is_alpha
            and t[i - 2].low not in ("sub", "minus", "now", "over", "under", "about", "some",
                                     "around", "nearly", "almost", "than", "to")
        ):  # fmt: skip
            return i + 1  # TA-35, COVID -19, last-32
        if (
            i + 2 < n
            and t[i + 1].text == ":"
            and self.glued(i, i + 1)
            and t[i + 2].is_digit
            and self.glued(i + 1, i + 2)
        ):
            return i + 3  # 2:30
        if _TIME_AFTER.match(self.text, t[i].end) and _num(t[i]) <= 24:
            return i + 1
        if i + 1 < n and self.glued(i, i + 1) and t[i + 1].low in ("st", "nd", "rd", "th", "s"):
            return i + 2  # 82nd, 1990s, Model 3s
        return None

    def _month_near(self, i: int) -> bool:
        t = self.toks
        j = i - 1
        if j >= 0 and t[j].text == ".":
            j -= 1
        if j >= 0 and t[j].text[:1].isupper() and t[j].low in L.MONTHS:
            return True
        return i + 1 < self.n and t[i + 1].text[:1].isupper() and t[i + 1].low in L.MONTHS

    def mention_at(self, i: int) -> tuple[Mention | None, int] | None:
        t, n = self.toks, self.n
        tok = t[i]
        if tok.is_digit:
            skip = self._skip_reason(i)
            if skip is not None:
                return None, skip
        elif not tok.is_alpha:
            return None
        if tok.low == "one" and (self.low(i - 1) in L.PRONOUN_ONE_BLOCK
                                 or self.low(i + 1) in ("another", "other")):  # fmt: skip
            return None, i + 1
        cur = self.currency_before(i) if tok.is_digit else None
        neg = False
        k = cur[1] if cur else i
        if (
            cur is None
            and tok.is_digit
            and i >= 1
            and t[i - 1].text in ("-", "−")
            and self.glued(i - 1, i)
        ):
            c2 = self.currency_before(i - 1)
            if c2:
                cur, neg, k = c2, True, c2[1]
            elif i >= 2 and t[i - 2].low == "minus":
                neg, k = True, i - 2
            elif (
                i >= 2
                and not self.glued(i - 2, i - 1)
                and not (t[i - 2].is_alpha or t[i - 2].is_digit or t[i - 2].text in ("-", "–"))
            ):
                neg, k = True, i - 1
        elif i >= 1 and t[i - 1].low == "minus":
            neg, k = True, i - 1
        direction = None
        if k >= 1 and t[k - 1].text == "+" and self.glued(k - 1, k):
            direction, k = "up", k - 1
        parsed = self.parse_number(i, currency=cur is not None)
        if parsed is None:
            return None
        value, j, info = parsed
        if neg:
            value = -value
        num_end = j
        year_like = (
            tok.is_digit
            and not info["comma"]
            and "." not in tok.text
            and len(tok.text) == 4
            and 1000 <= value <= 2199
            and not info["scaled"]
            and cur is None
        )
        if (
            tok.is_digit
            and not cur
            and float(value).is_integer()
            and 0 < value <= 31
            and self._month_near(i)
        ):
            nxt = j
            if self.low(nxt) == "," and nxt + 1 < n and t[nxt + 1].is_digit:
                nxt += 2
            elif nxt < n and t[nxt].low in L.MONTHS:
                nxt += 1
                if nxt < n and t[nxt].is_digit:
                    nxt += 1
            return None, nxt
        unit = self.unit_after(j, money=cur is not None)
        if unit is None and j < n and self.glued(j - 1, j) and t[j].is_alpha and tok.is_digit:
            return None, j + 1  # 5G, 9AB8
        if year_like and unit is None:
            return None, j
        if unit is not None and unit[3] and unit[1] in ("year", "month", "week", "day", "hour",
                                                        "minute", "decade"):  # fmt: skip
            return None, unit[2]  # "five-year plan": adjectival duration
        after = unit[2] if unit else j
        # qualifier and change verb before
        between = self.low(k - 1) == "between"
        frm = self.low(k - 1) == "from"
        q = None if (between or frm) else self.qualifier_before(k)
        start_idx = k
        change = "="
        qual_text = None
        if q is not None:
            qual_text, change, start_idx = q
            if qual_text.lower() in ("just", "only", "exactly", "precisely"):
                qual_text = None
        if between:
            start_idx = k - 1
        p = start_idx - 1
        if self.low(p) == "by":
            p -= 1
        if direction is None and p >= 0 and not frm:
            if t[p].low in L.UP_VERBS and t[p].low != "+":
                direction = "up"
            elif t[p].low in L.DOWN_VERBS:
                direction = "down"
        by_before = self.low(start_idx - 1) == "by"
        # ranges
        num_end_char = t[num_end - 1].end
        value_max: float | None = info["vague_max"]
        vague = value_max is not None
        rng = None
        if not vague:
            rng = self._range(after, value, info, unit, between, frm, direction is not None
                              and not frm or by_before, cur is not None)  # fmt: skip
        if rng is not None:
            value, value_max, unit, after, year_pair = rng
            num_end_char = self._range_num_end
            if year_pair or (year_like and unit is None):
                return None, after
        elif year_like and unit is None:
            return None, after
        # post qualifiers: or more, or so, -plus, +
        if after < n:
            two = (self.low(after), self.low(after + 1))
            if two in L.POST_QUALIFIERS:
                change = L.POST_QUALIFIERS[two]
                qual_text = self.joined(after, after + 1)
                after += 2
            elif self.low(after) in ("plus", "+") and (self.glued(after - 1, after)
                                                      or self.low(after) == "plus"):  # fmt: skip
                if self.low(after) == "+" or self.low(after - 1) == "-":
                    change, qual_text = ">", t[after].text
                    after += 1
            elif (
                self.low(after) == "-"
                and self.low(after + 1) == "plus"
                and self.glued(after - 1, after)
            ):
                change, qual_text = ">", "-plus"
                after += 2
        if vague and change == "=":
            change = "~" if q is None else change
        surf_unit = unit[0] if unit else None
        norm_unit = unit[1] if unit else None
        if cur is not None:
            cur_surf = cur[0]
            cur_norm: str | None = L.CURRENCY_PREFIX.get(cur_surf, "dollar")
            if (
                unit is not None
                and not self.currency_word_unit(unit[0], unit[1])
                and (unit[1].startswith("percentage") or unit[1] in ("point", "times"))
            ):
                cur_norm = None  # "$ ... %" oddities: keep the unit
            if cur_norm is not None:
                rate = ""
                if unit is not None and (" per " in unit[1] or unit[1].startswith("per ")):
                    rate = " per " + unit[1].split("per ", 1)[1]
                    surf_unit = re.sub(
                        r"\s+", " ", cur_surf + " " + self.text[t[j].start : t[after - 1].end]
                    )
                else:
                    surf_unit = cur_surf
                norm_unit = cur_norm + rate
        money = norm_unit is not None and (
            cur is not None or self.currency_word_unit(surf_unit or "", norm_unit)
        )
        lo, hi = value, value_max
        if hi is not None and hi < lo:
            lo, hi = hi, lo
        start_char = t[start_idx].start
        end_char = t[after - 1].end
        return (
            Mention(
                value=lo,
                value_max=hi,
                change=change,
                qualifier=qual_text,
                unit=surf_unit,
                unit_norm=norm_unit,
                start=start_char,
                end=end_char,
                num_start=tok.start,
                num_end=num_end_char,
                vague=vague,
                money=money,
                fraction=bool(info["fraction"]),
                word=bool(info["word"]),
                year_like=year_like,
                hyphen_unit=bool(unit and unit[3]),
                direction=direction,
                next_tok=num_end if unit is None else after,
            ),
            after,
        )

    def _range(
        self,
        after: int,
        a_value: float,
        a_info: dict,
        a_unit: tuple[str, str, int, bool] | None,
        between: bool,
        frm: bool,
        changed: bool,
        money: bool,
    ) -> tuple[float, float, tuple[str, str, int, bool] | None, int, bool] | None:
        t, n = self.toks, self.n
        c = after
        if c >= n:
            return None
        conn = t[c].low
        b = c + 1
        if conn in ("-", "–", "—"):
            spaced = not self.glued(c - 1, c) and not self.glued(c, c + 1)
            if not ((self.glued(c - 1, c) and self.glued(c, c + 1)) or (spaced and conn != "-")
                    or (spaced and a_unit is None)):  # fmt: skip
                return None
        elif conn == "to":
            if changed and (
                a_unit is not None
                or self.currency_before(c + 1 if c + 1 < n and t[c + 1].is_digit else c + 2)
            ):
                return None  # fmt: skip
            if b < n and t[b].text == "-" and self.glued(c, b):
                b += 1
        elif conn == "and" and between or conn == "or" and (a_info["word"] or abs(a_value) < 100):
            pass
        elif frm:
            # from 21 mpg combined to 23
            for x in range(c, min(c + 3, n - 1)):
                if t[x].low == "to":
                    b = x + 1
                    break
                if not t[x].is_alpha:
                    return None
            else:
                return None
        else:
            return None
        # currency before B
        cur2 = None
        bi = b
        for look in (b, b + 1, b + 2):
            if look < n and t[look].is_digit:
                cur2 = self.currency_before(look)
                if cur2 is not None and cur2[1] != b:
                    cur2 = None
                if cur2 is None and look != b:
                    break
                bi = look
                break
        if bi >= n or not (t[bi].is_digit or (a_info["word"] and t[bi].low in L.ONES)):
            return None
        if t[bi].is_digit and self._skip_reason(bi) is not None:
            return None
        parsed = self.parse_number(bi, currency=money or cur2 is not None)
        if parsed is None:
            return None
        b_value, jb, b_info = parsed
        b_unit = self.unit_after(jb, money=money or cur2 is not None)
        if a_unit and b_unit and a_unit[1] != b_unit[1]:
            return None
        if conn == "or" and a_unit is None and b_unit is None and not a_info["word"]:
            return None
        if b_info["scaled"] and not a_info["scaled"] and a_info["raw"] and a_info["raw"] <= b_info[
            "raw"
        ]:  # fmt: skip
            scale = b_value / b_info["raw"] if b_info["raw"] else 1.0
            a_value *= scale
        unit = b_unit or a_unit
        end = b_unit[2] if b_unit else jb
        year_pair = False
        for info_ in (a_info, b_info):
            v = info_["raw"]
            if (
                not info_["word"]
                and not info_["comma"]
                and not info_["scaled"]
                and float(v).is_integer()
                and 1000 <= v <= 2199
                and unit is None
                and not money
            ):
                year_pair = True
        # an address range: 16-18 Industrial Avenue
        if end + 1 < n and t[end].text[:1].isupper() and t[end + 1].low in L.STREET_WORDS:
            year_pair = True
        self._range_num_end = t[jb - 1].end
        return a_value, b_value, unit, end, year_pair
