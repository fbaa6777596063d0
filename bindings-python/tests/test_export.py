"""Exports read back with pyarrow, pandas and DuckDB, row counts equal to the database's."""

import json

import pytest

import mongolia_relations as mr


def counts() -> dict[str, int]:
    names = [
        r["name"]
        for r in mr.sql(
            "SELECT name FROM sqlite_schema WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%'"
        )
    ]
    return {n: mr.sql(f'SELECT count(*) AS n FROM "{n}"')[0]["n"] for n in names}


@pytest.fixture(scope="module")
def expected() -> dict[str, int]:
    return counts()


def test_parquet_export_reads_back_with_pyarrow_and_duckdb(tmp_path, expected):
    import duckdb
    import pyarrow.parquet as pq

    manifest = mr.export(tmp_path, format="parquet")
    assert manifest["content_hash"] == mr.CONTENT_HASH and manifest["format"] == "parquet"
    for table, n in expected.items():
        assert pq.read_table(tmp_path / f"{table}.parquet").num_rows == n, table
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / table}.parquet')").fetchall()[0][0] == n
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.schema.field("id").type == "int64"
    on_disk = json.loads((tmp_path / "manifest.json").read_text())
    assert on_disk["tables"]["events"] == expected["events"]


def test_csv_and_jsonl_exports_read_back_with_pandas_and_duckdb(tmp_path, expected):
    import duckdb
    import pandas as pd

    mr.export(tmp_path / "csv", format="csv")
    mr.export(tmp_path / "jsonl", format="jsonl")
    for table in ("events", "citations", "polities", "observations"):
        assert len(pd.read_csv(tmp_path / "csv" / f"{table}.csv")) == expected[table]
        assert len(pd.read_json(tmp_path / "jsonl" / f"{table}.jsonl", lines=True)) == expected[table]
    n = duckdb.sql(f"SELECT count(*) FROM read_csv('{tmp_path}/csv/events.csv', header = true)").fetchall()[0][0]
    assert n == expected["events"]


def test_the_exported_sqlite_file_opens_and_the_icews_file_has_the_icews_layout(tmp_path):
    import pandas as pd

    mr.export(tmp_path, format="csv")
    copy = mr.open(tmp_path / "mongolia-relations.sqlite")
    assert copy.metadata()["content_hash"] == mr.CONTENT_HASH
    icews = pd.read_csv(tmp_path / "events_icews.tsv", sep="\t", dtype=str)
    assert list(icews.columns[:8]) == [
        "Event ID",
        "Event Date",
        "Source Name",
        "Source Sectors",
        "Source Country",
        "Event Text",
        "CAMEO Code",
        "Intensity",
    ]
    dprk = icews[(icews["EDTF Date"] == "1948-10-15") & (icews["Target Name"] == "North Korea")]
    # The relations and Mongolia's recognition of the DPRK, both on that day.
    assert dprk["Source Name"].tolist() == ["Mongolia", "Mongolia"]
    assert dprk["CAMEO Code"].tolist() == ["054", "054"]


def test_an_unknown_export_format_is_a_typed_error(tmp_path):
    with pytest.raises(mr.InvalidFilterError):
        mr.export(tmp_path, format="xlsx")


def test_exported_parquet_columns_hold_the_values_the_database_has_under_their_names(tmp_path):
    import pyarrow.parquet as pq

    mr.export(tmp_path, format="parquet")
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    names = ["id", "date_long", "certainty", "mongolia_role", "dataset"]
    rows = mr.sql(f"SELECT {', '.join(names)} FROM events ORDER BY rowid")
    assert [[e[n] for n in names] for e in events] == [[r[n] for n in names] for r in rows]
    assert {e["dataset"] for e in events} == {"mongolia-relations"}
