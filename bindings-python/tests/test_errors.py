"""Bad input raises the package's own exceptions, never a bare Exception or a panic."""

import pathlib

import pytest

import mongolia_relations as mr


def test_an_unknown_polity_raises_the_subclass_with_suggestions():
    with pytest.raises(mr.UnknownPolityError) as info:
        mr.events(polity="Nort Korea")
    assert isinstance(info.value, mr.MongoliaRelationsError)
    assert any(s.startswith("PRK") for s in info.value.suggestions)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: mr.events(kind="vist"), mr.InvalidFilterError),
        (lambda: mr.events(start="1990", end="1980"), mr.InvalidDateError),
        (lambda: mr.events(start="1990-13"), mr.InvalidDateError),
        (lambda: mr.events(polity=3.5), mr.InvalidFilterError),
        (lambda: mr.events(start=[1990]), mr.InvalidDateError),
        (lambda: mr.events(polity="PRK\x00"), mr.InvalidFilterError),
        (lambda: mr.events(polity="x" * 100_000), mr.InvalidFilterError),
        (lambda: mr.events(person="Nobody Atall"), mr.UnknownPersonError),
        (lambda: mr.memberships(organization="Comekon"), mr.UnknownOrganizationError),
        (lambda: mr.sql("SELEC 1"), mr.SqlError),
        (lambda: mr.open("/nonexistent/file.sqlite"), mr.DatabaseFileError),
    ],
)
def test_bad_input_raises_a_typed_error(call, error):
    with pytest.raises(error):
        call()


HOSTILE = pathlib.Path(__file__).resolve().parents[2] / "mongolia-relations" / "tests" / "hostile_sql.txt"


@pytest.mark.parametrize("statement", [line for line in HOSTILE.read_text().splitlines() if line.strip()])
def test_a_write_through_sql_raises_and_changes_nothing(statement):
    before = mr.sql("SELECT count(*) AS n FROM events")[0]["n"]
    with pytest.raises((mr.ReadOnlyError, mr.SqlError)):
        mr.sql(statement)
    assert mr.sql("SELECT count(*) AS n FROM events")[0]["n"] == before
    assert mr.content_hash() == mr.CONTENT_HASH


def test_a_users_database_opened_from_python_refuses_writes_too(tmp_path):
    copy = tmp_path / "copy.sqlite"
    mr.export(tmp_path, format="csv")
    before = copy.with_name("mongolia-relations.sqlite").read_bytes()
    db = mr.open(tmp_path / "mongolia-relations.sqlite")
    for statement in [line for line in HOSTILE.read_text().splitlines() if line.strip()]:
        with pytest.raises((mr.ReadOnlyError, mr.SqlError)):
            db.sql(statement)
    assert (tmp_path / "mongolia-relations.sqlite").read_bytes() == before


def test_none_where_a_required_value_belongs_is_a_typed_error():
    with pytest.raises(mr.InvalidFilterError):
        mr.sql(None)
    with pytest.raises(mr.InvalidFilterError):
        mr.search(None)
    with pytest.raises(mr.InvalidDateError):
        mr.dyad_years(start=[1990])
