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


def test_a_subset_has_the_dtypes_and_categories_of_the_whole():
    import pandas as pd

    whole = mr.events(context=True).to_pandas()
    subset = mr.events(polity="North Korea", kind="visit").to_pandas()
    assert whole.dtypes.equals(subset.dtypes)
    kinds = [r["kind"] for r in mr.sql("SELECT kind FROM event_kinds ORDER BY kind")]
    assert list(subset["kind"].cat.categories) == kinds
    both = pd.concat([subset, mr.events(polity="China", kind="treaty_signed").to_pandas()])
    assert isinstance(both["kind"].dtype, pd.CategoricalDtype) and str(both["id"].dtype) == "Int64"


def test_the_full_panel_and_a_subset_have_the_same_dtypes_with_integer_codes():
    full = mr.dyad_years(start=1990, end=1990).to_pandas()
    dprk = mr.dyad_years(polity="North Korea").to_pandas()
    assert full.dtypes.equals(dprk.dtypes)
    assert str(full["ccode1"].dtype) == "Int64" and str(full["relations"].dtype) == "boolean"
    assert str(full["trade_turnover"].dtype) == "float64"


def test_participants_are_lists_of_structs_not_json_text():
    import pyarrow as pa

    events = mr.events(polity="North Korea", kind="relations_established")
    field = events.to_arrow().schema.field("participants")
    assert pa.types.is_list(field.type) and pa.types.is_struct(field.type.value_type)
    assert [f.name for f in field.type.value_type] == ["kind", "id", "name", "role"]
    first = events.to_pandas()["participants"].iloc[0]
    assert {p["id"] for p in first} >= {"MNG", "PRK"}
    assert events[0].participants == tuple(first)


def test_polars_categoricals_are_enums_of_the_whole_vocabulary():
    import polars as pl

    df = mr.events(polity="North Korea", kind="visit").to_polars()
    kinds = [r["kind"] for r in mr.sql("SELECT kind FROM event_kinds ORDER BY kind")]
    assert df.schema["kind"] == pl.Enum(kinds)
    other = mr.events(polity="China", kind="aid").to_polars()
    assert pl.concat([df, other]).height == df.height + other.height
    assert isinstance(df.schema["participants"], pl.List)


def test_to_pandas_takes_the_dtype_backends_of_pandas():
    import pandas as pd
    import pytest

    events = mr.events(polity="North Korea")
    arrow = events.to_pandas(dtype_backend="pyarrow")
    assert all(isinstance(t, pd.ArrowDtype) for t in arrow.dtypes)
    nullable = events.to_pandas(dtype_backend="numpy_nullable")
    assert str(nullable["id"].dtype) == "Int64" and isinstance(nullable["summary"].dtype, pd.StringDtype)
    assert str(mr.observations(polity="PRK").to_pandas(dtype_backend="numpy_nullable")["value"].dtype) == "Float64"
    with pytest.raises(ValueError, match="dtype_backend"):
        events.to_pandas(dtype_backend="numpy")
