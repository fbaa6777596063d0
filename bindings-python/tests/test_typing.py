"""The .pyi stubs match the native module."""

import subprocess
import sys


def test_stubtest_finds_the_stubs_consistent_with_the_native_module():
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "mongolia_relations._native", "--ignore-missing-stub"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
