"""DataFrames and Arrow consumers take result sets without a Python object per row."""

import threading

import mongolia_relations as mr


def test_pandas_frame_has_datetime_dates_and_categorical_vocabularies():
    import pandas as pd

    df = mr.events(polity="North Korea", kind="treaty_signed").to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(df["start"])
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert (df["date"] == "1986-11").any()


def test_polars_frame_has_date_columns():
    import polars as pl

    df = mr.events(polity="North Korea").to_polars()
    assert df.schema["start"] == pl.Date and df.schema["end"] == pl.Date
    relations = df.filter((pl.col("date") == "1948-10-15") & (pl.col("kind") == "relations_established"))
    assert relations.height == 1


def test_arrow_table_keeps_types():
    import pyarrow as pa

    table = mr.observations(polity="PRK").to_arrow()
    assert table.schema.field("period_start").type == pa.date32()
    assert table.column("value").to_pylist()[0] == 10.7


def test_duckdb_queries_a_result_set_directly():
    import duckdb

    events = mr.events(polity="PRK")  # noqa: F841 - read by DuckDB by name
    n = duckdb.sql("SELECT count(*) FROM events WHERE kind = 'visit'").fetchall()[0][0]
    assert n == sum(1 for e in mr.events(polity="PRK") if e.kind == "visit") > 10


def test_queries_from_eight_threads_match_a_single_threaded_run():
    expected = [e.id for e in mr.events(polity="PRK")]
    results: list[list[int]] = []

    def work() -> None:
        for _ in range(5):
            results.append([e.id for e in mr.events(polity="PRK")])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 40 and all(r == expected for r in results)


def test_dyad_year_panel_pins_the_dprk_treaty_and_na_trade():
    import pandas as pd

    df = mr.dyad_years(polity="North Korea").to_pandas().set_index("year")
    assert df.loc[1990, "relations"] and df.loc[1990, "treaties_in_force"] >= 1
    assert df.loc[1996, "treaties_in_force"] == df.loc[1990, "treaties_in_force"] - 1
    assert df.loc[1985, "trade_turnover"] == 10.7 and pd.isna(df.loc[1991, "trade_turnover"])
    assert df.index.min() == 1948
    full = mr.dyad_years(start=1990, end=1990)
    assert len(full) > 150 and "MNG" not in set(full.to_arrow().column("partner").to_pylist())


def test_sql_columns_take_the_type_of_their_values_and_widen_when_they_mix():
    result = mr.sql(
        "SELECT 1 AS n, 1 AS mixed, NULL AS empty, x'00ff' AS blob, 'a' AS text "
        "UNION ALL SELECT NULL, 2.5, NULL, NULL, 'b' "
        "UNION ALL SELECT 3, 'three', NULL, NULL, NULL"
    )
    table = result.to_arrow()
    assert [str(t) for t in table.schema.types] == ["int64", "string", "string", "string", "string"]
    assert table.column("n").to_pylist() == [1, None, 3]
    assert table.column("mixed").to_pylist() == ["1", "2.5", "three"]
    assert table.column("blob").to_pylist() == ["00ff", None, None]
    assert [r["n"] for r in result] == [1, None, 3]
    assert result[1]["mixed"] == "2.5" and result[2]["empty"] is None
    floats = mr.sql("SELECT 1 AS x UNION ALL SELECT 2.5").to_pandas()
    assert str(floats["x"].dtype) == "float64" and floats["x"].tolist() == [1.0, 2.5]


def test_an_empty_sql_result_keeps_its_columns():
    empty = mr.sql("SELECT kind, id FROM events WHERE 0")
    assert len(empty) == 0 and empty.columns == ["kind", "id"]
    assert list(empty.to_pandas().columns) == ["kind", "id"]
