"""The evaluation gate: every eval's pinned figures hold (eval/floors.toml)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dateline_eval_gate", ROOT / "eval" / "gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


gate = _load_gate()
ENTRIES = gate.load_entries()


def test_floors_file_names_existing_scripts_and_figures() -> None:
    assert ENTRIES, "eval/floors.toml pins nothing"
    for entry in ENTRIES:
        assert (ROOT / "eval" / entry.script).is_file(), entry.script
        assert entry.floors or entry.ceilings, f"{entry.name} pins no figure"
        for bound in entry.floors.values():
            assert 0.0 <= bound <= 1.0, (entry.name, bound)  # floors are on fractions
        for bound in entry.ceilings.values():
            assert bound >= 0.0, (entry.name, bound)


def test_figures_are_read_from_name_value_lines_last_one_winning() -> None:
    out = "sentences: 12\nvalue F1: 0.5\nnoise line\nvalue F1: 0.871\nratio: n/a\n"
    assert gate.figures(out) == {"sentences": 12.0, "value F1": 0.871}


def test_check_flags_a_figure_under_its_floor_or_over_its_ceiling() -> None:
    entry = gate.Entry(
        name="toy", script="toy.py", floors={"F1": 0.8, "P": 0.5}, ceilings={"extras": 0.9}
    )
    outcome = gate.check(entry, "F1: 0.79\nP: 0.75\nextras: 0.95\n")
    status = {c.figure: c.status for c in outcome.checks}
    assert status == {"F1": "BELOW", "P": "raise", "extras": "ABOVE"}
    assert {c.figure for c in outcome.failures} == {"F1", "extras"}


def test_a_figure_pinned_at_a_target_is_never_marked_for_raising() -> None:
    entry = gate.Entry(
        name="toy", script="toy.py", floors={"exact": 0.9}, targets=frozenset({"exact"})
    )
    assert [c.status for c in gate.check(entry, "exact: 1.0\n").checks] == ["ok"]


def test_check_counts_a_pinned_figure_the_eval_no_longer_prints_as_a_failure() -> None:
    entry = gate.Entry(name="toy", script="toy.py", floors={"recall": 0.5})
    outcome = gate.check(entry, "precision: 0.9\n")
    assert [c.status for c in outcome.failures] == ["MISSING"]


def test_a_required_line_missing_fails_with_its_extra_and_skips_without() -> None:
    entry = gate.Entry(
        name="toy",
        script="toy.py",
        requires="encoder: on",
        requires_module="toy_encoder",
        requires_for=frozenset({"type F1"}),
        floors={"type F1": 0.8, "linked": 0.4},
    )
    out = "encoder: off\ntype F1: 0.1\nlinked: 0.5\n"
    missing = gate.check(entry, out, extra=True)  # installed, yet it did not run
    assert missing.error and "encoder: on" in missing.error
    without = gate.check(entry, out, extra=False)  # not installed: only its figure waits
    assert [c.figure for c in without.checks] == ["linked"] and not without.failures
    assert without.note and "type F1" in without.note
    switched = gate.Entry(
        name="toy",
        script="toy.py",
        requires="encoder: on",
        requires_module="os",  # importable: only the variable turns the extra off
        disabled_by="TOY_NO_ENCODER",
        floors={"type F1": 0.8},
    )
    os.environ["TOY_NO_ENCODER"] = "1"
    try:
        assert gate.check(switched, out).skipped
    finally:
        del os.environ["TOY_NO_ENCODER"]
    assert gate.check(switched, out).error
    ran = gate.check(entry, "encoder: on\ntype F1: 0.9\nlinked: 0.5\n", extra=True)
    assert not ran.failures and len(ran.checks) == 2


def test_the_floors_file_rejects_unknown_keys_and_stray_targets(tmp_path: Path) -> None:
    bad = tmp_path / "floors.toml"
    bad.write_text('[toy]\nscript = "toy.py"\nfloor = { "F1" = 0.5 }\n', encoding="utf-8")
    with pytest.raises(gate.GateConfigError):
        gate.load_entries(bad)
    bad.write_text(
        '[toy]\nscript = "toy.py"\nfloors = { "F1" = 0.5 }\ntargets = ["P"]\n',
        encoding="utf-8",
    )
    with pytest.raises(gate.GateConfigError):
        gate.load_entries(bad)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_eval_keeps_its_pinned_figures(entry: Any) -> None:  # an eval/gate.py Entry
    outcome = gate.run(entry)
    if outcome.skipped:
        pytest.skip(f"{outcome.entry.name}: {outcome.skipped}")
    assert outcome.error is None, outcome.error
    if outcome.note:
        print(f"{outcome.entry.name}: {outcome.note}")
    rows = "\n".join(c.row() for c in outcome.checks)
    assert not outcome.failures, f"figures off their floors (eval/floors.toml):\n{rows}"
