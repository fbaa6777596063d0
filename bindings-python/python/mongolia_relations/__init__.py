"""mongolia_relations: a curated, cited dataset of Mongolia's foreign relations.

>>> import mongolia_relations as mr
>>> treaties = mr.events(polity="North Korea", kind="treaty_signed")
>>> df = treaties.to_pandas()            # or .to_polars(), .to_arrow()
>>> mr.cite()                            # BibTeX of the dataset; mr.cite_sources(treaties) of its sources

Module-level functions query the dataset embedded in the package; ``open(path)`` opens a
database file built from your own seeds.
"""

from __future__ import annotations

import os
from typing import Any

from . import _native
from ._native import (
    DatabaseFileError,
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
from ._query import Database
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

    The file must have this library's schema; named pipes, devices, folders and files with
    pending changes beside them raise DatabaseFileError. ``timeout`` is the default deadline of
    its queries in seconds."""
    _native.check_file(os.fspath(path))  # fail now, with DatabaseFileError, if it is not usable
    return Database(path, timeout=timeout)


def verify(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Recompute the content hash of a database file (or of the embedded dataset) and compare it
    with the one the file claims: ``{"claimed": ..., "actual": ..., "matches": bool}``."""
    return _native.verify(None if path is None else os.fspath(path))


def build_extension(
    extra: str | os.PathLike[str] | list[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    force: bool = False,
) -> Database:
    """Build the embedded dataset plus your own seed folder(s) into ``out`` and open it.

    Each folder holds CSVs in the format of the project's ``seeds/`` (same validation; errors
    raise SeedError with ``.problems`` as (file, line, message)). Rows say which folder they
    came from in their ``dataset`` column. An existing ``out`` raises OutputExistsError unless
    ``force=True`` (a seed file is never replaced); the file is written under a temporary name
    and renamed into place when complete.
    """
    folders = [extra] if isinstance(extra, str | os.PathLike) else list(extra)
    _native.build_extension([os.fspath(f) for f in folders], os.fspath(out), force)
    return Database(out)


def dataset_version() -> str:
    """The version of the embedded dataset."""
    return metadata()["dataset_version"]


def content_hash() -> str:
    """The content hash of the embedded dataset (independent of the SQLite version)."""
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
    "InvalidDateError",
    "InvalidFilterError",
    "LimitError",
    "Membership",
    "Mission",
    "MongoliaRelationsError",
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
    "postings",
    "search",
    "sources",
    "sql",
    "treaties",
    "unga_agreement",
    "unga_votes",
    "verify",
]
