"""mongolia_relations: a curated, cited dataset of Mongolia's foreign relations.

>>> import mongolia_relations as mr
>>> treaties = mr.events(polity="North Korea", kind="treaty_signed")
>>> df = treaties.to_pandas()            # or .to_polars(), .to_arrow()
>>> bib = mr.cite()                      # BibTeX of the dataset; mr.cite_sources(treaties) of its sources

Module-level functions query the dataset embedded in the package; ``open(path)`` opens a
database file built from your own seeds.
"""

from __future__ import annotations

import os
from typing import Any

from . import _native
from ._errors import NoDataError
from ._native import (
    DatabaseFileError,
    FilterNotApplicableError,
    InvalidDateError,
    InvalidFilterError,
    LimitError,
    MongoliaRelationsError,
    OutputExistsError,
    QueryMemoryError,
    QueryTimeoutError,
    QueryTooComplexError,
    ReadOnlyError,
    ResultTooLargeError,
    SeedError,
    SqlError,
    UnknownOrganizationError,
    UnknownPersonError,
    UnknownPolityError,
)
from ._query import Database, UnmatchedWarning
from ._records import (
    Citation,
    Coverage,
    Dispute,
    Event,
    Membership,
    Mission,
    Observation,
    Organization,
    Person,
    Polity,
    PolityCode,
    Posting,
    Record,
    Source,
    Treaty,
    UngaAgreement,
    UngaVote,
)
from ._results import ResultSet

__version__: str = _native.__version__
CONTENT_HASH: str = _native.CONTENT_HASH
FILE_SHA256: str = _native.FILE_SHA256

_embedded = Database()
events = _embedded.events
treaties = _embedded.treaties
postings = _embedded.postings
memberships = _embedded.memberships
missions = _embedded.missions
observations = _embedded.observations
polities = _embedded.polities
codes = _embedded.codes
polity_for_code = _embedded.polity_for_code
countrycode = _embedded.countrycode
persons = _embedded.persons
organizations = _embedded.organizations
sources = _embedded.sources
disputes = _embedded.disputes
disputes_of = _embedded.disputes_of
citations = _embedded.citations
coverage = _embedded.coverage
dyad_years = _embedded.dyad_years
unga_votes = _embedded.unga_votes
unga_agreement = _embedded.unga_agreement
search = _embedded.search
sql = _embedded.sql
cite = _embedded.cite
cite_sources = _embedded.cite_sources
metadata = _embedded.metadata
export = _embedded.export


def open(path: str | os.PathLike[str], *, timeout: float | None = None) -> Database:  # noqa: A001 - the documented name
    """Open a database file built by this library (e.g. ``mongolia-relations build --extra``).

    Parameters
    ----------
    path : str or os.PathLike
        The SQLite file. It must have this library's schema.
    timeout : float, optional
        The default deadline of its queries, in seconds (default 5).

    Returns
    -------
    Database
        The file's dataset, with the same query methods as the module (``db.events(...)``).
        It keeps one connection to the file per thread that queries it, so a query costs what
        it costs on the embedded data; its results and records refer to it.

    Raises
    ------
    DatabaseFileError
        The file is missing, not a database of this library, a named pipe, a device or a
        folder, or has pending changes beside it (a ``-wal`` or ``-journal`` file).

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> db = mr.open("extended.sqlite")  # doctest: +SKIP
    >>> db.events(polity="North Korea").to_pandas()  # doctest: +SKIP
    """
    return Database(path, timeout=timeout)


def verify(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Recompute the content hash of a database file (or of the embedded dataset) and compare it.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A database file built by this library; None for the embedded dataset.

    Returns
    -------
    dict
        ``{"claimed": str, "actual": str, "matches": bool}``: the hash the file states, the
        hash of its rows, and whether they agree (False means the rows were changed).

    Raises
    ------
    DatabaseFileError
        The file is missing or not a database of this library.

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> mr.verify()["matches"]
    True
    """
    return (_embedded if path is None else Database(path)).verify()


def build_extension(
    extra: str | os.PathLike[str] | list[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    force: bool = False,
) -> Database:
    """Build the embedded dataset plus your own seed folder(s) into ``out`` and open it.

    Rows say which folder they came from in their ``dataset`` column. The file is written
    under a temporary name and renamed into place when complete; a seed file is never
    replaced.

    Parameters
    ----------
    extra : str, os.PathLike or list of them
        Folder(s) of CSVs in the format of the project's ``seeds/`` (one file per table, the
        same validation: every fact cited).
    out : str or os.PathLike
        The database file to write.
    force : bool, default False
        Replace an existing ``out``.

    Returns
    -------
    Database
        The new file's dataset, ready to query.

    Raises
    ------
    SeedError
        A seed row is invalid; ``.problems`` lists each as (file, line, message).
    OutputExistsError
        ``out`` exists and ``force`` is False.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import mongolia_relations as mr
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "extended.sqlite"
    >>> db = mr.build_extension("examples/example-extension", out)  # doctest: +SKIP
    >>> sorted({e.dataset for e in db.events()})  # doctest: +SKIP
    """
    folders = [extra] if isinstance(extra, str | os.PathLike) else list(extra)
    _native.build_extension([os.fspath(f) for f in folders], os.fspath(out), force)
    return Database(out)


def dataset_version() -> str:
    """The version of the embedded dataset, to cite beside :func:`content_hash`.

    Returns
    -------
    str
        The dataset version, e.g. ``"0.4.0"``.

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> mr.dataset_version() == mr.metadata()["dataset_version"]
    True
    """
    return metadata()["dataset_version"]


def content_hash() -> str:
    """The content hash of the embedded dataset: which rows exactly an analysis used.

    Returns
    -------
    str
        SHA-256 (hex) over the schema text and every table's rows in key order; it does not
        change with the SQLite version, only with the data.

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> len(mr.content_hash())
    64
    """
    return metadata()["content_hash"]


__all__ = [
    "CONTENT_HASH",
    "FILE_SHA256",
    "Citation",
    "Coverage",
    "Database",
    "DatabaseFileError",
    "Dispute",
    "Event",
    "FilterNotApplicableError",
    "InvalidDateError",
    "InvalidFilterError",
    "LimitError",
    "Membership",
    "Mission",
    "MongoliaRelationsError",
    "NoDataError",
    "Observation",
    "Organization",
    "OutputExistsError",
    "Person",
    "Polity",
    "PolityCode",
    "Posting",
    "QueryMemoryError",
    "QueryTimeoutError",
    "QueryTooComplexError",
    "ReadOnlyError",
    "ResultTooLargeError",
    "SeedError",
    "Record",
    "ResultSet",
    "Source",
    "SqlError",
    "Treaty",
    "UngaAgreement",
    "UngaVote",
    "UnknownOrganizationError",
    "UnknownPersonError",
    "UnknownPolityError",
    "__version__",
    "build_extension",
    "citations",
    "cite",
    "cite_sources",
    "codes",
    "content_hash",
    "coverage",
    "dataset_version",
    "disputes",
    "disputes_of",
    "dyad_years",
    "events",
    "export",
    "memberships",
    "metadata",
    "missions",
    "observations",
    "open",
    "organizations",
    "persons",
    "polities",
    "polity_for_code",
    "countrycode",
    "UnmatchedWarning",
    "postings",
    "search",
    "sources",
    "sql",
    "treaties",
    "unga_agreement",
    "unga_votes",
    "verify",
]
