"""The base class of the record classes (generated into ``_records.py``) and the column docs of a class."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, ClassVar

from . import _native


@dataclasses.dataclass(frozen=True)
class Record:
    """Base class of every record: attribute access, equality, ``repr`` and ``to_dict()``.

    Records are frozen dataclasses made by a :class:`ResultSet` from the rows of a query; each
    subclass documents its fields (the columns of its result) under Attributes. Every record of
    a fact table can list the sources behind it (:meth:`citations`) and the disagreements
    between them (:meth:`disputes`).
    """

    table: ClassVar[str] = ""
    key: ClassVar[str] = "id"
    _db: _native.Database | None = dataclasses.field(default=None, repr=False, compare=False, kw_only=True)

    @classmethod
    def from_row(cls, row: dict[str, Any], db: _native.Database | None = None) -> Record:
        # The row comes from the native layout of exactly these fields, so the generated
        # __init__ (one frozen __setattr__ per field) can be skipped: this is the hot path of
        # iterating a result set.
        record = object.__new__(cls)
        values = record.__dict__
        for key, value in row.items():
            values[key] = tuple(value) if isinstance(value, list) else value
        values["_db"] = db
        return record

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dictionary.

        Returns
        -------
        dict
            One key per attribute (column), in order; sequences (``sources``, ``polities``,
            ...) as lists.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> event = mr.events(polity="North Korea", kind="relations_established")[0]
        >>> event.to_dict()["date"]
        '1948-10-15'
        """
        out = {}
        for f in dataclasses.fields(self):
            if f.name.startswith("_"):
                continue
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    def citations(self) -> Any:
        """The sources cited for this record, with where in each the fact stands.

        Returns
        -------
        ResultSet
            One :class:`Citation` per source cited (``source``, ``source_title``, ``locator``,
            ``quote``, ...).

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> event = mr.events(polity="North Korea", kind="relations_established")[0]
        >>> all(c.locator for c in event.citations())
        True
        """
        from . import _query

        return _query.Database._of(self._db).citations(self)

    def disputes(self) -> Any:
        """The disagreements between sources that concern this record.

        Returns
        -------
        ResultSet
            One :class:`Dispute` per disagreement, each side with its sources; empty when the
            sources agree.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> event = mr.events(polity="North Korea", kind="relations_established")[0]
        >>> all(d.claims for d in event.disputes())
        True
        """
        from . import _query

        return _query.Database._of(self._db).disputes_of(self)


def columns_doc(record: type[Record]) -> str:
    """The Attributes section of a record class's docstring: its columns, one definition each.

    Parameters
    ----------
    record : type
        A subclass of :class:`Record`.

    Returns
    -------
    str
        The section's entries (``name : type`` lines with indented descriptions), unindented,
        for the Returns section of the queries that give such records.
    """
    doc = inspect.cleandoc(record.__doc__ or "")
    _, _, section = doc.partition("Attributes\n----------\n")
    return section.strip("\n")
