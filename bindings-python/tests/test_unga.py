"""The UN General Assembly tables from Python, against the real embedded dataset."""

import datetime as dt

import pytest

import mongolia_relations as mr


def test_mongolia_has_5177_roll_calls_and_the_dprks_votes_sit_beside_its_own():
    assert len(mr.unga_votes(polity="Mongolia")) == 5177
    (vote,) = [v for v in mr.unga_votes(polity="North Korea", start=1991, end=1991) if v.rcid == 3587]
    assert isinstance(vote, mr.UngaVote)
    assert (vote.date, vote.polity, vote.source_country) == (dt.date(1991, 10, 4), "PRK", "KP")
    assert vote.mongolia_vote in {"yes", "no", "abstain"} and vote.locator == "rcid 3587"


def test_votes_pivot_to_a_column_per_voter_in_pandas():
    import pandas as pd

    df = mr.unga_votes(start="1974-12-03", end="1974-12-03").to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    wide = df.pivot(index="rcid", columns="polity", values="vote")
    assert wide.loc[1531, "MNG"] == "no" and wide.loc[1531, "USA"] == "yes"


def test_agreement_rows_map_the_russia_and_taiwan_seats_to_their_holders():
    (ussr,) = mr.unga_agreement(polity="USSR", start=1970, end=1970)
    assert (ussr.source_country, ussr.n_votes, ussr.agreement_index) == ("RU", 63, 0.9841)
    (roc,) = mr.unga_agreement(polity="Republic of China", start=1965, end=1965)
    assert (roc.polity, roc.source_country, roc.identical_share) == ("TWN", "TW", 0.4634)
    table = mr.unga_agreement(polity="PRK").to_arrow()
    assert table.column("year").to_pylist()[0] == 1991 and str(table.schema.field("agreement_index").type) == "double"


def test_an_unknown_issue_or_a_member_without_votes_is_an_invalid_filter():
    with pytest.raises(mr.InvalidFilterError, match="issue"):
        mr.unga_votes(issue="korea")
    with pytest.raises(mr.InvalidFilterError, match="voter"):
        mr.unga_votes(polity="France")
