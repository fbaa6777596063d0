"""DataFrames and Arrow consumers take result sets without a Python object per row."""

import datetime as dt
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
    assert df.filter(pl.col("date") == "1948-10-15").height == 1


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


def test_plots_return_figures():
    import matplotlib

    matplotlib.use("Agg")
    from mongolia_relations import plot

    fig = plot.timeline(polity="North Korea", start=dt.date(1948, 1, 1), end=2003)
    assert fig.axes and fig.axes[0].get_title().startswith("Mongolia and North Korea")
    fig2 = plot.series("PRK")
    assert fig2.axes[0].lines


def test_dyad_year_panel_pins_the_dprk_treaty_and_na_trade():
    import pandas as pd

    df = mr.dyad_years(polity="North Korea").to_pandas().set_index("year")
    assert df.loc[1990, "relations"] and df.loc[1990, "treaties_in_force"] >= 1
    assert df.loc[1996, "treaties_in_force"] == df.loc[1990, "treaties_in_force"] - 1
    assert df.loc[1985, "trade_turnover"] == 10.7 and pd.isna(df.loc[1991, "trade_turnover"])
    assert df.index.min() == 1948
    full = mr.dyad_years(start=1990, end=1990)
    assert len(full) > 150 and "MNG" not in set(full.to_arrow().column("partner").to_pylist())
