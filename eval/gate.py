"""The evaluation gate: run the eval scripts and hold their figures to ``floors.toml``.

Usage::

    .venv/bin/python eval/gate.py [NAME ...]

Runs each eval named in ``eval/floors.toml`` (all of them by default) on its default
data, reads the ``name: value`` lines it prints (the last value of a name wins) and
compares each pinned figure with its floor or ceiling. An eval that needs ../shared
is skipped when it is absent. Figures that need an optional extra (the fine-tuned
pair classifier of ``embed``) are left unchecked without it, and fail when the extra
is installed but the output shows it did not run. A timeout or a crash is a failure,
and so is a pinned figure the eval no longer prints. Prints one row per figure and
ends with ``gate failures: N``; exits 1 when N > 0.

A figure well over its floor (by more than :data:`SLACK`) is marked ``raise``: pin
the new figure in ``floors.toml`` so that a later change cannot lose it silently.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.toml"
SHARED = HERE.parents[1] / "shared"
SLACK = 0.02
"""How far past its bound a fraction may be before the gate suggests moving the bound
(a figure over 1, such as a number of days, may be a whole unit past it)."""
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
    """A line the output must contain for the figures in ``requires_for`` ..."""
    requires_module: str | None = None
    """... when this module can be imported (the extra that provides it is installed);
    without the module those figures are left unchecked, with it a missing line fails."""
    requires_for: frozenset[str] = frozenset()
    """The figures the requirement concerns (empty: all of them)."""
    disabled_by: str | None = None
    """An environment variable that, when set, turns the extra off (as if absent)."""
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
        slack = SLACK if self.bound <= 1.0 else 1.0  # fractions, else counts of days
        return "raise" if room > slack + 1e-9 and not self.target else "ok"

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
    note: str | None = None
    """Figures left unchecked while others were checked, and why."""

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


_KEYS = frozenset(
    ["script", "args", "shared", "requires", "requires_module", "requires_for", "disabled_by",
     "floors", "ceilings", "targets"]
)  # fmt: skip


class GateConfigError(ValueError):
    """``floors.toml`` names a key or a figure the gate does not know."""


def load_entries(path: Path = FLOORS) -> list[Entry]:
    """The evals pinned in ``floors.toml``, in file order (unknown keys, and targets
    or requirements naming no pinned figure, are errors rather than silently ignored)."""
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    return [_entry(name, spec) for name, spec in raw.items()]


def _entry(name: str, spec: dict[str, Any]) -> Entry:
    unknown = set(spec) - _KEYS
    if unknown or "script" not in spec:
        raise GateConfigError(f"[{name}]: unknown keys {sorted(unknown)} or no script")
    entry = Entry(
        name=name,
        script=str(spec["script"]),
        args=tuple(str(a) for a in spec.get("args", [])),
        shared=bool(spec.get("shared", False)),
        requires=spec.get("requires"),
        requires_module=spec.get("requires_module"),
        requires_for=frozenset(spec.get("requires_for", [])),
        disabled_by=spec.get("disabled_by"),
        floors={k: float(v) for k, v in spec.get("floors", {}).items()},
        ceilings={k: float(v) for k, v in spec.get("ceilings", {}).items()},
        targets=frozenset(spec.get("targets", [])),
    )
    pinned = set(entry.floors) | set(entry.ceilings)
    stray = (entry.targets | entry.requires_for) - pinned
    if stray:
        raise GateConfigError(f"[{name}]: {sorted(stray)} name no pinned figure")
    if entry.requires is None and (entry.requires_module or entry.requires_for):
        raise GateConfigError(f"[{name}]: requires_module/requires_for without requires")
    if not isinstance(spec.get("shared", False), bool):
        raise GateConfigError(f"[{name}]: shared must be true or false")
    return entry


def figures(output: str) -> dict[str, float]:
    """The ``name: value`` lines of an eval's output (a later line wins)."""
    return {m["name"].strip(): float(m["value"]) for m in _FIGURE.finditer(output)}


def module_present(name: str | None) -> bool:
    """Whether ``name`` can be imported here (an optional extra is installed)."""
    return name is not None and importlib.util.find_spec(name) is not None


def check(entry: Entry, output: str, extra: bool | None = None) -> Outcome:
    """Compare an eval's printed figures with the entry's floors and ceilings.

    ``extra`` says whether the entry's ``requires_module`` is installed (looked up
    when None). When the output lacks the ``requires`` line, the figures it concerns
    fail if the extra is installed (something that should run did not) and are left
    unchecked if it is not.
    """
    pinned = [(k, v, False) for k, v in entry.floors.items()]
    pinned += [(k, v, True) for k, v in entry.ceilings.items()]
    skipped = None
    if entry.requires is not None and entry.requires not in output:
        if extra is None:
            off = entry.disabled_by is not None and bool(os.environ.get(entry.disabled_by))
            extra = module_present(entry.requires_module) and not off
        if extra:
            why = f"its output lacks {entry.requires!r} though {entry.requires_module} is installed"
            return Outcome(entry, error=why)
        concerned = entry.requires_for or {k for k, _, _ in pinned}
        pinned = [p for p in pinned if p[0] not in concerned]
        skipped = f"{', '.join(sorted(concerned))} unchecked: its output lacks {entry.requires!r}"
    got = figures(output)
    checks = [Check(entry.name, k, v, up, got.get(k), k in entry.targets) for k, v, up in pinned]
    if not checks:
        return Outcome(entry, skipped=skipped)
    return Outcome(entry, checks, note=skipped)


def run(entry: Entry, python: str = sys.executable) -> Outcome:
    """Run one eval script on its default data and check its figures."""
    if entry.shared and not SHARED.is_dir():
        return Outcome(entry, skipped=f"shared data not available: {SHARED}")
    try:
        proc = subprocess.run(
            [python, str(HERE / entry.script), *entry.args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(entry, error=f"{entry.script} ran over {TIMEOUT} s")
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
        if outcome.note:
            print(f"{entry.name:<13} note: {outcome.note}")
        for c in outcome.checks:
            print(c.row())
        failures += len(outcome.failures)
        sys.stdout.flush()
    print(f"gate failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
