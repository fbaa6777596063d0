"""help() is the manual: every public function and method has a numpydoc docstring whose sections
a researcher needs (Parameters, Returns with the columns, an Example), and the examples run."""

import dataclasses
import doctest
import inspect
import pydoc
import re

import matplotlib
import numpydoc.docscrape
import numpydoc.validate
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import mongolia_relations as mr  # noqa: E402
from mongolia_relations import _query, _record_base, _records, _results, plot  # noqa: E402

# numpydoc's checks that make a docstring complete for a reader: a docstring at all, a summary,
# every parameter documented (and none that does not exist) with a description, a Returns
# section with a description, and an example. Style checks (See Also, line breaks) are left out.
REQUIRED = {"GL08", "SS01", "PR01", "PR02", "PR07", "RT01", "RT03", "EX01"}


def public_callables():
    names = []
    for name in mr.__all__:
        obj = getattr(mr, name)
        if callable(obj) and not inspect.isclass(obj):
            names.append(f"mongolia_relations.{name}")
    for cls, prefix in ((mr.Database, "Database"), (mr.ResultSet, "ResultSet"), (mr.Record, "Record")):
        for name, member in vars(cls).items():
            if (not name.startswith("_") or name == "__arrow_c_stream__") and callable(member):
                names.append(f"mongolia_relations.{prefix}.{name}")
    for name, member in vars(plot).items():
        if inspect.isfunction(member) and not name.startswith("_") and member.__module__ == plot.__name__:
            names.append(f"mongolia_relations.plot.{name}")
    return names


CALLABLES = public_callables()


def test_the_public_api_is_all_found():
    expected = {"mongolia_relations.events", "mongolia_relations.Database.events", "mongolia_relations.plot.timeline"}
    assert expected <= set(CALLABLES)
    assert len(CALLABLES) > 50


@pytest.mark.parametrize("name", CALLABLES)
def test_every_public_function_has_a_complete_numpydoc_docstring(name):
    result = numpydoc.validate.validate(name)
    obj = numpydoc.validate.Validator._load_obj(name)
    assert not re.search(r"^\s*\{\w+\}\s*$", obj.__doc__ or "", re.M), f"{name}: a placeholder left unfilled"
    problems = [f"{code}: {message}" for code, message in result["errors"] if code in REQUIRED]
    assert not problems, f"{name}:\n" + "\n".join(problems)
    doc = numpydoc.docscrape.FunctionDoc(numpydoc.validate.Validator._load_obj(name))
    takes = [p for p in inspect.signature(numpydoc.validate.Validator._load_obj(name)).parameters if p != "self"]
    if takes:
        assert doc["Parameters"], f"{name} takes {takes} and documents them under Parameters"
    assert doc["Returns"], f"{name} has a Returns section"


RECORDS = [c for c in vars(_records).values() if inspect.isclass(c) and issubclass(c, mr.Record) and c is not mr.Record]


@pytest.mark.parametrize("record", RECORDS, ids=lambda c: c.__name__)
def test_every_record_documents_each_of_its_columns(record):
    documented = [a.name for a in numpydoc.docscrape.ClassDoc(record)["Attributes"]]
    fields = [f.name for f in dataclasses.fields(record) if not f.name.startswith("_")]
    assert documented == fields, f"{record.__name__}: Attributes in the order of the columns"
    assert all(a.desc for a in numpydoc.docscrape.ClassDoc(record)["Attributes"])


def test_help_on_a_module_function_tells_the_parameters_the_columns_and_an_example():
    text = pydoc.render_doc(mr.events, renderer=pydoc.plaintext)
    for needed in (
        "Parameters",
        "polity : str, int or list of them",
        "kind : str",
        "Returns",
        "ResultSet",
        "Raises",
        "Examples",
    ):
        assert needed in text
    for column in ("date : str", "precision : str", "summary : str", "participants : tuple of dict", "sources :"):
        assert column in text, f"help(mr.events) explains the column {column!r}"
    assert "{" + "columns}" not in text and "{" + "polity}" not in text
    assert mr.events.__doc__ == mr.Database.events.__doc__


def test_the_columns_in_the_returns_section_are_the_columns_of_the_result():
    doc = numpydoc.docscrape.FunctionDoc(mr.Database.treaties)
    described = doc["Returns"][0].desc
    for column in mr.treaties().columns:
        assert any(line.startswith(f"{column} : ") for line in described), column


MODULES = [mr, _query, _record_base, _results, plot]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_the_examples_in_the_docstrings_run(module, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = [t for t in finder.find(module, module.__name__) if t.examples]
    assert tests
    for test in tests:
        runner.run(test)
    plt.close("all")
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {module.__name__}"
