"""Stubs of the native module mongolia_relations._native."""

from collections.abc import Sequence
from typing import Any, final

__all__ = [
    "CONTENT_HASH",
    "Database",
    "DatabaseFileError",
    "SeedError",
    "FILE_SHA256",
    "FilterNotApplicableError",
    "InvalidDateError",
    "InvalidFilterError",
    "LimitError",
    "MongoliaRelationsError",
    "NativeResult",
    "OutputExistsError",
    "QueryMemoryError",
    "QueryTimeoutError",
    "QueryTooComplexError",
    "ReadOnlyError",
    "ResultTooLargeError",
    "SqlError",
    "UnknownOrganizationError",
    "UnknownPersonError",
    "UnknownPolityError",
    "__version__",
    "build_extension",
    "cite",
    "cite_source_ids",
    "export",
    "main",
    "metadata",
    "polity_for_code",
    "countrycode",
    "query",
    "query_filters",
    "verify",
]

__version__: str
CONTENT_HASH: str
FILE_SHA256: str

@final
class Database:
    def __new__(cls, path: str) -> Database: ...
    @property
    def path(self) -> str: ...

@final
class NativeResult:
    @property
    def kind(self) -> str: ...
    @property
    def columns(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def row(self, index: int) -> dict[str, Any]: ...
    def records(self, cls: type[Any], db: Database | None) -> list[Any]: ...
    def categories(self) -> dict[str, list[str]]: ...
    def cite_sources(self, format: str = "bibtex", db: Database | None = None) -> str: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

def query(
    kind: str,
    filters: dict[str, object],
    db: Database | None = None,
    text: str | None = None,
    limits: dict[str, float] | None = None,
) -> NativeResult: ...
def query_filters() -> dict[str, list[str]]: ...
def metadata(db: Database | None = None) -> dict[str, str]: ...
def verify(db: Database | None = None) -> dict[str, Any]: ...
def cite(format: str = "bibtex", db: Database | None = None) -> str: ...
def cite_source_ids(ids: list[str], format: str = "bibtex", db: Database | None = None) -> str: ...
def main(argv: list[str]) -> int: ...
def polity_for_code(scheme: str, code: str, on: str | None = None, db: Database | None = None) -> str: ...
def countrycode(
    values: list[str | None], origin: str, destination: str, on: list[str | None], db: Database | None = None
) -> dict[str, Any]: ...
def build_extension(extra: list[str], out: str, force: bool = False) -> str: ...
def export(out: str, format: str = "csv", db: Database | None = None, force: bool = False) -> dict[str, Any]: ...

class MongoliaRelationsError(Exception):
    # Close matches of an unknown name, or the known values of a vocabulary; empty otherwise.
    suggestions: Sequence[str]

class UnknownPolityError(MongoliaRelationsError, LookupError):
    # From countrycode(strict=True): each value not converted, as {"index", "value", "reason",
    # "suggestions"}; empty otherwise.
    unmatched: Sequence[dict[str, Any]]

class UnknownPersonError(MongoliaRelationsError, LookupError): ...
class UnknownOrganizationError(MongoliaRelationsError, LookupError): ...
class InvalidFilterError(MongoliaRelationsError, ValueError): ...
class InvalidDateError(InvalidFilterError): ...

class FilterNotApplicableError(InvalidFilterError):
    query: str
    filter: str
    accepted: list[str]

class ReadOnlyError(MongoliaRelationsError): ...
class SqlError(MongoliaRelationsError): ...
class DatabaseFileError(MongoliaRelationsError): ...

class SeedError(MongoliaRelationsError):
    # Each invalid seed row as (file, line, message).
    problems: Sequence[tuple[str, int, str]]

class LimitError(MongoliaRelationsError): ...
class ResultTooLargeError(LimitError): ...
class QueryTooComplexError(LimitError): ...
class QueryTimeoutError(LimitError, TimeoutError): ...
class QueryMemoryError(LimitError, MemoryError): ...
class OutputExistsError(MongoliaRelationsError, FileExistsError): ...
