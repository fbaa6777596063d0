"""The exception hierarchy (defined in the native module, re-exported here)."""

from ._native import (
    DatabaseFileError,
    InvalidDateError,
    InvalidFilterError,
    MongoliaRelationsError,
    ReadOnlyError,
    SeedError,
    SqlError,
    UnknownOrganizationError,
    UnknownPersonError,
    UnknownPolityError,
)

__all__ = [
    "DatabaseFileError",
    "InvalidDateError",
    "InvalidFilterError",
    "MongoliaRelationsError",
    "ReadOnlyError",
    "SeedError",
    "SqlError",
    "UnknownOrganizationError",
    "UnknownPersonError",
    "UnknownPolityError",
]
