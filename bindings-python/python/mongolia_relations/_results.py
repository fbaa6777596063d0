"""Result sets: sequences of typed records that convert to DataFrames without a Python object per row."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any, Generic, TypeVar, overload

from . import _native
from ._records import RECORD_TYPES, Record

#: The type of a result's rows: a record class (``ResultSet[Event]``), or ``dict[str, Any]`` for
#: ``sql``. Covariant: a ``ResultSet[Event]`` is a ``ResultSet[Record]``.
R_co = TypeVar("R_co", covariant=True)


# Generic, not a collections.abc.Sequence: polars takes a Sequence for a list of rows and would
# then build a frame row by row instead of reading the Arrow stream.
class ResultSet(Generic[R_co]):
    """The rows of one query.

    A sequence of typed records (``len``, iteration, indexing; each query's documentation
    lists the columns; ``ResultSet[Event]`` to a type checker) that also converts to pandas,
    polars and pyarrow, and implements the Arrow PyCapsule stream protocol
    (``__arrow_c_stream__``) so DuckDB and other Arrow consumers read it directly, without a
    Python object per row.

    Parameters
    ----------
    native : NativeResult
        The rows as the native module returns them (made by the queries, not by hand).
    db : _native.Database, optional
        The opened database file the rows come from (its connections); None for the
        embedded dataset.

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> events = mr.events(polity="North Korea", kind="treaty_signed")
    >>> events.kind, events[0].kind
    ('events', 'treaty_signed')
    >>> df = events.to_pandas()
    """

    def __init__(self, native: _native.NativeResult, db: _native.Database | None = None) -> None:
        self._native = native
        self._db = db
        self._type: type[Record] | None = RECORD_TYPES.get(native.kind)

    @property
    def kind(self) -> str:
        """What the rows are: ``events``, ``treaties``, ..., ``dyad_years`` or ``sql``.

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

    def _make(self, index: int) -> R_co:
        row = self._native.row(index)
        # The record class is the one of this query's kind, which is what R_co names. No
        # typing.cast: this runs once per row, and a cast is a call.
        return self._type.from_row(row, self._db) if self._type else row  # type: ignore[return-value]

    @overload
    def __getitem__(self, index: int) -> R_co: ...
    @overload
    def __getitem__(self, index: slice) -> list[R_co]: ...
    def __getitem__(self, index: int | slice) -> R_co | list[R_co]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"index {index} out of range for {n} rows")
        return self._make(index)

    def __iter__(self) -> Iterator[R_co]:
        if self._type is not None:
            # All records at once from the native rows: no dictionary per row in between.
            yield from self._native.records(self._type, self._db)
            return
        for i in range(len(self)):
            yield self._make(i)

    def __repr__(self) -> str:
        n = len(self)
        head = f"<ResultSet: {n} {self.kind} row{'' if n == 1 else 's'}>"
        if not n:
            return head
        columns, rows, _ = self._preview(_REPR_ROWS, _REPR_CELL)
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
        # As many columns as fit a console line; the rest are named.
        kept, used = 0, 0
        for w in widths:
            if kept and used + w > _REPR_WIDTH:
                break
            kept, used = kept + 1, used + w + 2
        lines = [head, "  ".join(c.ljust(w) for c, w in zip(columns[:kept], widths, strict=False)).rstrip()]
        lines += ["  ".join(v.ljust(w) for v, w in zip(r[:kept], widths, strict=False)).rstrip() for r in rows]
        if n > len(rows):
            lines.append(f"... {n - len(rows)} more rows")
        if kept < len(columns):
            more = f"... {len(columns) - kept} more columns: {', '.join(columns[kept:])}"
            lines.append(_shorten(more, _REPR_WIDTH - 20) + " (to_pandas() shows all)")
        return "\n".join(lines)

    def _preview(self, count: int, cut: int) -> tuple[list[str], list[list[str]], list[bool]]:
        """The first ``count`` rows as text cut to ``cut`` characters, without the columns that
        have no value in them, and whether each column holds numbers (ints and floats only:
        a year or a code kept as text, "1948" or "020", is no number to right-align)."""
        rows = [self._native.row(i) for i in range(min(len(self), count))]
        columns = [c for c in self.columns if any(_cell(r.get(c)) for r in rows)] or self.columns
        numeric = [
            all(
                isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool)
                for r in rows
                if r.get(c) is not None
            )
            for c in columns
        ]
        return columns, [[_shorten(_cell(r.get(c)), cut) for c in columns] for r in rows], numeric

    def cite_sources(self, format: str = "bibtex") -> str:
        """The references of the sources behind these rows, as peacesciencer's ``ps_cite`` does.

        Parameters
        ----------
        format : str
            ``"bibtex"`` (default, ``@misc`` entries keyed by source id), ``"biblatex"`` or
            ``"text"``.

        Returns
        -------
        str
            One entry per source, sorted by id, each once.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.events(polity="North Korea").cite_sources().startswith("@misc{")
        True
        """
        if self.kind == "sql":
            ids = sorted({str(r["source"]) for r in self.to_dicts() if r.get("source")})
            return _native.cite_source_ids(ids, format, self._db)
        return self._native.cite_sources(format, self._db)

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

    def to_pandas(self, dtype_backend: str | None = None) -> Any:
        """The rows as a ``pandas.DataFrame`` (needs pandas and pyarrow).

        The dtypes are those of the record kind, whatever rows were asked for: a subset's frame
        has the whole table's dtypes, and the categories of a categorical are its whole
        vocabulary, so frames of two queries concatenate and join.

        Parameters
        ----------
        dtype_backend : {None, "numpy_nullable", "pyarrow"}
            As in ``pandas.read_parquet``: None (default) gives numpy dtypes except that whole
            numbers are ``Int64`` and booleans ``boolean``; ``"numpy_nullable"`` also makes
            floats ``Float64`` and text ``string``; ``"pyarrow"`` gives ``pd.ArrowDtype``
            columns. Categoricals stay ``CategoricalDtype`` except under ``"pyarrow"``.

        Returns
        -------
        pandas.DataFrame
            One column per column of the rows: dates as datetime64, vocabularies as
            categoricals, whole numbers as ``Int64`` and booleans as ``boolean`` (nullable:
            unknown stays ``pd.NA``/NaT, never 0), participants and claims as lists of dicts.

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

        table = self.to_arrow()
        if dtype_backend == "pyarrow":
            return table.to_pandas(types_mapper=pd.ArrowDtype)
        # Nullable integers and booleans whatever the rows: numpy's would turn an integer column
        # with a gap into float64 and a boolean one into object, so that a subset and the whole
        # had different dtypes.
        nullable: dict[Any, Any] = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
        if dtype_backend == "numpy_nullable":
            nullable.update({pa.float64(): pd.Float64Dtype(), pa.string(): pd.StringDtype()})
        elif dtype_backend is not None:
            raise ValueError(f"dtype_backend must be None, 'numpy_nullable' or 'pyarrow', not {dtype_backend!r}")
        return table.to_pandas(date_as_object=False, types_mapper=nullable.get)

    def to_polars(self) -> Any:
        """The rows as a ``polars.DataFrame`` (needs polars).

        Returns
        -------
        polars.DataFrame
            One column per column of the rows: dates as Date, vocabularies as ``Enum`` with
            the whole vocabulary as categories, participants and claims as lists of structs,
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
        df = pl.DataFrame(self)
        # Keys typed loosely: polars' cast takes column names among selectors and types.
        enums: dict[Any, pl.DataType] = {
            name: pl.Enum(categories) for name, categories in self._native.categories().items()
        }
        return df.cast(enums) if enums else df

    def _repr_html_(self) -> str:
        n = len(self)
        columns, rows, numeric = self._preview(_HTML_ROWS, _HTML_CELL)
        shown = f"first {len(rows)} shown" if n > len(rows) else "all shown"
        caption = (
            f'<caption style="caption-side:top;text-align:left;padding:4px 0;font-weight:bold">'
            f"{html.escape(self.kind)} &middot; {n} row{'' if n == 1 else 's'}"
            f'<span style="font-weight:normal;opacity:0.7"> ({shown})</span></caption>'
        )
        th = "text-align:left;padding:3px 8px;border-bottom:1px solid currentColor;white-space:nowrap"
        head = "".join(f'<th style="{th}">{html.escape(c)}</th>' for c in columns)
        body = []
        for k, row in enumerate(rows):
            shade = "background:rgba(127,127,127,0.08);" if k % 2 else ""
            cells = "".join(
                f'<td style="text-align:{"right" if num else "left"};padding:3px 8px;vertical-align:top;'
                f'{"white-space:nowrap;" if len(v) <= 24 else "min-width:16em;"}">{html.escape(v)}</td>'
                for v, num in zip(row, numeric, strict=True)
            )
            body.append(f'<tr style="{shade}">{cells}</tr>')
        table = (
            '<table class="mongolia-relations" style="border-collapse:collapse;font-size:0.9em">'
            f"{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )
        more = f'<p style="opacity:0.7">{n - len(rows)} more rows: to_pandas() for all</p>' if n > len(rows) else ""
        return f"<div>{table}{more}</div>"


_REPR_ROWS = 5
_REPR_CELL = 30
_REPR_WIDTH = 100
_HTML_ROWS = 20
_HTML_CELL = 120


def _cell(value: object) -> str:
    """A value as the text a table shows: lists joined with "; ", nothing for None."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("value", value.get("name", value)))
    return str(value).replace("\n", " ")


def _shorten(text: str, cut: int) -> str:
    return text if len(text) <= cut else text[: cut - 1] + "\u2026"
