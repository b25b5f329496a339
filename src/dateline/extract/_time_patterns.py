"""Regular expressions of the temporal tagger (private), compiled once at import.

Every pattern is compiled case-insensitively; month and weekday names are matched
case-sensitively inside it (``(?-i:...)``) because "may", "march" and "sun" are
ordinary words too.
"""

from __future__ import annotations

import re

from ._time_lexicon import MONTH_RE, NUM_RE, NUM_STRICT_RE, UNIT_RE, WEEKDAY_RE

M = r"(?-i:" + MONTH_RE + r")(?![A-Za-z])"
MFULL = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Sept\.)(?![A-Za-z])"
)
WD = r"(?-i:" + WEEKDAY_RE + r")(?![A-Za-z])"
DAYNUM = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|[:.]\d|%)"
YEAR = r"(?P<y>(?:1[6-9]\d|20[0-5])\d)(?![\d%]|[.,]\d)"
NUM = r"(?P<num>" + NUM_RE + r")"
UNIT = r"(?P<unit>" + UNIT_RE + r")"
# Approximators and bounds that TimeML keeps inside the span of a quantity.
QMOD = (
    r"(?:(?P<qmod>around|approximately|roughly|nearly|almost|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|at\s+most|up\s+to|over|no\s+more\s+than|some)\s+(?!the\b))?"
)
# "early", "late", "mid-", "the end of" ... in front of a date.
PMOD = (
    r"(?:(?P<pmod>early|late|mid|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of"
    r"(?:\s+the)?)[-\s]+)?"
)
POD = r"(?P<pod>morning|afternoon|evening|night)"
DAYWORD = r"(?P<dw>today|yesterday|tomorrow|tonight)"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w$£€-])" + pattern, re.I)


ISO_DATE = _c(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b")
NUMERIC_DATE = _c(r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])")
MONTH_DAY_YEAR = _c(
    r"(?:(?P<wd>" + WD + r"),?\s+)?(?P<mon>" + M + r")\s*" + DAYNUM + r",?\s+" + YEAR
)
DAY_MONTH_YEAR = _c(
    r"(?:(?P<wd>"
    + WD
    + r"),?\s+)?(?:the\s+)?"
    + DAYNUM
    + r"\s+(?:of\s+)?(?P<mon>"
    + M
    + r"),?\s+"
    + YEAR
)
MONTH_DAY = _c(
    PMOD
    + r"(?:(?P<rel>this\s+coming|this|next|last)\s+)?(?:(?P<wd>"
    + WD
    + r"),?\s+)?(?P<mon>"
    + M
    + r")\s*"
    + DAYNUM
)
DAY_MONTH = _c(
    r"(?:(?P<wd>" + WD + r"),?\s+)?(?:the\s+)?" + DAYNUM + r"\s+(?:of\s+)?(?P<mon>" + M + r")"
)
MONTH_YEAR = _c(PMOD + r"(?P<mon>" + M + r"),?\s+(?:of\s+)?" + YEAR)
MONTH_REL_YEAR = _c(PMOD + r"(?P<mon>" + M + r")\s+(?P<rel>this|last|next)\s+year\b")
MONTH = _c(
    PMOD
    + r"(?:(?P<rel>last|next|this(?:\s+coming|\s+past)?|coming|past)\s+)?(?P<mon>"
    + MFULL
    + r")"
)
YEAR_RE = _c(
    r"(?:(?P<pre>fiscal(?:\s+year)?|calendar(?:\s+year)?|(?:the\s+)?year|post|pre|mid|early|late"
    r"|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of)[-\s]+)?" + YEAR + r"(?!-\d)"
)
DECADE = _c(r"(?:the\s+)?(?:(?P<pmod>early|late|mid)[-\s]+)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)'?s\b")
DECADE_WORD = _c(
    r"(?:the\s+)?(?:(?P<pmod>early|late|mid)[-\s]+)?(?P<decw>twenties|thirties|forties|fifties"
    r"|sixties|seventies|eighties|nineties)\b"
)
CENTURY = _c(
    r"(?:the\s+)?(?:(?P<pmod>early|late|mid)[-\s]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second"
    r"|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty-first)[-\s]+century\b"
)
SEASON = _c(
    PMOD + r"(?:(?P<rel>this(?:\s+past|\s+coming)?|last|next|the\s+past|the\s+coming|the|coming"
    r"|past)\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?" + YEAR + r")?\b"
)
QUARTER = _c(
    r"(?:(?P<rel>the(?:\s+(?:year-ago|year-earlier|prior-year|fiscal|calendar))*"
    r"(?=\s+(?:\w+\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s)|"
    r"(?P<yrel>this|last|next)\s+year's|(?P<py>(?:19|20)\d\d)(?:'s)?|fiscal|calendar)\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b"
    r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?" + YEAR + r"|(?P<yrel2>this|last|next)\s+year\b))?"
)
QUARTER_REF = _c(
    r"(?:the\s+)(?:(?P<kind>latest|current|recent|most\s+recent|same|year-ago|year-earlier"
    r"|prior-year|previous|comparable|fiscal|(?:19|20)\d\d)\s+)?quarter\b(?!-)"
    r"|(?:the\s+)(?P<pkind>latest|year-ago|year-earlier|prior-year|comparable|(?:19|20)\d\d)"
    r"\s+period\b"
    r"|(?P<adj>year-earlier|year-ago)(?=\s)"
)
HALF = _c(
    r"(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:(?:the\s+)?year|"
    + YEAR
    + r"|(?P<yrel>this|last|next)\s+year))?\b"
)
HOLIDAY = _c(
    r"(?:(?P<rel>last|next|this)\s+)?(?P<hol>(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's"
    r"(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Halloween|Independence\s+Day|Valentine's\s+Day"
    r"|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day))(?!\w)"
)
DAYWORD_RE = _c(
    r"(?:(?P<pmod>early|late|earlier|later|mid)[-\s]+)?(?:(?P<pod1>morning|afternoon|evening"
    r"|night)\s+)?" + DAYWORD + r"(?:\s+" + POD + r")?\b"
)
DAY_BEFORE_YESTERDAY = _c(r"(?:the\s+)?day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)\b")
LAST_NIGHT = _c(r"(?:(?P<pmod>early|late)\s+)?last\s+night\b|overnight\b")
THIS_POD = _c(
    r"(?:(?P<pmod>early|late|earlier|later|mid)[-\s]+)?this\s+(?P<pod>morning|afternoon|evening)\b"
    r"|(?P<mid>mid-?\s?(?P<pod2>morning|afternoon|day))\b"
)
REL_UNIT = _c(
    r"(?:(?P<pmod>early|late|earlier|later|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
    r"[-\s]+)?(?P<rel>this(?:\s+past|\s+coming)?|last|next|coming|current|the\s+current)\s+"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)"
)
PAST_UNIT = _c(
    r"(?P<the>the\s+)?(?P<rel>past|last|next|coming|previous|following)\s+"
    r"(?P<unit>week|month|year|decade|century)\b(?!-)"
)
WEEKDAY = _c(
    r"(?:(?P<pmod>early|late|earlier|later|mid)[-\s]+)?(?:(?P<rel>last|next|this(?:\s+coming"
    r"|\s+past)?|coming|past|the\s+previous|the\s+following|the\s+next|that)\s+)?(?P<wd>"
    + WD
    + r")(?:\s+"
    + POD
    + r")?"
)
AGO = _c(
    QMOD
    + r"(?:"
    + NUM
    + r"\s+)?(?:more\s+)?"
    + UNIT
    + r"s?(?:\s+or\s+(?:so|two|more|three))?\s+ago\b"
)
CHAIN_SHIFT = _c(
    QMOD + NUM + r"\s+" + UNIT + r"s?\s+(?P<dir>later|earlier|afterwards?|before(?=\s*[,.;)]"
    r"|\s+that\b)|after(?=\s*[,.;)]|\s+that\b))"
)
CHAIN_NEIGHBOUR = _c(
    r"(?:(?P<pre>earlier|later)\s+)?(?P<rel>the\s+(?:next|following|previous|prior|same)"
    r"|that(?:\s+same)?)\s+" + r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b"
    r"|(?:the\s+)(?P<unit2>day|week|month|year|night)\s+(?P<dir>before|after|earlier|later)"
    r"(?!\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|I)\b)"
)
DURATION = _c(
    QMOD + r"(?P<det>the\s+|these\s+|those\s+)?(?:(?P<dir>first|past|last|next|previous|coming"
    r"|following|final|latest|remaining|initial|additional|further)\s+)?"
    + NUM
    + r"\s+(?:more\s+|full\s+|straight\s+|consecutive\s+|long\s+|short\s+|whole\s+)?"
    + UNIT
    + r"(?P<pl>s)?(?:\s+or\s+(?:so|more|two|longer))?\b(?!-)"
)
DURATION_RANGE = _c(
    QMOD + r"(?:the\s+(?:past|next|last|first)\s+)?(?P<n1>\d+|" + NUM_STRICT_RE + r")\s+"
    r"(?:to|or|and)\s+(?P<n2>\d+|" + NUM_STRICT_RE + r")\s+" + UNIT + r"s\b"
)
DURATION_ADJ = _c(
    r"(?P<num>"
    + NUM_STRICT_RE
    + r"|\d+\s+1/2|\d+\.\d+)[-\s]"
    + UNIT
    + r"(?:(?P<long>[-\s]long)|(?=-(?!old))|(?=\s+(?:\w+-)?[a-z]+))"
)
DURATION_PLURAL = _c(
    r"(?:(?P<det>the\s+)?(?P<dir>past|last|next|coming|first|few)\s+)?"
    r"(?P<unit>second|minute|hour|day|week|month|year|decade|centurie)s\b(?![-'])"
)
UNIT_LONG = _c(r"(?P<unit>day|week|month|year|decade)s?-long\b")
RECENT_UNITS = _c(r"(?:the\s+)?recent\s+(?:days|weeks|months|years|decades)(?:\s+and\s+\w+)?")
SET_EVERY = _c(
    r"(?:every|each)\s+(?:other\s+)?(?:(?P<num>"
    + NUM_STRICT_RE
    + r")\s+)?(?:(?P<unit>"
    + UNIT_RE
    + r")|(?P<pod>morning|afternoon|evening|night)|(?P<wd>"
    + WD
    + r"))s?\b"
)
SET_ADVERB = _c(
    r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"
    r"|semiannually|biannually)\b"
)
SET_FREQ = _c(
    r"(?:(?P<freq>once|twice|thrice|"
    + NUM_STRICT_RE
    + r"\s+times)\s+)?(?:a|an|per|each)\s+"
    + r"(?P<unit>"
    + UNIT_RE
    + r")\b(?!\s+(?:ago|earlier|later|before|after))"
)
VAGUE = _c(
    r"(?P<word>now|currently|current|recently|previously|formerly|lately|nowadays"
    r"|these\s+days|at\s+present|for\s+the\s+time\s+being"
    r"|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|(?<=in\s)the\s+past"
    r"|the\s+(?:near|short|long)\s+term|the\s+(?:days|weeks|months|years)\s+ahead"
    r"|earlier|a\s+later\s+date)\b(?!')"
)
WEEKEND = _c(r"(?:(?P<rel>this|last|next|the\s+coming|the\s+past|the)\s+)weekend\b")
CLOCK = _c(
    QMOD + r"(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b"
    r"|o'clock\b|in\s+the\s+(?:morning|afternoon|evening))(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT"
    r"|UTC)))?(?:,?\s+(?:on\s+)?(?:(?P<dw>today|yesterday|tomorrow|tonight)\b|(?P<wd>"
    + WD
    + r")|(?P<mon>"
    + M
    + r")\s+"
    + DAYNUM
    + r"))?"
)
CLOCK24 = _c(r"(?P<h>[0-2]\d):(?P<m>[0-5]\d)\s+(?P<tz>(?-i:GMT|UTC|[A-Z]{2,3}T))")
NOON = _c(
    QMOD + r"(?P<w>noon|midnight|midday)(?:\s+(?:on\s+)?(?:(?P<dw>today|yesterday|tomorrow)\b|"
    r"(?P<wd>" + WD + r")))?"
)
THE_UNIT = _c(
    r"the\s+(?:(?P<adj>full|fiscal|whole|entire|calendar)\s+)?(?P<unit>year|month|week)\b"
    r"(?![-'])(?!\s+(?:before|after|earlier|later|ago|that|when|in\s+which|of\b|\d))"
)
_TENS_W = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W += r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three"
_TENS_W += r"|four|five|six|seven|eight|nine))?)"
SPELLED_YEAR = _c(
    r"(?:(?P<mon>"
    + M
    + r")\s+)?(?:the\s+year\s+)?(?:(?P<cent>nineteen|eighteen)\s+(?P<rest>"
    + _TENS_W
    + r"|hundred)|two\s+thousand(?:\s+and)?(?:\s+(?P<rest2>one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty))?)\b"
)
