"""Each query takes the filters the one definition (Rust's ``Query::filters``) lists for it."""

import datetime
import inspect

import pytest

import mongolia_relations as mr
from mongolia_relations import _native

FILTERS = _native.query_filters()


def test_every_query_method_takes_exactly_the_filters_of_the_one_definition():
    for query, filters in FILTERS.items():
        method = getattr(mr.Database, query)
        given = [p for p in inspect.signature(method).parameters if p not in ("self", "timeout")]
        assert given == filters, query
        assert getattr(mr, query).__doc__ == method.__doc__


def test_a_filter_of_another_query_is_refused_naming_the_filters_the_query_takes():
    with pytest.raises(mr.FilterNotApplicableError) as info:
        mr.polities(kind="visit", person="Sambuu")
    error = info.value
    assert isinstance(error, mr.InvalidFilterError)
    assert (error.query, error.accepted) == ("polities", ["polity"])
    assert error.filter in ("kind", "person")
    assert "polities takes no" in str(error) and "it takes polity" in str(error)
    with pytest.raises(mr.FilterNotApplicableError, match="it takes polity, start, end$"):
        mr.unga_agreement(issue="hr")
    with pytest.raises(mr.FilterNotApplicableError, match="dyad_years takes no context filter"):
        mr.Database().dyad_years(context=True)


def test_a_keyword_that_is_no_filter_at_all_is_still_a_type_error():
    with pytest.raises(TypeError):
        mr.events(polty="PRK")


def test_start_and_end_take_a_year_an_edtf_string_or_a_date_in_every_query():
    for query, filters in FILTERS.items():
        if "start" not in filters:
            continue
        run = getattr(mr, query)
        by_year = run(start=1990, end=1990)
        by_text = run(start="1990", end="1990-12")
        by_date = run(start=datetime.date(1990, 1, 1), end=datetime.datetime(1990, 12, 31, 12))
        assert len(by_year) == len(by_text) == len(by_date), query
        assert [by_year[i] for i in range(len(by_year))] == [by_date[i] for i in range(len(by_date))], query
        with pytest.raises(mr.InvalidDateError):
            run(start=[1990])


def test_polity_takes_a_code_a_name_a_cow_number_or_a_list_in_every_query():
    for query, filters in FILTERS.items():
        if "polity" not in filters:
            continue
        run = getattr(mr, query)
        by_code = len(run(polity="PRK"))
        assert len(run(polity="North Korea")) == len(run(polity=731)) == by_code, query
        either = len(run(polity=["PRK", "KOR"]))
        assert max(by_code, len(run(polity=("KOR",)))) <= either <= by_code + len(run(polity="KOR")), query
        with pytest.raises(mr.InvalidFilterError):
            run(polity=3.5)
        with pytest.raises(mr.InvalidFilterError):
            run(polity=["PRK", None])


def test_the_panel_has_one_name_in_every_layer():
    assert "dyad_years" in FILTERS
    assert mr.dyad_years(polity="PRK", start=1990, end=1990).kind == "dyad_years"
