"""The ``dateline`` command: a thin face over the library.

Commands live in small modules that register themselves on :data:`cli`.
"""

from __future__ import annotations

from . import _analysis, _core, _records  # noqa: F401  (register commands)
from . import _events as _events  # noqa: F401  (registers events, explain)
from . import _story as _story  # noqa: F401  (registers timeline, report)
from ._app import cli

__all__ = ["cli", "main"]


def main() -> None:
    cli(prog_name="dateline")
