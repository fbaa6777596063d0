"""The examples run headlessly: both notebooks and the plain script."""

import pathlib
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name", ["korea_timeline.ipynb", "treaties_in_force.ipynb", "unga_korea.ipynb"])
def test_notebook_runs_every_cell_without_error(name, tmp_path):
    notebook = nbformat.read(EXAMPLES / name, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not any(o.output_type == "error" for o in outputs)
    assert any("mongolia-relations" in str(o) for o in outputs), "the notebook prints the dataset citation"


def test_the_plain_script_prints_counts_disputes_and_the_citation():
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "dprk_summary.py")], capture_output=True, text=True, check=True
    )
    assert "events with the DPRK" in result.stdout and "Dispute:" in result.stdout and "content hash" in result.stdout
