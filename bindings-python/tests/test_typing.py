"""Typed for the IDE: the stubs match the native module, the package's types match its runtime,
the examples type-check under ``mypy --strict``, and a result set is generic in its records."""

import json
import pathlib
import re
import subprocess
import sys

import pytest

TESTS = pathlib.Path(__file__).resolve().parent
EXAMPLES = TESTS.parents[1] / "examples"
CONFIG = str(TESTS.parent / "pyproject.toml")


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    # No cache: a test run leaves nothing behind, and a stale cache cannot hide an error.
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", CONFIG, "--no-incremental", "--cache-dir", "/dev/null", *args],
        capture_output=True,
        text=True,
    )


def revealed(output: str) -> list[str]:
    """The types ``reveal_type`` showed, without module prefixes (their spelling varies between
    mypy versions, and records may move between private modules)."""
    return [re.sub(r"\b[a-z_][\w]*\.", "", t) for t in re.findall(r'Revealed type is "(.*)"', output)]


def notebook_code(path: pathlib.Path) -> str:
    """A notebook's code cells, in order, as one module (later cells use earlier names)."""
    cells = json.loads(path.read_text())["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code") + "\n"


def test_stubtest_finds_the_package_consistent_with_its_runtime():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy.stubtest",
            "mongolia_relations",
            "--mypy-config-file",
            CONFIG,
            "--allowlist",
            str(TESTS / "stubtest-allowlist.txt"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_source_type_checks_under_mypy_strict():
    # The source tree, not the installed copy: mypy keeps quiet about errors in site-packages.
    result = mypy("--strict", str(TESTS.parent / "python" / "mongolia_relations"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_scripts_type_check_under_mypy_strict():
    scripts = sorted(str(p) for p in EXAMPLES.glob("*.py"))
    assert scripts
    result = mypy("--strict", *scripts)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.ipynb")))
def test_the_code_of_each_notebook_type_checks_under_mypy_strict(name, tmp_path):
    module = tmp_path / (pathlib.Path(name).stem + ".py")
    module.write_text(notebook_code(EXAMPLES / name))
    result = mypy("--strict", str(module))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_result_set_is_typed_by_its_records(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import mongolia_relations as mr\n"
        "events = mr.events(polity='PRK')\n"
        "reveal_type(events)\n"
        "reveal_type(events[0])\n"
        "reveal_type(events[0].start)\n"
        "reveal_type(mr.sql('SELECT 1 AS n')[0])\n"
        "for t in mr.treaties():\n"
        "    reveal_type(t.in_force_from)\n"
        "wrong: mr.ResultSet[mr.Treaty] = events\n"
        "events[0].no_such_column\n"
    )
    out = mypy("--strict", str(probe)).stdout
    assert revealed(out) == ["ResultSet[Event]", "Event", "date", "dict[str, Any]", "date | None"], out
    # The checker catches what a researcher gets wrong: the wrong record type, a misspelt column.
    assert "Incompatible types in assignment" in out, out
    assert '"Event" has no attribute "no_such_column"' in out, out


def test_a_caught_error_has_its_declared_attributes_to_the_type_checker(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import mongolia_relations as mr\n"
        "try:\n"
        "    mr.events(polity='Nort Korea')\n"
        "except LookupError as e:\n"
        "    assert isinstance(e, mr.UnknownPolityError)\n"
        "    reveal_type(e.suggestions)\n"
        "try:\n"
        "    mr.build_extension('seeds', 'out.sqlite')\n"
        "except mr.SeedError as e:\n"
        "    reveal_type(e.problems)\n"
    )
    out = mypy("--strict", str(probe)).stdout
    assert revealed(out) == ["Sequence[str]", "Sequence[tuple[str, int, str]]"], out
