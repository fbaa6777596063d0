"""``mr.open`` gives a database that keeps its connection: one per thread, for its file."""

import pathlib
import threading

import pytest

import mongolia_relations as mr


@pytest.fixture()
def own_file(tmp_path: pathlib.Path) -> pathlib.Path:
    mr.export(tmp_path / "copy", format="csv")
    return tmp_path / "copy" / "mongolia-relations.sqlite"


def test_an_opened_file_is_queried_on_the_connection_it_keeps_not_opened_again(own_file):
    db = mr.open(own_file)
    before = [e.id for e in db.events(polity="PRK")]
    own_file.unlink()
    # The file is gone from the folder; a query that opened it again would fail.
    assert [e.id for e in db.events(polity="PRK")] == before
    assert len(db.polities("North Korea")) == 1


def test_records_and_result_sets_refer_to_the_database_they_came_from(own_file):
    db = mr.open(own_file)
    events = db.events(polity="PRK", kind="relations_established")
    own_file.unlink()
    assert events.cite_sources().startswith("@misc{")
    assert all(c.locator for c in events[0].citations())
    assert isinstance(events[0].disputes(), mr.ResultSet)


def test_each_thread_keeps_its_own_connection_to_the_file(own_file):
    db = mr.open(own_file)
    counts: list[int] = []
    errors: list[BaseException] = []

    def query() -> None:
        try:
            counts.append(len(db.events(polity="PRK")))
        except mr.MongoliaRelationsError as e:
            errors.append(e)

    first = threading.Thread(target=query)
    first.start()
    first.join()
    own_file.unlink()
    # This thread never opened the file: it must open its own connection, and cannot.
    second = threading.Thread(target=query)
    second.start()
    second.join()
    assert counts == [len(db.events(polity="PRK"))]
    assert len(errors) == 1 and isinstance(errors[0], mr.DatabaseFileError)


def test_module_functions_use_the_embedded_data():
    assert mr.metadata()["file_sha256"] == mr.FILE_SHA256
    assert [e.id for e in mr.events(polity="PRK")] == [e.id for e in mr.Database().events(polity="PRK")]


def test_a_bad_file_is_refused_when_opened(tmp_path: pathlib.Path):
    with pytest.raises(mr.DatabaseFileError):
        mr.open(tmp_path / "missing.sqlite")
    with pytest.raises(mr.DatabaseFileError):
        mr.Database(tmp_path)
