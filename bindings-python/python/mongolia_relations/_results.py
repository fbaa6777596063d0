"""Result sets: sequences of typed records that convert to DataFrames without a Python object per row."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any, overload

from . import _native
from ._records import RECORD_TYPES, Record


class ResultSet:
    """The rows of one query.

    A sequence of typed records (``len``, iteration, indexing; each query's documentation
    lists the columns) that also converts to pandas, polars and pyarrow, and implements the
    Arrow PyCapsule stream protocol (``__arrow_c_stream__``) so DuckDB and other Arrow
    consumers read it directly, without a Python object per row.

    Parameters
    ----------
    native : NativeResult
        The rows as the native module returns them (made by the queries, not by hand).
    db : str, optional
        The database file the rows come from; None for the embedded dataset.

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> events = mr.events(polity="North Korea", kind="treaty_signed")
    >>> events.kind, events[0].kind
    ('events', 'treaty_signed')
    >>> df = events.to_pandas()
    """

    def __init__(self, native: _native.NativeResult, db: str | None = None) -> None:
        self._native = native
        self._db = db
        self._type: type[Record] | None = RECORD_TYPES.get(native.kind)

    @property
    def kind(self) -> str:
        """What the rows are: ``events``, ``treaties``, ..., ``panel`` or ``sql``.

        Returns
        -------
        str
            The query that made the rows.
        """
        return self._native.kind

    @property
    def columns(self) -> list[str]:
        """Column names, in order (the attributes of the records, the columns of the frames).

        Returns
        -------
        list of str
            The names.
        """
        return self._native.columns

    def __len__(self) -> int:
        return len(self._native)

    def _make(self, index: int) -> Any:
        row = self._native.row(index)
        return self._type.from_row(row, self._db) if self._type else row

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"index {index} out of range for {n} rows")
        return self._make(index)

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield self._make(i)

    def __repr__(self) -> str:
        return f"<ResultSet of {len(self)} {self.kind}>"

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as dictionaries, one key per column.

        Returns
        -------
        list of dict
            One dict per row; sequences as lists, dates as ``datetime.date``.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.polities("Mongolia").to_dicts()[0]["cow_code"]
        712
        """
        return [self._native.row(i) for i in range(len(self))]

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """Export the rows as an Arrow C stream (the Arrow PyCapsule interface).

        Parameters
        ----------
        requested_schema : object, optional
            A schema capsule the consumer asks for; the rows keep their own schema.

        Returns
        -------
        object
            A PyCapsule named ``arrow_array_stream``, for pyarrow, polars, pandas and DuckDB.

        Examples
        --------
        >>> import duckdb
        >>> import mongolia_relations as mr
        >>> visits = mr.events(polity="North Korea", kind="visit")
        >>> duckdb.sql("SELECT count(*) FROM visits").fetchall() == [(len(visits),)]
        True
        """
        return self._native.__arrow_c_stream__(requested_schema)

    def to_arrow(self) -> Any:
        """The rows as a ``pyarrow.Table`` (needs pyarrow).

        Returns
        -------
        pyarrow.Table
            One column per column of the rows; vocabulary columns dictionary-encoded, dates as
            date32, unknown as null.

        Raises
        ------
        ImportError
            pyarrow is not installed (``pip install 'mongolia-relations[arrow]'``).

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> table = mr.events(polity="North Korea").to_arrow()
        >>> str(table.schema.field("start").type)
        'date32[day]'
        """
        try:
            import pyarrow as pa
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_arrow() needs pyarrow: pip install 'mongolia-relations[arrow]'") from e
        return pa.table(self)

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (needs pandas and pyarrow).

        Returns
        -------
        pandas.DataFrame
            One column per column of the rows: dates as datetime64, vocabularies as
            categoricals, whole numbers as ``Int64`` and booleans as ``boolean`` (nullable:
            unknown stays ``pd.NA``/NaT, never 0).

        Raises
        ------
        ImportError
            pandas or pyarrow is not installed (``pip install 'mongolia-relations[pandas]'``).

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> df = mr.events(polity="North Korea").to_pandas()
        >>> str(df["kind"].dtype)
        'category'
        """
        try:
            import pandas as pd
            import pyarrow as pa
        except ImportError as e:  # pragma: no cover
            raise ImportError("to_pandas() needs pandas and pyarrow: pip install 'mongolia-relations[pandas]'") from e

        # Nullable integers and booleans whatever the rows: numpy's would turn an integer column
        # with a gap into float64 and a boolean one into object, so that a subset and the whole
        # had different dtypes.
        nullable = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
        return self.to_arrow().to_pandas(date_as_object=False, types_mapper=nullable.get)

    def to_polars(self) -> Any:
        """The rows as a ``polars.DataFrame`` (needs polars).

        Returns
        -------
        polars.DataFrame
            One column per column of the rows: dates as Date, vocabularies as Categorical,
            unknown as null.

        Raises
        ------
        ImportError
            polars is not installed (``pip install 'mongolia-relations[polars]'``).

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> df = mr.events(polity="North Korea").to_polars()
        >>> df.height == len(mr.events(polity="North Korea"))
        True
        """
        try:
            import polars as pl
        except ImportError as e:  # pragma: no cover
            raise ImportError("to_polars() needs polars: pip install 'mongolia-relations[polars]'") from e
        return pl.DataFrame(self)

    def _repr_html_(self) -> str:
        shown = min(len(self), 20)
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = []
        for row in (self._native.row(i) for i in range(shown)):
            cells = []
            for c in self.columns:
                value = row.get(c)
                text = "" if value is None else "; ".join(map(str, value)) if isinstance(value, list) else str(value)
                cells.append(f"<td>{html.escape(text[:120])}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        more = f"<p>{len(self) - shown} more rows</p>" if len(self) > shown else ""
        table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        return f"<p>{len(self)} {html.escape(self.kind)}</p>{table}{more}"
