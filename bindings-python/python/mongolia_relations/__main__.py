"""The command line for pip users: ``python -m mongolia_relations events --polity "North Korea"``,
or the ``mongolia-relations`` console script. Both run the Rust command line's own code (the
core crate's ``cli`` module), so every command, flag and output is the binary's."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import _native


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mongolia-relations`` command line.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the program's name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status: 0 on success, 1 on an error (said on stderr), 2 on a usage error, 130
        when Ctrl-C stopped it.

    Examples
    --------
    >>> main(["version"])  # doctest: +SKIP
    0
    """
    args = list(sys.argv[1:] if argv is None else argv)
    # The command line writes to the process's stdout and stderr, not through sys.stdout: what
    # Python has buffered goes first.
    sys.stdout.flush()
    sys.stderr.flush()
    return _native.main(["mongolia-relations", *args])


if __name__ == "__main__":
    sys.exit(main())
