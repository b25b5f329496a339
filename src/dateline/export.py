"""Export any stored table as JSONL, CSV or Parquet; format record lists for the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from .errors import ExportError

EXPORT_FORMATS = ("jsonl", "json", "csv", "parquet")
LIST_FORMATS = ("text", "json", "csv")


def _cell(value: Any) -> Any:
    """CSV cells: lists and objects as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    rows = list(records)
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(rows)


def write_csv(
    records: Iterable[dict[str, Any]], out: IO[str], fields: Sequence[str] | None = None
) -> int:
    rows = list(records)
    names = list(fields) if fields else _field_names(rows)
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    for rec in rows:
        writer.writerow({k: _cell(rec.get(k)) for k in names})
    return len(rows)


def _field_names(rows: list[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for rec in rows:
        for key in rec:
            names.setdefault(key, None)
    return list(names)


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(records)
    # Nested objects (credits, source/target actors) go in as JSON text so every
    # table has a flat, stable schema.
    flat = [
        {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v for k, v in r.items()}
        for r in rows
    ]
    table = pa.Table.from_pylist(flat) if flat else pa.table({})
    pq.write_table(table, path)
    return len(rows)


def export_records(
    records: Iterable[dict[str, Any]], fmt: str, output: Path | None, stdout: IO[str]
) -> int:
    """Write ``records`` in ``fmt`` to ``output`` (or ``stdout``); return the count."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        if output is None:
            raise ExportError("parquet export needs an output file: use -o FILE.parquet")
        return write_parquet(records, output)
    writers = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}
    if output is None:
        return writers[fmt](records, stdout)
    tmp = output.with_name(output.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        n = writers[fmt](records, fh)
    tmp.replace(output)
    return n


def format_listing(records: Sequence[dict[str, Any]], fmt: str, text_columns: Sequence[str]) -> str:
    """Render records for a listing command: ``text`` (a table), ``json`` or ``csv``."""
    if fmt == "json":
        return json.dumps(list(records), ensure_ascii=False, indent=2)
    buf = io.StringIO()
    if fmt == "csv":
        write_csv(records, buf)
        return buf.getvalue().rstrip("\n")
    if fmt != "text":
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(LIST_FORMATS)}")
    return _text_table(records, text_columns)


def _text_table(records: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    if not records:
        return "(none)"
    cells = [[_short(_cell(r.get(c))) for c in columns] for r in records]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _short(value: Any, limit: int = 70) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
