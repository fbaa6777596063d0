"""The code crosswalk from Python, against the real embedded dataset."""

import pytest

import mongolia_relations as mr


def test_cow_365_is_the_ussr_in_1960_and_russia_in_2000():
    assert mr.polity_for_code("cow", 365, on=1960) == "SUN"
    assert mr.polity_for_code("cow", "365", on="2000-06") == "RUS"


def test_a_year_that_straddles_two_polities_raises_with_both_periods():
    with pytest.raises(mr.UnknownPolityError) as info:
        mr.polity_for_code("cow", 365, on=1991)
    assert [s[:3] for s in info.value.suggestions] == ["SUN", "RUS"]


def test_bad_schemes_and_codes_raise_filter_errors():
    with pytest.raises(mr.InvalidFilterError) as info:
        mr.polity_for_code("ccode", 365)
    assert "cow" in info.value.suggestions
    with pytest.raises(mr.InvalidFilterError):
        mr.polity_for_code("cow", "Russia")
    with pytest.raises(mr.InvalidFilterError):
        mr.polity_for_code("cow", 3.65)  # type: ignore[arg-type]


def test_codes_are_records_with_periods_and_sources_and_a_frame_per_scheme():
    ussr = mr.codes(polity="USSR", scheme="cow")
    (row,) = list(ussr)
    assert isinstance(row, mr.PolityCode)
    assert (row.code, row.valid_from, row.valid_to, row.certainty) == ("365", "1922-12-30", "1991-12-25", "inferred")
    assert {"cow_states2016", "archontology_ussr"} <= set(row.sources)
    assert row.citations()
    frame = mr.codes(scheme="gw").to_pandas()
    assert set(frame["scheme"].astype(str)) == {"gw"}
    assert frame[frame["polity"].astype(str) == "MNG"]["code"].tolist() == ["712"]


def test_codes_in_force_in_1955_include_the_gdr_and_not_unified_germany():
    polities = {c.polity for c in mr.codes(scheme="cow", start=1955, end=1955)}
    assert {"DDR", "FRG", "SUN"} <= polities
    assert "DEU" not in polities and "RUS" not in polities
