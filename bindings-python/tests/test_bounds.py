"""Runaway and oversized queries raise the LimitError subclass of the bound they hit; Ctrl-C
interrupts a running query; outputs are never overwritten unasked; forged files are caught."""

import os
import pathlib
import signal
import sqlite3
import threading
import time

import pytest

import mongolia_relations as mr

RESOURCE = pathlib.Path(__file__).resolve().parents[2] / "mongolia-relations" / "tests" / "resource_sql.txt"
CASES = [tuple(line.split("\t", 1)) for line in RESOURCE.read_text().splitlines() if "\t" in line]
KINDS = {
    "timeout": mr.QueryTimeoutError,
    "memory": mr.QueryMemoryError,
    "value": mr.ResultTooLargeError,
    "result": mr.ResultTooLargeError,
    "complex": mr.QueryTooComplexError,
}


@pytest.fixture(scope="module")
def user_file(tmp_path_factory) -> mr.Database:
    folder = tmp_path_factory.mktemp("copy")
    mr.export(folder, format="csv")
    return mr.open(folder / "mongolia-relations.sqlite")


def run_bounded(db, kind: str, statement: str) -> None:
    if kind == "timeout":
        db.sql(statement, timeout=1)
    elif kind == "memory":
        db.sql(statement, timeout=60, max_memory=64 << 20)
    else:
        db.sql(statement, timeout=60)


@pytest.mark.parametrize(("kind", "statement"), CASES)
def test_each_runaway_or_oversized_query_raises_the_error_of_its_bound(kind, statement):
    with pytest.raises(KINDS[kind]) as info:
        run_bounded(mr, kind, statement)
    assert isinstance(info.value, mr.LimitError) and isinstance(info.value, mr.MongoliaRelationsError)


@pytest.mark.parametrize(("kind", "statement"), CASES[::3])
def test_the_same_bounds_hold_on_a_users_file(user_file, kind, statement):
    with pytest.raises(KINDS[kind]):
        run_bounded(user_file, kind, statement)


def test_bound_errors_also_derive_from_the_matching_builtins():
    with pytest.raises(TimeoutError):
        mr.sql("SELECT count(*) FROM events a, events b, events c, events d", timeout=0.2)
    assert issubclass(mr.QueryMemoryError, MemoryError)
    assert issubclass(mr.OutputExistsError, FileExistsError)


def test_ctrl_c_interrupts_a_running_query_within_a_second():
    # Python installs its KeyboardInterrupt handler only when SIGINT is not ignored at start,
    # and a shell ignores SIGINT in the jobs it starts in the background (`cmd &`): install it,
    # as an interactive session has it, so the test does not depend on how it was started.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)

    def press_ctrl_c() -> None:
        time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGINT)

    try:
        threading.Thread(target=press_ctrl_c, daemon=True).start()
        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            mr.sql("SELECT count(*) FROM events a, events b, events c, events d", timeout=60)
        assert time.monotonic() - started < 10
    finally:
        signal.signal(signal.SIGINT, previous)
    assert mr.sql("SELECT 1 AS x")[0]["x"] == 1, "the next query runs"


def test_a_result_that_arrow_could_not_hold_is_a_typed_error_never_a_panic():
    with pytest.raises(mr.InvalidFilterError):
        mr.sql("SELECT 1", max_bytes=2**31)
    with pytest.raises(mr.ResultTooLargeError):
        mr.sql("SELECT printf('%.*c', 10000000, 'x') FROM events a, events b", timeout=60)


def test_writing_pragmas_as_tables_and_drops_of_missing_objects_raise_read_only():
    for statement in ("SELECT * FROM pragma_optimize", "DROP TRIGGER IF EXISTS nope", "SELECT load_extension('x')"):
        with pytest.raises(mr.ReadOnlyError):
            mr.sql(statement)


def test_duplicate_column_names_are_kept():
    rows = mr.sql("SELECT 1 AS id, 2 AS id")
    assert rows.columns == ["id", "id_2"] and rows[0] == {"id": 1, "id_2": 2}
    assert list(rows.to_pandas().columns) == ["id", "id_2"]


def test_a_panel_year_outside_the_data_is_refused():
    with pytest.raises(mr.InvalidDateError):
        mr.dyad_years(end=2_147_483_647)


def test_export_refuses_existing_files_unless_forced(tmp_path):
    mr.export(tmp_path, format="jsonl")
    with pytest.raises(mr.OutputExistsError):
        mr.export(tmp_path, format="jsonl")
    assert mr.export(tmp_path, format="jsonl", force=True)["format"] == "jsonl"


def test_build_refuses_an_existing_file_unless_forced(tmp_path):
    extension = pathlib.Path(__file__).resolve().parents[2] / "examples" / "example-extension"
    out = tmp_path / "thesis.txt"
    out.write_text("three years of work")
    with pytest.raises(mr.OutputExistsError):
        mr.build_extension(extension, out)
    assert out.read_text() == "three years of work"
    assert mr.build_extension(extension, out, force=True).verify()["matches"]


def test_a_file_claiming_our_hash_with_altered_rows_fails_verification(tmp_path):
    mr.export(tmp_path, format="csv")
    path = tmp_path / "mongolia-relations.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE sources SET title = 'forged' WHERE rowid = 1")
    conn.close()
    result = mr.verify(path)
    assert result["claimed"] == mr.CONTENT_HASH and not result["matches"]
    meta = mr.open(path).metadata()
    assert meta["content_hash"] != mr.CONTENT_HASH and meta["claimed_content_hash"] == mr.CONTENT_HASH


def test_pipes_and_folders_are_refused_by_name(tmp_path):
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(mr.DatabaseFileError, match="named pipe"):
        mr.open(fifo)
    with pytest.raises(mr.DatabaseFileError, match="folder"):
        mr.open(tmp_path)
