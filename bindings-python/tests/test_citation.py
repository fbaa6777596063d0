"""Citing the dataset and the sources behind a result; how a result shows in a console and in
Jupyter."""

import re

import pytest

import mongolia_relations as mr


def test_cite_gives_bibtex_misc_with_version_and_content_hash_by_default():
    bib = mr.cite()
    assert bib.startswith("@misc{mongolia_relations_" + mr.dataset_version().replace(".", "_") + ",")
    assert mr.dataset_version() in bib and mr.CONTENT_HASH in bib
    assert "url" not in bib, "the dataset has no URL yet: none is invented"
    assert mr.cite(format="biblatex").startswith("@dataset{")
    assert mr.CONTENT_HASH[:12] in mr.cite(format="text")
    with pytest.raises(mr.InvalidFilterError, match="biblatex"):
        mr.cite(format="ris")


def test_cite_sources_gives_one_stable_entry_per_source_behind_the_rows():
    events = mr.events(polity="North Korea", kind="relations_established")
    wanted = sorted({s for e in events for s in e.sources})
    bib = mr.cite_sources(events)
    keys = re.findall(r"^@misc\{([^,]+),", bib, flags=re.M)
    assert keys == wanted
    doc001 = bib.split("@misc{doc001,")[1].split("\n}")[0]
    assert "title = {{Mongolia–North Korea relations}}" in doc001
    assert events.cite_sources() == bib
    assert mr.cite_sources(events[0]) == mr.cite_sources(list(events[0].sources))


def test_cite_sources_reads_dispute_claims_polity_citations_and_biblatex():
    disputes = mr.disputes(polity="PRK")
    claimed = sorted({s for d in disputes for c in d.claims for s in c["sources"]})
    assert re.findall(r"^@misc\{([^,]+),", mr.cite_sources(disputes), flags=re.M) == claimed
    ussr = mr.cite_sources(mr.polities(polity="USSR"))
    assert "@misc{archontology_ussr," in ussr, "a polity is cited by its citations"
    online = mr.cite_sources(["country_converter"], format="biblatex")
    assert online.startswith("@online{country_converter,") and "url = {https://" in online
    every = mr.cite_sources(mr.sources())
    assert every.count("\n@") + 1 == len(mr.sources())
    assert "author = {Kristian Skrede Gleditsch and Michael D. Ward}" in every
    assert "author = {{Wikipedia contributors}}" in every


def test_cite_sources_of_rows_without_sources_or_unknown_ids_raise():
    with pytest.raises(mr.InvalidFilterError, match="carry no source ids"):
        mr.cite_sources(mr.persons(person="Kim Il-sung"))
    with pytest.raises(mr.MongoliaRelationsError, match="no-such-source"):
        mr.cite_sources(["no-such-source"])


def test_a_result_repr_shows_its_kind_count_and_first_rows():
    events = mr.events(polity="North Korea")
    text = repr(events)
    lines = text.splitlines()
    assert lines[0] == f"<ResultSet: {len(events)} events rows>"
    assert lines[1].split()[:3] == ["id", "kind", "date"]
    assert lines[2].split()[0] == str(events[0].id)
    assert len(lines) == 2 + 5 + 2, "header, five rows, then what is left out"
    assert lines[-1].startswith("... ") and "more columns: " in lines[-1]
    assert f"... {len(events) - 5} more rows" in text
    assert all(len(line) <= 110 for line in lines)
    assert repr(mr.sql("SELECT 1 AS n WHERE 0")) == "<ResultSet: 0 sql rows>"


def test_a_result_in_jupyter_is_a_styled_table_with_its_kind_and_count():
    events = mr.events(polity="North Korea")
    page = events._repr_html_()
    assert page.count("<tr") == 1 + 20, "a header and the first 20 rows"
    assert f"events &middot; {len(events)} rows" in page
    assert "border-collapse" in page and "<caption" in page
    assert f"{len(events) - 20} more rows" in page
    assert "<script" not in mr.sql("SELECT '<script>' AS x")._repr_html_()
