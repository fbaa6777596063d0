"""The README's Python blocks run as written from the repository root, its pip extras exist, and
pip users have the command line (console script and ``python -m``)."""

import os
import pathlib
import re
import subprocess
import sys

import pytest

import mongolia_relations as mr

REPO = pathlib.Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
SCRIPT = pathlib.Path(sys.executable).parent / "mongolia-relations"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.S | re.M)


@pytest.fixture
def repo_root(tmp_path, monkeypatch):
    """A folder standing for the repository root (a link to each entry), so the README's outputs
    land in it and not in the repository."""
    root = tmp_path / "repo"
    root.mkdir()
    for entry in REPO.iterdir():
        (root / entry.name).symlink_to(entry)
    monkeypatch.chdir(root)
    return root


def run_cli(*args: str, via: str = "script") -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if via == "script" else [sys.executable, "-m", "mongolia_relations"]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=os.environ | {"COLUMNS": "100"})


def test_every_readme_python_block_runs_as_written(repo_root, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    # The Python section opens the file the command-line section builds, as a reader would.
    built = run_cli("build", "--extra", "examples/example-extension/", "--out", "extended.sqlite")
    assert built.returncode == 0, built.stderr
    python = blocks("python")
    assert len(python) >= 2
    namespace: dict[str, object] = {}
    for code in python:
        exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    import matplotlib.pyplot as plt

    plt.close("all")
    assert "treaties" in namespace and "own" in namespace


def test_the_readme_pip_extras_exist():
    pyproject = (REPO / "bindings-python" / "pyproject.toml").read_text(encoding="utf-8")
    section = pyproject.split("[project.optional-dependencies]")[1].split("\n[")[0]
    # tomllib is 3.11+; the extras are one `name = [...]` line each.
    extras = {m[0]: re.findall(r'"([^"]+)"', m[1]) for m in re.findall(r"^(\w+) = \[(.*)\]$", section, flags=re.M)}
    asked = {e for m in re.findall(r"bindings-python\[([^\]]+)\]", README) for e in m.split(",")}
    assert asked and asked <= set(extras), asked - set(extras)
    uses_duckdb = any("import duckdb" in b for b in blocks("python"))
    assert not uses_duckdb or ("duckdb" in asked and any(d.startswith("duckdb") for d in extras["duckdb"]))


@pytest.mark.parametrize("via", ["script", "module"])
def test_pip_users_have_the_command_line_with_the_binarys_table(via):
    result = run_cli("events", "--polity", "North Korea", via=via)
    assert result.returncode == 0, result.stderr
    n = len(mr.events(polity="North Korea"))
    lines = result.stdout.splitlines()
    assert lines[0] == f"events: Mongolia\u2013North Korea, {n} rows"
    assert all(len(line) <= 100 for line in lines)


def test_the_command_line_reports_errors_and_usage_with_exit_codes():
    bad = run_cli("events", "--polity", "Nort Korea")
    assert bad.returncode == 1 and "unknown polity" in bad.stderr and "PRK" in bad.stderr
    usage = run_cli("no-such-command")
    assert usage.returncode == 2 and "Usage" in usage.stderr
    assert run_cli("--help").returncode == 0


def test_the_command_line_from_python_returns_its_status_and_leaves_queries_working(capfd):
    from mongolia_relations.__main__ import main

    assert main(["version", "--format", "json"]) == 0
    assert mr.CONTENT_HASH in capfd.readouterr().out
    assert main(["events", "--polity", "Nort Korea"]) == 1
    assert len(mr.events(polity="PRK")) > 0
