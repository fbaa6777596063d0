"""Diplomatic missions from Python, against the real embedded dataset."""

import pytest

import mongolia_relations as mr


def test_the_us_embassy_in_ulaanbaatar_is_a_typed_record_with_its_citations():
    (us,) = mr.missions(sending="United States", receiving="Mongolia", kind="embassy")
    assert isinstance(us, mr.Mission)
    assert (us.city, us.opened, us.status, us.accredited_from) == ("Ulaanbaatar", "1988-09", "open", None)
    assert "wp-mongolia" in us.sources
    assert all(c.locator.startswith("§Americas, row 5") for c in us.citations() if c.source == "wp-mongolia")


def test_states_covered_from_beijing_are_recorded_as_accredited_from():
    covered = mr.missions(receiving="MNG", kind="accredited_from")
    from_beijing = {m.sending for m in covered if m.accredited_from == "CHN"}
    assert {"SWE", "ESP", "NOR", "IRL", "AUT"} <= from_beijing
    assert all(m.city == "Beijing" for m in covered if m.accredited_from == "CHN" and m.city)


def test_missions_convert_to_pandas_and_arrow_with_one_row_per_record():
    import pandas as pd
    import pyarrow as pa

    result = mr.missions(polity="Romania")
    df = result.to_pandas()
    assert len(df) == len(result) and list(df.columns) == result.columns
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert set(df.loc[df["status"] == "closed", "closed"]) == {"1995", "1997"}
    table = result.to_arrow()
    assert table.schema.field("sources").type == pa.list_(pa.string())


def test_a_date_range_keeps_missions_that_may_have_been_open_then():
    in_1996 = mr.missions(polity="ROU", kind="embassy", start=1996, end=1996)
    assert [m.sending for m in in_1996] == ["MNG"]


def test_an_unknown_mission_kind_raises_an_invalid_filter_error():
    with pytest.raises(mr.InvalidFilterError, match="mission kind"):
        mr.missions(kind="embasy")
