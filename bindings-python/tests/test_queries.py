"""The queries from Python, against the real embedded dataset."""

import datetime as dt

import pytest

import mongolia_relations as mr


def test_treaty_signed_events_with_north_korea_include_the_1986_treaty():
    treaties = mr.events(polity="North Korea", kind="treaty_signed")
    t1986 = [e for e in treaties if "twenty years" in e.summary]
    assert len(t1986) == 1
    assert t1986[0].date == "1986-11" and t1986[0].start == dt.date(1986, 11, 1)
    assert t1986[0].certainty == "inferred" and "22.11.1986" in t1986[0].date_note


def test_relations_with_the_dprk_date_from_15_october_1948_with_sources():
    (e,) = mr.events(polity="DPRK", kind="relations_established")
    assert isinstance(e, mr.Event)
    assert (e.date, e.precision, e.start, e.end) == ("1948-10-15", "day", dt.date(1948, 10, 15), dt.date(1948, 10, 15))
    assert {"doc001", "doc002"} <= set(e.sources)
    cites = e.citations()
    assert len(cites) >= 3 and all(c.locator for c in cites)


def test_records_have_repr_equality_and_to_dict(dprk_events):
    first, again = dprk_events[0], mr.events(polity="PRK")[0]
    assert first == again
    assert repr(first).startswith("Event(id=")
    d = first.to_dict()
    assert d["polities"] == list(first.polities) and "_db" not in d


def test_result_sets_support_len_iteration_indexing_and_slices(dprk_events):
    assert len(dprk_events) == len(list(dprk_events)) > 50
    assert dprk_events[-1] == list(dprk_events)[-1]
    assert len(dprk_events[:3]) == 3
    with pytest.raises(IndexError):
        dprk_events[10_000]
    assert "<table " in dprk_events._repr_html_()


def test_filters_accept_dates_years_and_strings():
    by_str = mr.events(polity="PRK", start="1986", end="1986")
    by_int = mr.events(polity="PRK", start=1986, end=1986)
    by_date = mr.events(polity="PRK", start=dt.date(1986, 1, 1), end=dt.date(1986, 12, 31))
    assert [e.id for e in by_str] == [e.id for e in by_int] == [e.id for e in by_date]


def test_treaties_in_force_postings_memberships_observations_and_polities():
    in_force = {t.title for t in mr.treaties(polity="PRK", in_force_on="1990-06-01")}
    assert any("1986" in t for t in in_force)
    assert any(p.person == "J. Sambuu" for p in mr.postings(sending="MNG", receiving="PRK"))
    assert {m.start for m in mr.memberships(organization="Comecon")} == {"1961", "1962-06"}
    (obs,) = mr.observations(polity="PRK", start=1985, end=1985)
    assert obs.value == 10.7 and obs.unit == "USD million"
    (ussr,) = mr.polities(polity="USSR")
    assert (ussr.code, ussr.iso3, ussr.iso_withdrawn) == ("SUN", "SUN", True)


def test_search_disputes_and_coverage():
    assert any(e.date == "1988-22" for e in mr.search('"special train"'))
    topics = [d.topic for d in mr.disputes(polity="PRK")]
    assert any("orphans" in t for t in topics) and any("closed its embassy" in t for t in topics)
    cov = {c.polity: c for c in mr.coverage()}
    assert cov["PRK"].date == "1948-10-15" and cov["RUS"].via == "RSF"


def test_metadata_version_hash_and_citation():
    meta = mr.metadata()
    assert meta["content_hash"] == mr.CONTENT_HASH == mr.content_hash()
    assert mr.dataset_version() == meta["dataset_version"]
    assert mr.cite(format="biblatex").startswith("@dataset{")
    assert mr.CONTENT_HASH[:12] in mr.cite()
    assert isinstance(mr.__version__, str)


def test_sql_returns_rows_as_dicts():
    rows = mr.sql("SELECT kind, count(*) AS n FROM events GROUP BY kind ORDER BY kind")
    assert rows.columns == ["kind", "n"]
    assert all(isinstance(r["n"], int) for r in rows)


def test_an_extension_builds_and_opens_with_rows_tagged_by_dataset(tmp_path):
    import pathlib

    example = pathlib.Path(__file__).resolve().parents[2] / "examples" / "example-extension"
    db = mr.build_extension(example, tmp_path / "extended.sqlite")
    (bahamas,) = db.events(polity="Bahamas", kind="statement")
    assert bahamas.dataset == "example-extension"
    assert db.events(polity="PRK", kind="relations_established")[0].dataset == "mongolia-relations"
    assert mr.open(tmp_path / "extended.sqlite").metadata()["extensions"] == "example-extension"


def test_a_broken_extension_raises_seed_error_with_file_and_line(tmp_path):
    import pytest

    (tmp_path / "events.csv").write_text("id,kind,date,summary\n1000001,vist,2019,A visit.\n")
    with pytest.raises(mr.SeedError) as info:
        mr.build_extension(tmp_path, tmp_path / "out.sqlite")
    assert any(file.endswith("events.csv") and line == 2 for file, line, _ in info.value.problems)
