"""mr.countrycode: names and codes from other datasets converted, vectorised, with dates."""

import warnings

import pytest

import mongolia_relations as mr


def test_world_bank_names_convert_to_cow_numbers_as_ints():
    names = ["Korea, Rep.", "Korea, Dem. People's Rep.", "Lao PDR", "Iran, Islamic Rep.", "Russian Federation"]
    assert mr.countrycode(names, origin="name", destination="cown") == [732, 731, 812, 630, 365]


def test_one_value_gives_one_value():
    assert mr.countrycode("Korea, North", destination="iso2c") == "KP"
    assert mr.countrycode(731, origin="gwn") == "PRK"


def test_codes_that_change_follow_the_date_given_per_value():
    assert mr.countrycode([365, 365], origin="cown", on=[1960, "2000-06"]) == ["SUN", "RUS"]
    assert mr.countrycode("Russia", on=1960) == "SUN"


def test_unmatched_values_give_none_and_one_warning_with_close_matches():
    with pytest.warns(mr.UnmatchedWarning) as caught:
        out = mr.countrycode(["Mongolia", "North Kroea", None], destination="iso3c")
    assert out == ["MNG", None, None]
    (warning,) = caught
    message = str(warning.message)
    assert "1 value(s)" in message and "'North Kroea'" in message and "PRK (North Korea)" in message


def test_strict_raises_with_the_suggestions():
    with pytest.raises(mr.UnknownPolityError) as info:
        mr.countrycode(["Kazakstan"], strict=True)
    assert info.value.suggestions[0].startswith("KAZ")


def test_a_pandas_series_comes_back_with_its_index_and_missing_values_stay_quiet():
    pd = pytest.importorskip("pandas")
    series = pd.Series(["Viet Nam", "Türkiye", pd.NA], index=[10, 20, 30], name="country")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = mr.countrycode(series, destination="gwc")
    assert list(out.index) == [10, 20, 30] and out.name == "country"
    assert out.tolist() == ["DRV", "TUR", None]


def test_bad_schemes_and_dates_raise_filter_errors():
    with pytest.raises(mr.InvalidFilterError) as info:
        mr.countrycode(["x"], origin="ccode")
    assert "cown" in info.value.suggestions
    with pytest.raises(mr.InvalidDateError):
        mr.countrycode(["Mongolia"], on="1960-13")
