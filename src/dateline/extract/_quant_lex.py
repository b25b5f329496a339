"""Word lists for the quantities extractor: number words, qualifiers, units, categories."""

from __future__ import annotations

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# Abbreviated scales, spaced or glued to the number ("1.5bn", "$3 mln").
ABBR_SCALES = {
    "bn": 1e9, "bln": 1e9, "mln": 1e6, "mn": 1e6, "tn": 1e12, "trn": 1e12, "M": 1e6,
    "B": 1e9, "K": 1e3, "k": 1e3,
}  # fmt: skip
# Glued only when money: "$5m", "PS2.7m"; otherwise "37m" is metres.
MONEY_SCALES = {"m": 1e6, "b": 1e9}
# Vague order-of-magnitude plurals: "hundreds" -> [100, 1000).
VAGUE = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9, "trillions": 1e12}  # fmt: skip
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip

# Qualifiers before a number -> change code. Longest first when matching.
QUALIFIERS: dict[str, str] = {
    "more than": ">", "over": ">", "at least": ">", "greater than": ">", "above": ">",
    "exceeding": ">", "in excess of": ">", "upwards of": ">", "upward of": ">",
    "no fewer than": ">", "no less than": ">", "not less than": ">", "north of": ">",
    "a minimum of": ">", "well over": ">", "just over": ">", "well above": ">",
    "more than a": ">", "over than": ">", "at minimum": ">",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<", "up to": "<",
    "as many as": "<", "as much as": "<", "at most": "<", "no more than": "<",
    "just under": "<", "a maximum of": "<", "not more than": "<", "sub": "<",
    "well under": "<", "just below": "<", "nearly": "~", "almost": "~",
    "about": "~", "around": "~", "roughly": "~", "approximately": "~", "approx": "~",
    "some": "~", "an estimated": "~", "estimated": "~", "close to": "~", "circa": "~",
    "barely": "~", "an approximate": "~", "somewhere around": "~", "something like": "~",
    "on the order of": "~", "upward": ">", "~": "~", "≈": "~", ">": ">", "<": "<",
    "≥": ">", "≤": "<", "exactly": "=", "precisely": "=", "just": "=", "only": "=",
}  # fmt: skip
POST_QUALIFIERS = {("or", "more"): ">", ("or", "so"): "~", ("or", "fewer"): "<",
                   ("or", "less"): "<", ("plus",): ">", ("+",): ">"}  # fmt: skip

UP_VERBS = {"up", "rose", "rise", "rises", "rising", "increased", "increase", "increases",
            "gained", "gain", "gains", "added", "climbed", "climb", "jumped", "jump",
            "advanced", "surged", "rallied", "soared", "grew", "grow", "higher",
            "boosted", "raised", "spiked", "+"}  # fmt: skip
DOWN_VERBS = {"down", "fell", "fall", "falls", "falling", "dropped", "drop", "drops",
              "declined", "decline", "slid", "slide", "lost", "plunged", "plummeted",
              "decreased", "decrease", "eased", "sank", "tumbled", "shed", "slumped",
              "dipped", "lower", "cut", "slipped", "retreated", "sunk"}  # fmt: skip

MONTHS = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december",
}  # fmt: skip
TIME_WORDS = {"am", "pm", "a.m", "p.m", "gmt", "utc", "et", "edt", "est", "pt", "pdt", "pst",
              "bst", "cet", "hrs", "h"}  # fmt: skip
YEAR_PREPS = {"in", "since", "between", "from", "by", "until", "till", "of", "during",
              "and", "to", "before", "after", "early", "late", "mid", "year", "season",
              "circa", "around", "through", "fiscal", "spring", "summer", "autumn", "fall",
              "winter", "the", "a", "'s", "’s", "for", "at", "on", "than", "as"}  # fmt: skip
STREET_WORDS = {"road", "rd", "street", "st", "avenue", "ave", "way", "lane", "drive",
                "boulevard", "blvd", "place", "square", "court"}  # fmt: skip
LABEL_NOUNS = {"category", "level", "number", "no", "page", "chapter", "section", "game",
               "round", "grade", "zone", "stage", "phase", "route", "room", "article",
               "resolution", "flight", "gate", "platform", "row", "seat", "apartment",
               "unit", "channel", "model", "version", "episode", "season", "act", "part",
               "volume", "vol", "tier", "class", "group", "division", "block", "lot",
               "week", "day", "year", "highway", "interstate", "pier", "terminal",
               "district", "ward", "precinct", "box", "item", "table", "figure", "fig",
               "step", "term", "hole", "lap", "heat", "match"}  # fmt: skip
PRONOUN_ONE_BLOCK = {"each", "every", "the", "this", "that", "any", "no", "which", "same",
                     "another", "other", "someone", "everyone", "anyone", "no-one"}  # fmt: skip

# Currency written before the number. Keys are the surface forms as tokens join them.
CURRENCY_PREFIX = {
    "$": "dollar", "US$": "dollar", "$US": "dollar", "USD": "dollar", "US": "dollar",
    "A$": "australian dollar", "$A": "australian dollar", "AU$": "australian dollar",
    "AUD": "australian dollar", "C$": "canadian dollar", "CA$": "canadian dollar",
    "CAD": "canadian dollar", "HK$": "hong kong dollar", "NZ$": "new zealand dollar",
    "S$": "singapore dollar", "£": "pound sterling", "PS": "pound sterling",
    "GBP": "pound sterling", "€": "euro", "EUR": "euro", "¥": "japanese yen",
    "Y=": "japanese yen", "JPY": "japanese yen", "₹": "indian rupee", "Rs": "indian rupee",
    "INR": "indian rupee", "RM": "malaysian ringgit", "CHF": "swiss franc",
    "R$": "brazilian real", "RMB": "renminbi", "CNY": "renminbi", "₩": "south korean won",
    "₪": "shekel", "NIS": "shekel", "IRR": "iranian rial",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro",
    "yen": "japanese yen", "shekel": "shekel", "shekels": "shekel", "cent": "cent",
    "cents": "cent", "pence": "penny", "p": "penny", "sen": "sen", "crowns": "krone",
    "crown": "krone", "kronor": "krona", "krona": "krona", "kroner": "krone",
    "krone": "krone", "rupees": "rupee", "rupee": "rupee", "yuan": "renminbi",
    "renminbi": "renminbi", "won": "won", "francs": "franc", "franc": "franc",
    "rubles": "ruble", "roubles": "ruble", "ruble": "ruble", "rouble": "ruble",
    "lira": "lira", "liras": "lira", "pesos": "peso", "peso": "peso", "ringgit": "ringgit",
    "baht": "baht", "dirhams": "dirham", "dirham": "dirham", "riyals": "riyal",
    "riyal": "riyal", "rials": "rial", "rial": "rial", "rand": "rand", "kn": "kuna",
    "kuna": "kuna", "€": "euro", "usd": "dollar", "eur": "euro", "jpy": "japanese yen",
    "gbp": "pound sterling", "sterling": "pound sterling", "tomans": "toman",
    "toman": "toman", "naira": "naira", "dinars": "dinar", "dinar": "dinar",
    "pounds sterling": "pound sterling",
}  # fmt: skip

# Measurement units written after the number (case-sensitive short symbols first).
UNIT_SYMBOLS = {
    "%": "percentage", "pc": "percentage", "km": "kilometre", "m": "metre",
    "cm": "centimetre", "mm": "millimetre", "μm": "micrometre", "µm": "micrometre",
    "nm": "nanometre", "kg": "kilogram", "g": "gram", "mg": "milligram", "lb": "pound",
    "lbs": "pound", "oz": "ounce", "t": "tonne", "ft": "foot", "in": "inch", "mi": "mile",
    "mph": "mile per hour", "kph": "kilometre per hour", "mpg": "mile per gallon",
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "V": "volt",
    "kV": "kilovolt", "A": "ampere", "mA": "milliampere", "mAh": "milliampere-hour",
    "Hz": "hertz", "HZ": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz",
    "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte", "KB": "kilobyte", "kB": "kilobyte",
    "Gb": "gigabit", "Mb": "megabit", "b": "bit", "mL": "millilitre", "ml": "millilitre",
    "L": "litre", "l": "litre", "cl": "centilitre", "hp": "horsepower", "bhp": "horsepower",
    "PS": "horsepower", "Nm": "newton metre", "GPa": "gigapascal", "MPa": "megapascal",
    "kPa": "kilopascal", "psi": "psi", "ppb": "parts-per-billion", "ppm": "parts-per-million",
    "dB": "decibel", "C": "celsius", "F": "fahrenheit", "K": "kelvin", "°C": "celsius",
    "°F": "fahrenheit", "°": "degree", "min": "minute", "mins": "minute", "s": "second",
    "sec": "second", "secs": "second", "ms": "millisecond", "hr": "hour", "hrs": "hour",
    "yr": "year", "yrs": "year", "sq": "square", "ha": "hectare", "acres": "acre",
    "bpd": "barrel per day", "WAR": "win above replacement", "x": "times", "″": "inch",
    "′": "foot", "a": "year", "m2": "square metre", "km2": "square kilometre",
    "kt": "kiloton", "Mt": "megaton", "MT": "metric ton", "Gt": "gigaton",
}  # fmt: skip
UNIT_WORDS = {
    "percent": "percentage", "per cent": "percentage", "percentage points": "percentage point",
    "percentage point": "percentage point", "basis points": "basis point",
    "basis point": "basis point", "bps": "basis point", "points": "point", "point": "point",
    "kilometers": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre",
    "kilometre": "kilometre", "meters": "metre", "metres": "metre", "meter": "metre",
    "metre": "metre", "centimeters": "centimetre", "centimetres": "centimetre",
    "millimeters": "millimetre", "millimetres": "millimetre", "millimeter": "millimetre",
    "millimetre": "millimetre", "nanometer": "nanometre", "nanometers": "nanometre",
    "nanometre": "nanometre", "nanometres": "nanometre", "micrometers": "micrometre",
    "microns": "micrometre", "miles": "mile", "mile": "mile", "yards": "yard",
    "yard": "yard", "feet": "foot", "foot": "foot", "inches": "inch", "inch": "inch",
    "kilograms": "kilogram", "kilogram": "kilogram", "kilos": "kilogram", "grams": "gram",
    "gram": "gram", "milligrams": "milligram", "tons": "ton", "ton": "ton",
    "tonnes": "tonne", "tonne": "tonne", "pounds": "pound", "pound": "pound",
    "ounces": "ounce", "ounce": "ounce", "liters": "litre", "litres": "litre",
    "liter": "litre", "litre": "litre", "gallons": "gallon", "gallon": "gallon",
    "barrels": "barrel", "barrel": "barrel", "acres": "acre", "acre": "acre",
    "hectares": "hectare", "hectare": "hectare", "square miles": "square mile",
    "square mile": "square mile", "square kilometers": "square kilometre",
    "square kilometres": "square kilometre", "square feet": "square foot",
    "square foot": "square foot", "square meters": "square metre",
    "square metres": "square metre", "sq m": "square metre", "sq ft": "square foot",
    "sq km": "square kilometre", "cubic feet": "cubic foot", "cubic meters": "cubic metre",
    "cubic metres": "cubic metre", "degrees": "degree", "degree": "degree",
    "celsius": "celsius", "fahrenheit": "fahrenheit", "kelvin": "kelvin",
    "degrees celsius": "celsius", "degrees fahrenheit": "fahrenheit", "degree celsius": "celsius",
    "degrees centigrade": "celsius", "degree fahrenheit": "fahrenheit",
    "years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week",
    "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
    "minutes": "minute", "minute": "minute", "seconds": "second", "second": "second",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
    "watts": "watt", "watt": "watt", "kilowatts": "kilowatt", "kilowatt": "kilowatt",
    "megawatts": "megawatt", "megawatt": "megawatt", "gigawatts": "gigawatt",
    "gigawatt": "gigawatt", "volts": "volt", "volt": "volt", "amps": "ampere",
    "horsepower": "horsepower", "decibels": "decibel", "decibel": "decibel",
    "gigapascals": "gigapascal", "times": "times", "rpm": "revolutions per minute",
    "knots": "knot", "knot": "knot", "calories": "calorie", "calorie": "calorie",
    "megatons": "megaton", "kilotons": "kiloton", "bushels": "bushel", "carats": "carat",
    "bytes": "byte", "gigabytes": "gigabyte", "terabytes": "terabyte",
    "light years": "light year", "light-years": "light year", "lb-ft": "foot pound-force",
    "pound-feet": "pound-foot", "kilometers per hour": "kilometre per hour",
    "miles per hour": "mile per hour", "km/h": "kilometre per hour",
    "km/hr": "kilometre per hour", "miles per gallon": "mile per gallon",
}  # fmt: skip
AGE_SUFFIX = {"year-old": "year of age", "years-old": "year of age", "month-old": "month of age",
              "week-old": "week of age", "day-old": "day of age"}  # fmt: skip

# ---------------------------------------------------------------------------
# Categories: the counted noun (lemma) and the governing verb (lemma)
# ---------------------------------------------------------------------------

KILLED_VERBS = {"kill", "die", "slay", "execute", "massacre", "murder", "assassinate",
                "behead", "perish", "drown", "slaughter", "claim"}  # fmt: skip
KILLED_NOUNS = {"death", "fatality", "dead", "casualty", "body", "corpse", "life",
                "killing", "death toll", "toll"}  # fmt: skip
KILLED_ADJS = {"dead", "killed"}
WOUNDED_VERBS = {"wound", "injure", "hurt", "harm", "maim", "hospitalize", "hospitalise"}
WOUNDED_NOUNS = {"injury", "wounded", "injured", "wound"}
WOUNDED_ADJS = {"wounded", "injured", "hurt"}
ARRESTED_VERBS = {"arrest", "detain", "jail", "imprison", "apprehend", "capture",
                  "round", "seize", "hold", "abduct", "kidnap"}  # fmt: skip
ARRESTED_NOUNS = {"arrest", "detainee", "prisoner", "detention", "hostage", "captive"}
DISPLACED_VERBS = {"displace", "flee", "evacuate", "uproot", "relocate", "expel"}
DISPLACED_NOUNS = {"refugee", "evacuee", "displaced", "asylum", "migrant"}
TROOP_NOUNS = {"troop", "soldier", "personnel", "marine", "sailor", "paratrooper",
               "serviceman", "servicemen", "servicemember", "force", "reservist",
               "militiaman", "commando", "guardsman", "airman", "fighter", "militant",
               "combatant", "member", "officer", "recruit", "army", "brigade",
               "battalion", "division", "regiment", "platoon", "contractor"}  # fmt: skip
# "fighters" can be aircraft; "members" only with a military modifier.
TROOP_WEAK = {"fighter", "member", "officer", "contractor", "force"}
MILITARY_MODIFIERS = {"military", "service", "army", "navy", "air", "armed", "security",
                      "guard", "revolutionary", "u.s.", "american", "iranian", "militia",
                      "special", "coalition", "nato", "combat"}  # fmt: skip
WEAPON_NOUNS = {"missile", "rocket", "drone", "bomb", "shell", "munition", "warhead",
                "jet", "aircraft", "warplane", "plane", "bomber", "tank", "warship",
                "ship", "carrier", "destroyer", "frigate", "submarine", "round", "mortar",
                "artillery", "gun", "rifle", "weapon", "launcher", "helicopter", "grenade",
                "mine", "torpedo", "projectile", "interceptor", "uav", "vessel", "boat",
                "howitzer", "ammunition", "bullet", "airstrike", "strike", "sortie",
                "explosive", "f-35", "f-16", "b-52", "fighter"}  # fmt: skip
CROWD_NOUNS = {"people", "person", "protester", "demonstrator", "mourner", "marcher",
               "participant", "supporter", "crowd", "resident", "civilian", "student",
               "worker", "voter", "citizen", "pilgrim", "spectator", "attendee",
               "passenger", "victim", "child", "woman", "man", "family", "individual",
               "inhabitant", "national", "american", "iranian", "iraqi", "employee",
               "member", "adult", "fan", "visitor", "tourist", "villager",
               "rioter", "activist"}  # fmt: skip
ZERO_NOUN_CATEGORIES = {
    "casualty": "killed", "death": "killed", "fatality": "killed", "dead": "killed",
    "injury": "wounded", "injured": "wounded", "wounded": "wounded", "arrest": "arrested",
    "detention": "arrested",
}  # fmt: skip
PEOPLE_LIKE = CROWD_NOUNS | TROOP_NOUNS | {"one", "body", "none", "nobody", "anyone"}
