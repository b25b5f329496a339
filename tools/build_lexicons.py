"""Build Dateline's actor lexicons from the shared codebooks.

Usage::

    python tools/build_lexicons.py [SHARED_DIR]

Reads ``codebooks/countries.csv`` (countries, ISO codes, nationality words) and
``codebooks/PLOVER_agents.txt`` (agent nouns → PLOVER sector codes) from the shared
directory (default ``../shared``) and writes two tab-separated lexicons:

* ``src/dateline/data/countries.tsv`` — ``iso3 <TAB> name <TAB> form|form|...``
* ``src/dateline/data/agents.tsv`` — ``phrase <TAB> sector <TAB> secondary``

Only facts are kept (which word names which country, which noun belongs to which
sector); a few hand-made corrections and additions are listed below.
``src/dateline/data/actors.tsv`` (named actors, capitals, buildings) is hand-written.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dateline" / "data"

# Country names written differently in news text than in the codebook.
EXTRA_COUNTRY_FORMS: dict[str, list[str]] = {
    "USA": ["America", "United States of America", "U.S.A.", "USA", "U.S"],
    "GBR": ["UK"],
    "IRN": ["Islamic Republic", "Persian"],
    "RUS": ["Russian Federation"],
    "CHN": ["People's Republic of China", "PRC"],
    "PRK": ["N. Korea"],
    "KOR": ["S. Korea"],
    "ARE": ["UAE", "Emirati", "Emiratis"],
    "PSE": ["Gaza", "West Bank"],
    "SYR": ["Syrian Arab Republic"],
    "NLD": ["Holland"],
    "CZE": ["Czech Republic", "Czech"],
    "PHL": ["Philippine"],
}

# Sector corrections. The codebook files spokespersons under JRN; in news text a
# spokesperson speaks for a government body far more often than for a newsroom, and
# the body named next to the word decides the sector (see dateline.extract).
AGENT_OVERRIDES: dict[str, tuple[str, str]] = {
    "spokesman": ("GOV", ""),
    "spokeswoman": ("GOV", ""),
    "spokesperson": ("GOV", ""),
    "spokesmen": ("GOV", ""),
}

# Role nouns common in news text that the codebook lacks (facts about word meaning).
EXTRA_AGENTS: dict[str, tuple[str, str]] = {
    "official": ("GOV", ""),
    "officials": ("GOV", ""),
    "supreme leader": ("GOV", ""),
    "leader": ("GOV", ""),
    "foreign minister": ("GOV", ""),
    "defense minister": ("GOV", "MIL"),
    "defence minister": ("GOV", "MIL"),
    "defense secretary": ("GOV", "MIL"),
    "secretary of state": ("GOV", ""),
    "state department": ("GOV", ""),
    "foreign ministry": ("GOV", ""),
    "defense ministry": ("GOV", "MIL"),
    "defence ministry": ("GOV", "MIL"),
    "ministry": ("GOV", ""),
    "government": ("GOV", ""),
    "administration": ("GOV", ""),
    "lawmaker": ("LEG", ""),
    "lawmakers": ("LEG", ""),
    "congress": ("LEG", ""),
    "senate": ("LEG", ""),
    "house of representatives": ("LEG", ""),
    "congressman": ("LEG", ""),
    "congresswoman": ("LEG", ""),
    "speaker": ("LEG", ""),
    "troops": ("MIL", ""),
    "forces": ("MIL", ""),
    "military": ("MIL", ""),
    "armed forces": ("MIL", ""),
    "general": ("MIL", ""),
    "major-general": ("MIL", ""),
    "major general": ("MIL", ""),
    "brigadier general": ("MIL", ""),
    "marines": ("MIL", ""),
    "navy": ("MIL", ""),
    "militia": ("UAF", ""),
    "militias": ("UAF", ""),
    "militiamen": ("UAF", ""),
    "paramilitary": ("UAF", ""),
    "militants": ("REB", ""),
    "militant": ("REB", ""),
    "insurgents": ("REB", ""),
    "rebels": ("REB", ""),
    "hackers": ("CRM", ""),
    "contractor": ("BUS", ""),
    "contractors": ("BUS", ""),
    # working people who strike ("dockworkers walked off the job")
    "dockworker": ("LAB", ""),
    "dockworkers": ("LAB", ""),
    "docker": ("LAB", ""),
    "dockers": ("LAB", ""),
    "miner": ("LAB", ""),
    "miners": ("LAB", ""),
    "trucker": ("LAB", ""),
    "truckers": ("LAB", ""),
    "hacker": ("CRM", ""),
    "hacking group": ("CRM", ""),
    "analyst": ("EDU", ""),
    "analysts": ("EDU", ""),
    "researcher": ("EDU", ""),
    "researchers": ("EDU", ""),
    "think tank": ("EDU", ""),
    "university": ("EDU", ""),
    "cleric": ("REL", ""),
    "clerics": ("REL", ""),
    "ayatollah": ("REL", ""),
    "imam": ("REL", ""),
    "state television": ("GOV", "JRN"),
    "state media": ("GOV", "JRN"),
    "state tv": ("GOV", "JRN"),
    "news agency": ("JRN", ""),
    "newspaper": ("JRN", ""),
    "broadcaster": ("JRN", ""),
    "television": ("JRN", ""),
    "media": ("JRN", ""),
    "journalist": ("JRN", ""),
    "journalists": ("JRN", ""),
    "company": ("BUS", ""),
    "firm": ("BUS", ""),
    "firms": ("BUS", ""),
    "protesters": ("CVL", ""),
    "demonstrators": ("CVL", ""),
    "mourners": ("CVL", ""),
    "residents": ("CVL", ""),
    "civilians": ("CVL", ""),
    "people": ("CVL", ""),
    "police": ("COP", ""),
    "prosecutor": ("JUD", ""),
    "prosecutors": ("JUD", ""),
    "supreme court": ("JUD", ""),
    "intelligence": ("SPY", ""),
    "intelligence agency": ("SPY", ""),
    "intelligence service": ("SPY", ""),
    "spy agency": ("SPY", ""),
    "party": ("PTY", ""),
    "opposition": ("PTY", "OPP"),
    "opponents": ("CVL", "OPP"),
    "opponent": ("CVL", "OPP"),
    "emir": ("GOV", ""),
    "sultan": ("GOV", ""),
    "judicial council": ("JUD", ""),
    "consulate": ("GOV", ""),
}

_ENTRY = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{[^}]*\})?\s*\[~(?P<code>[A-Z]+)\]")
# Codes that are not actor sectors (natural disasters, noise, unknown).
_SKIP = {"JNK", "NON", "UNK"}


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    out = [phrase]
    for name, values in sets.items():
        token = f"!{name}!"
        if token in phrase:
            out = [p.replace(token, v) for p in out for v in values]
    return out


def _normalize(phrase: str) -> str:
    text = phrase.replace("_", " ").strip().lower()
    return re.sub(r"\s+", " ", text)


def read_agents(path: Path) -> dict[str, tuple[str, str]]:
    sets: dict[str, list[str]] = {}
    agents: dict[str, tuple[str, str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m_set = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m_set:
            sets[m_set.group(1)] = [v.strip() for v in m_set.group(2).split(",") if v.strip()]
            continue
        m = _ENTRY.match(line)
        if not m:
            continue
        code = m.group("code")
        primary, secondary = code[:3], code[3:]
        if primary in _SKIP:
            continue
        for variant in _expand(m.group("phrase"), sets):
            phrase = _normalize(variant)
            if phrase and len(phrase) > 1:
                agents.setdefault(phrase, (primary, secondary))
    agents.update(AGENT_OVERRIDES)
    for phrase, code in EXTRA_AGENTS.items():
        agents.setdefault(phrase, code)
    return agents


def read_countries(path: Path) -> list[tuple[str, str, list[str]]]:
    rows: list[tuple[str, str, list[str]]] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = (row.get("CCA3") or "").strip()
            name = (row.get("Name") or "").strip()
            # Only sovereign states with an ISO alpha-3 code (the EU, the UN and
            # breakaway regions carry project-specific codes in the codebook).
            if not re.fullmatch(r"[A-Z]{3}", iso3) or not (row.get("CCA2") or "").strip():
                continue
            if (row.get("CCA2") or "").strip() == "NA" and iso3 in {"EUR", "UNO"}:
                continue
            forms = [name] + [f.strip() for f in (row.get("Nationality") or "").split(",")]
            forms += EXTRA_COUNTRY_FORMS.get(iso3, [])
            seen: list[str] = []
            for form in forms:
                if form and form not in seen:
                    seen.append(form)
            rows.append((iso3, name, seen))
    return rows


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    books = shared / "codebooks"
    if not books.exists():
        print(f"codebooks not found: {books}", file=sys.stderr)
        return 1
    DATA.mkdir(parents=True, exist_ok=True)
    countries = read_countries(books / "countries.csv")
    with (DATA / "countries.tsv").open("w", encoding="utf-8") as out:
        out.write("# iso3\tname\tforms (derived from countries.csv; see NOTICE)\n")
        for iso3, name, forms in countries:
            out.write(f"{iso3}\t{name}\t{'|'.join(forms)}\n")
    agents = read_agents(books / "PLOVER_agents.txt")
    with (DATA / "agents.tsv").open("w", encoding="utf-8") as out:
        out.write("# phrase\tsector\tsecondary (derived from PLOVER_agents.txt; see NOTICE)\n")
        for phrase in sorted(agents):
            primary, secondary = agents[phrase]
            out.write(f"{phrase}\t{primary}\t{secondary}\n")
    print(f"{len(countries)} countries, {len(agents)} agent phrases written to {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
