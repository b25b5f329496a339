"""The evaluation gate: run the eval scripts and hold their figures to ``floors.toml``.

Usage::

    .venv/bin/python eval/gate.py [NAME ...]

Runs each eval named in ``eval/floors.toml`` (all of them by default) on its default
data, reads the ``name: value`` lines it prints (the last value of a name wins) and
compares each pinned figure with its floor or ceiling. An eval that needs ../shared
is skipped when it is absent; one whose output lacks its ``requires`` line (the
fine-tuned pair classifier without the ``embed`` extra) is skipped too. Prints one
row per figure and ends with ``gate failures: N``; exits 1 when N > 0.

A figure well over its floor (by more than :data:`SLACK`) is marked ``raise``: pin
the new figure in ``floors.toml`` so that a later change cannot lose it silently.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.toml"
SHARED = HERE.parents[1] / "shared"
SLACK = 0.02
"""How far over its floor a figure may be before the gate suggests raising the floor."""
TIMEOUT = 900

_FIGURE = re.compile(r"^(?P<name>[^:\n]+):\s+(?P<value>-?\d+(?:\.\d+)?)\s*$", re.M)


@dataclass(frozen=True)
class Entry:
    """One eval script and the figures pinned for it."""

    name: str
    script: str
    args: tuple[str, ...] = ()
    """Options after the script (never a data path: each eval reads its default)."""
    shared: bool = False
    requires: str | None = None
    floors: dict[str, float] = field(default_factory=dict)
    ceilings: dict[str, float] = field(default_factory=dict)
    targets: frozenset[str] = frozenset()
    """Figures pinned at a target the issue sets, not at a measurement: never "raise"."""


@dataclass(frozen=True)
class Check:
    """One pinned figure against what the eval printed."""

    eval: str
    figure: str
    bound: float
    upper: bool
    measured: float | None
    target: bool = False

    @property
    def ok(self) -> bool:
        if self.measured is None:
            return False
        return self.measured <= self.bound if self.upper else self.measured >= self.bound

    @property
    def status(self) -> str:
        if self.measured is None:
            return "MISSING"
        if not self.ok:
            return "ABOVE" if self.upper else "BELOW"
        room = self.bound - self.measured if self.upper else self.measured - self.bound
        return "raise" if room > SLACK + 1e-9 and not self.target else "ok"

    def row(self) -> str:
        shown = "-" if self.measured is None else f"{self.measured:.3f}"
        sign = "<=" if self.upper else ">="
        return (
            f"{self.eval:<13} {self.figure:<40} {shown:>7} {sign} {self.bound:.3f}  {self.status}"
        )


@dataclass
class Outcome:
    """An eval's run: its checks, or why it was skipped or failed to run."""

    entry: Entry
    checks: list[Check] = field(default_factory=list)
    skipped: str | None = None
    error: str | None = None

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def load_entries(path: Path = FLOORS) -> list[Entry]:
    """The evals pinned in ``floors.toml``, in file order."""
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    out: list[Entry] = []
    for name, spec in raw.items():
        out.append(
            Entry(
                name=name,
                script=str(spec["script"]),
                args=tuple(str(a) for a in spec.get("args", [])),
                shared=bool(spec.get("shared", False)),
                requires=spec.get("requires"),
                floors={k: float(v) for k, v in spec.get("floors", {}).items()},
                ceilings={k: float(v) for k, v in spec.get("ceilings", {}).items()},
                targets=frozenset(spec.get("targets", [])),
            )
        )
    return out


def figures(output: str) -> dict[str, float]:
    """The ``name: value`` lines of an eval's output (a later line wins)."""
    return {m["name"].strip(): float(m["value"]) for m in _FIGURE.finditer(output)}


def check(entry: Entry, output: str) -> Outcome:
    """Compare an eval's printed figures with the entry's floors and ceilings."""
    if entry.requires is not None and entry.requires not in output:
        return Outcome(entry, skipped=f"its output lacks {entry.requires!r}")
    got = figures(output)
    checks = [
        Check(entry.name, k, v, False, got.get(k), k in entry.targets)
        for k, v in entry.floors.items()
    ]
    checks += [
        Check(entry.name, k, v, True, got.get(k), k in entry.targets)
        for k, v in entry.ceilings.items()
    ]
    return Outcome(entry, checks)


def run(entry: Entry, python: str = sys.executable) -> Outcome:
    """Run one eval script on its default data and check its figures."""
    if entry.shared and not SHARED.is_dir():
        return Outcome(entry, skipped=f"shared data not available: {SHARED}")
    proc = subprocess.run(
        [python, str(HERE / entry.script), *entry.args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return Outcome(entry, error=f"{entry.script} exited {proc.returncode}: {tail}")
    return check(entry, proc.stdout)


def main(argv: list[str]) -> int:
    entries = load_entries()
    wanted = set(argv)
    unknown = wanted - {e.name for e in entries}
    if unknown:
        print(f"gate: no eval named {', '.join(sorted(unknown))} in {FLOORS.name}")
        return 2
    failures = 0
    for entry in entries:
        if wanted and entry.name not in wanted:
            continue
        outcome = run(entry)
        if outcome.skipped:
            print(f"{entry.name:<13} skipped: {outcome.skipped}")
        elif outcome.error:
            print(f"{entry.name:<13} ERROR: {outcome.error}")
            failures += 1
        for c in outcome.checks:
            print(c.row())
        failures += len(outcome.failures)
        sys.stdout.flush()
    print(f"gate failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
