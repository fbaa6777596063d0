"""The Datasette export served by a real Datasette on 127.0.0.1, its pages read back."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import mongolia_relations as mr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("datasette")
    manifest = mr.export(out, format="datasette")
    assert manifest["files"] == ["mongolia-relations.sqlite", "metadata.json"]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", "--immutable", str(Path(out) / "mongolia-relations.sqlite")]
        + ["--metadata", str(Path(out) / "metadata.json"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(f"{base}/-/versions.json")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode() if server.stdout else ""
                    pytest.fail(f"datasette did not start: {output}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_table_page_shows_the_codebook_descriptions_and_the_licence(served: str) -> None:
    page = get(f"{served}/mongolia-relations/events")
    assert "one row per dated happening" in page.lower()
    assert "what happened, in our own words" in page
    assert "CC-BY-4.0" in page
    data = json.loads(get(f"{served}/mongolia-relations/events.json?_shape=objects&_size=1&_facet=kind"))
    assert "kind" in data["facet_results"]
    count = mr.sql("SELECT count(*) AS n FROM events")[0]["n"]
    assert data["filtered_table_rows_count"] == count


def test_the_partner_timeline_query_takes_a_name_and_cites_each_event(served: str) -> None:
    rows = json.loads(get(f"{served}/mongolia-relations/partner_timeline.json?partner=DPRK&_shape=array"))
    assert sorted(row["event"] for row in rows) == sorted(e.id for e in mr.events(polity="PRK"))
    assert all(row["sources"] for row in rows)
    assert rows[0]["date"] <= rows[-1]["date"] or rows[0]["date"].startswith("[")


def test_the_treaties_in_force_query_agrees_with_the_library(served: str) -> None:
    rows = json.loads(get(f"{served}/mongolia-relations/treaties_in_force.json?day=1990-01-01&_shape=array"))
    assert sorted(r["treaty"] for r in rows) == sorted(t.id for t in mr.treaties(in_force_on="1990-01-01"))


def test_the_disputes_query_lists_every_claim(served: str) -> None:
    rows = json.loads(get(f"{served}/mongolia-relations/disputes.json?_shape=array&_size=max"))
    assert len(rows) == mr.sql("SELECT count(*) AS n FROM claims")[0]["n"]


def test_an_existing_metadata_file_is_not_replaced_unasked(tmp_path: Path) -> None:
    (tmp_path / "metadata.json").write_text("mine")
    with pytest.raises(mr.OutputExistsError):
        mr.export(tmp_path, format="datasette")
    assert (tmp_path / "metadata.json").read_text() == "mine"
    mr.export(tmp_path, format="datasette", force=True)
    assert "databases" in json.loads((tmp_path / "metadata.json").read_text())
