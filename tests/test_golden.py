"""The golden end-to-end evaluation (eval/golden.py) runs without ../shared and reports.

Floors for the extraction figures are pinned with the other evals (eval/floors.toml);
here only the shape of the output and the metadata accuracy are checked.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "eval" / "golden.py"
HEADLINES = (
    "golden metadata accuracy",
    "golden dates F1",
    "golden quotes F1",
    "golden quantities F1",
    "golden events F1",
    "golden events+modality F1",
)
_FIGURE = re.compile(r"^(?P<name>[^:\n]+):\s+(?P<value>\S+)\s*$", re.M)


@pytest.fixture(scope="module")
def figures() -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "snippet not in text" not in done.stderr, done.stderr
    return {m["name"]: m["value"] for m in _FIGURE.finditer(done.stdout)}


def test_headline_figures_are_printed_as_fractions(figures: dict[str, str]) -> None:
    for name in HEADLINES:
        assert name in figures, f"{name!r} missing from the output"
        assert re.fullmatch(r"\d\.\d{3}", figures[name]), (name, figures[name])
        assert 0.0 <= float(figures[name]) <= 1.0, (name, figures[name])


def test_metadata_accuracy_stays_high(figures: dict[str, str]) -> None:
    assert float(figures["golden metadata accuracy"]) >= 0.9
