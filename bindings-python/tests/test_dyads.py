"""Mongolia's dyads by default, treaty bases and the panel's types, from Python."""

import pytest

import mongolia_relations as mr


def test_events_with_the_dprk_are_mongolias_unless_context_is_asked_for():
    own = mr.events(polity="PRK")
    assert {e.mongolia_role for e in own} <= {"party", "host"}
    assert not any(e.kind == "recognition" and "SUN" in e.polities for e in own)
    context = mr.events(polity="PRK", context=True)
    assert any(e.kind == "recognition" and "SUN" in e.polities for e in context)
    assert [e.id for e in mr.events(involving="PRK")] == [e.id for e in context]
    with pytest.raises(mr.InvalidFilterError):
        mr.events(polity="PRK", context="yes")


def test_the_dprks_treaties_in_force_in_1990_are_mongolias_with_their_basis():
    treaties = mr.treaties(polity="PRK", in_force_on="1990-07-01")
    assert all("MNG" in t.parties for t in treaties)
    assert {t.in_force_basis for t in treaties} <= {"recorded", "term", "assumed"}
    assert any("USSR–DPRK" in t.title for t in mr.treaties(polity="PRK", in_force_on="1990-07-01", context=True))
    assert not any(t.title.startswith("Annual protocols") for t in mr.treaties(polity="PRK", in_force_on="1960-07-01"))


def test_level_and_channel_filter_events():
    heads = mr.events(polity="PRK", level="head_of_state")
    assert heads and all(e.level == "head_of_state" for e in heads)
    party = mr.events(polity="PRK", channel="party")
    assert party and all(e.channel == "party" for e in party)


def test_the_panels_arrow_schema_and_pandas_dtypes_are_the_same_for_the_full_panel_and_a_subset():
    full = mr.dyad_years()
    subsets = [
        mr.dyad_years(polity="PRK", start=1990, end=1990),
        mr.dyad_years(polity=["KOR", "JPN"], start=2000, end=2005),
        mr.dyad_years(polity="Bahamas", start=2015, end=2016),
    ]
    schema = full.to_arrow().schema
    dtypes = full.to_pandas().dtypes
    for subset in subsets:
        assert subset.to_arrow().schema == schema
        assert subset.to_pandas().dtypes.equals(dtypes)
    assert str(dtypes["ccode2"]) == "Int64" and str(dtypes["relations"]) == "boolean"
    assert str(dtypes["years_since_relations"]) == "Int64" and str(dtypes["unga_n_votes"]) == "Int64"


def test_a_directed_panel_has_two_rows_per_partner_year():
    df = mr.dyad_years(polity="PRK", start=1988, end=1988, directed=True).to_pandas()
    assert df[["polity1", "polity2", "ccode1", "ccode2"]].values.tolist() == [
        ["MNG", "PRK", 712, 731],
        ["PRK", "MNG", 731, 712],
    ]
    assert df.loc[1, "visits_1_to_2"] == df.loc[0, "visits_2_to_1"] >= 1


def test_un_columns_equal_the_agreement_table_and_are_na_before_membership():
    import pandas as pd

    df = mr.dyad_years(polity="PRK", start=1985, end=2019).to_pandas().set_index("year")
    table = mr.unga_agreement(polity="PRK").to_pandas().set_index("year")
    for year in (1991, 2000, 2015):
        assert df.loc[year, "unga_n_votes"] == table.loc[year, "n_votes"]
        assert df.loc[year, "unga_agreement_index"] == table.loc[year, "agreement_index"]
    # shared/data/unga_agreement.csv: North Korea, KP, 1991: 51 votes, 0.9216 identical, 0.9412 index.
    assert (df.loc[1991, "unga_n_votes"], df.loc[1991, "unga_identical_share"]) == (51, 0.9216)
    assert pd.isna(df.loc[1990, "unga_n_votes"]) and pd.isna(df.loc[1990, "unga_agreement_index"])
