"""Python benchmarks: each figure beside its baseline in the same run, medians and ratios.

Run through scripts/bench.sh (it builds the wheel, the scale databases and the environment).
Usage: python scripts/bench_python.py [SCALE_DB ...]
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import pathlib
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

import duckdb
import pandas as pd
import pyarrow  # noqa: F401 - imported before timing so its import is not counted

import mongolia_relations as mr
from mongolia_relations import _native

ROWS: list[tuple[str, float, float, str]] = []


def median_ms(fn: Callable[[], object], repeat: int = 15) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def compare(
    name: str, ours: Callable[[], object], baseline: Callable[[], object], target: str, repeat: int = 15
) -> None:
    ROWS.append((name, median_ms(ours, repeat), median_ms(baseline, repeat), target))


@dataclasses.dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    date: str
    date_start: str
    date_end: str
    date_precision: str
    certainty: str
    summary: str


EVENTS_SQL = "SELECT id, kind, date, date_start, date_end, date_precision, certainty, summary FROM events"
# The synthetic events of a scale database (ids from 10,000,000): at most the million rows sql() returns.
SYNTHETIC = EVENTS_SQL + " WHERE id >= 10000000"
PRK = " WHERE id IN (SELECT event FROM event_participants WHERE polity = 'PRK') ORDER BY date_start"


def duckdb_extension() -> pathlib.Path | None:
    spec = importlib.util.find_spec("duckdb_ext")
    if not (spec and spec.submodule_search_locations):
        return None
    return next(pathlib.Path(list(spec.submodule_search_locations)[0]).rglob("sqlite_scanner.duckdb_extension"), None)


def bench_scale(db: str, work: pathlib.Path) -> None:
    scale = mr.open(db)
    conn = sqlite3.connect(db)
    label = pathlib.Path(db).stem
    compare(
        f"to_pandas, sql(synthetic events) ({label})",
        lambda: scale.sql(SYNTHETIC).to_pandas(),
        lambda: pd.read_sql_query(SYNTHETIC, conn),
        ">= 3x faster",
        3,
    )
    compare(
        f"iterate sql rows, synthetic events ({label})",
        lambda: list(scale.sql(SYNTHETIC)),
        lambda: [EventRow(*r) for r in conn.execute(SYNTHETIC)],
        "at least as fast",
        3,
    )
    ext = duckdb_extension()
    if ext is None:
        return
    out = work / f"{label}-duckdb"
    out.mkdir()

    def duck() -> None:
        con = duckdb.connect()
        con.execute(f"LOAD '{ext}'")
        con.execute(f"COPY (SELECT * FROM sqlite_scan('{db}', 'events')) TO '{out}/events.parquet' (FORMAT parquet)")

    compare(
        f"export to Parquet ({label}): all tables vs DuckDB COPY of events",
        lambda: scale.export(work / f"{label}-ours", "parquet"),
        duck,
        ">= DuckDB's speed",
        3,
    )


def main() -> None:
    work = pathlib.Path(tempfile.mkdtemp())
    mr.export(work, format="csv")
    embedded_file = work / "mongolia-relations.sqlite"
    conn = sqlite3.connect(embedded_file)

    compare(
        "to_pandas, DPRK events (embedded)",
        lambda: mr.events(polity="PRK").to_pandas(),
        lambda: pd.read_sql_query(EVENTS_SQL + PRK, conn),
        ">= 3x faster",
    )
    compare(
        "to_pandas, sql(all events) (embedded)",
        lambda: mr.sql(EVENTS_SQL).to_pandas(),
        lambda: pd.read_sql_query(EVENTS_SQL, conn),
        ">= 3x faster",
    )
    compare(
        "iterate typed records, DPRK events",
        lambda: list(mr.events(polity="PRK")),
        lambda: [EventRow(*r) for r in conn.execute(EVENTS_SQL + PRK)],
        "at least as fast",
    )
    compare(
        "to_pandas, all events (embedded) vs read_sql_query of the events table",
        lambda: mr.events(context=True).to_pandas(),
        lambda: pd.read_sql_query(EVENTS_SQL, conn),
        ">= 3x faster",
    )
    compare(
        "iterate typed records, all events vs sqlite3 + dataclass",
        lambda: list(mr.events(context=True)),
        lambda: [EventRow(*r) for r in conn.execute(EVENTS_SQL)],
        "at least as fast",
    )
    # The baseline is the native query alone: the Rust panel and its typed rows, no conversion.
    compare(
        "dyad_years().to_pandas() vs the Rust panel",
        lambda: mr.dyad_years().to_pandas(),
        lambda: _native.query("dyad_years", {}),
        "within 2x",
        7,
    )
    # The same file as the embedded data, opened as a user's own: one connection per thread is
    # kept, so a query should cost what it costs on the embedded data (issue 12: within 2x).
    own = mr.open(embedded_file)
    compare(
        "DPRK events, opened own file vs embedded",
        lambda: own.events(polity="PRK"),
        lambda: mr.events(polity="PRK"),
        "within 2x",
        51,
    )
    compare(
        "one polity, opened own file vs embedded",
        lambda: own.polities("PRK"),
        lambda: mr.polities("PRK"),
        "within 2x",
        51,
    )
    compare(
        "one polity, file opened again per call (before issue 12) vs embedded",
        lambda: mr.open(embedded_file).polities("PRK"),
        lambda: mr.polities("PRK"),
        "(the cost that was)",
        51,
    )
    for db in sys.argv[1:]:
        bench_scale(db, work)

    python = sys.executable

    def run(code: str) -> float:
        t = time.perf_counter()
        subprocess.run([python, "-c", code], check=True)
        return (time.perf_counter() - t) * 1e3

    bare = statistics.median(run("pass") for _ in range(7))
    first = statistics.median(run("import mongolia_relations as mr; mr.events(polity='PRK')") for _ in range(7))
    ROWS.append(("import + first query (minus interpreter start)", first - bare, 100.0, "< 100 ms"))

    print(f"\n{'benchmark':<70} {'ours (ms)':>10} {'baseline (ms)':>14} {'ratio':>7}  target")
    for name, ours, base, target in ROWS:
        print(f"{name:<70} {ours:>10.2f} {base:>14.2f} {ours / base:>7.3f}  {target}")
    versions = f"mongolia-relations {mr.__version__}, dataset {mr.dataset_version()}"
    print(f"\n{versions}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
