"""The queries, on the embedded dataset or on a database file."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable
from typing import Any

from . import _native
from ._native import InvalidDateError, InvalidFilterError
from ._records import Record
from ._results import ResultSet

DateLike = str | int | _dt.date


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidFilterError(f"{name} must be a string (a name or code), not {type(value).__name__}: {value!r}")
    return str(value)


def _date(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    if isinstance(value, str):
        return value
    raise InvalidDateError(
        f"{name} must be an EDTF string ('1986', '1988-06'), a year as int, or a datetime.date; "
        f"not {type(value).__name__}: {value!r}"
    )


def _limits(**given: float | None) -> dict[str, float]:
    limits = {}
    for name, value in given.items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidFilterError(f"{name} must be a number, not {type(value).__name__}: {value!r}")
        limits[name] = float(value)
    return limits


class Database:
    """A dataset to query: the embedded one (``path=None``) or a file built by this library.

    Every query stops after ``timeout`` seconds (default 5) with QueryTimeoutError; each query
    method also takes ``timeout=`` for that call. Ctrl-C interrupts a running query
    (KeyboardInterrupt).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float | None = None) -> None:
        self.path = None if path is None else os.fspath(path)
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"Database({self.path!r})" if self.path else "Database(<embedded>)"

    def _run(
        self,
        query: str,
        text: str | None = None,
        /,
        *,
        timeout: float | None = None,
        limits: dict[str, float] | None = None,
        **filters: str | None,
    ) -> ResultSet:
        given = {k: v for k, v in filters.items() if v is not None}
        bounds = _limits(timeout=self.timeout if timeout is None else timeout) | (limits or {})
        return ResultSet(_native.query(query, given, self.path, text, bounds), self.path)

    def events(
        self,
        polity: str | int | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        person: str | int | None = None,
        organization: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Events; a date filter keeps events whose date may fall in the range."""
        return self._run(
            "events",
            timeout=timeout,
            polity=_text("polity", polity),
            kind=_text("kind", kind),
            start=_date("start", start),
            end=_date("end", end),
            person=_text("person", person),
            organization=_text("organization", organization),
            cameo=_text("cameo", cameo),
            plover=_text("plover", plover),
        )

    def treaties(
        self,
        polity: str | int | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        in_force_on: DateLike | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Treaties with their dates; ``in_force_on`` keeps those in force on that day."""
        return self._run(
            "treaties",
            timeout=timeout,
            polity=_text("polity", polity),
            kind=_text("kind", kind),
            start=_date("start", start),
            end=_date("end", end),
            in_force_on=_date("in_force_on", in_force_on),
        )

    def postings(
        self,
        polity: str | int | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        person: str | int | None = None,
        sending: str | int | None = None,
        receiving: str | int | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Ambassadors and other diplomats; ``polity`` matches either side."""
        return self._run(
            "postings",
            timeout=timeout,
            polity=_text("polity", polity),
            start=_date("start", start),
            end=_date("end", end),
            person=_text("person", person),
            sending=_text("sending", sending),
            receiving=_text("receiving", receiving),
        )

    def missions(
        self,
        polity: str | int | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        sending: str | int | None = None,
        receiving: str | int | None = None,
    ) -> ResultSet:
        """Embassies, consulates and non-resident accreditations; ``polity`` matches either side,
        ``kind`` is a mission kind (``embassy``, ``accredited_from``, ...); a date range keeps
        missions that may have been open in it (undated ones always)."""
        return self._run(
            "missions",
            polity=_text("polity", polity),
            kind=_text("kind", kind),
            start=_date("start", start),
            end=_date("end", end),
            sending=_text("sending", sending),
            receiving=_text("receiving", receiving),
        )

    def memberships(
        self,
        polity: str | int | None = None,
        organization: str | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Memberships in international organizations; ``kind`` is the status."""
        return self._run(
            "memberships",
            timeout=timeout,
            polity=_text("polity", polity),
            organization=_text("organization", organization),
            kind=_text("kind", kind),
            start=_date("start", start),
            end=_date("end", end),
        )

    def observations(
        self,
        polity: str | int | None = None,
        indicator: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Numeric series such as trade; unknown values are None, never 0."""
        return self._run(
            "observations",
            timeout=timeout,
            polity=_text("polity", polity),
            indicator=_text("indicator", indicator),
            start=_date("start", start),
            end=_date("end", end),
        )

    def polities(self, polity: str | int | None = None, *, timeout: float | None = None) -> ResultSet:
        """States with ISO and COW codes; historical states as themselves."""
        return self._run("polities", polity=_text("polity", polity), timeout=timeout)

    def codes(
        self,
        polity: str | int | None = None,
        scheme: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """The code crosswalk (ISO 3166, COW, Gleditsch-Ward): every code a polity has had, with the
        days it holds; ``scheme`` is iso2, iso3, iso_numeric, cow, cow_abbrev or gw; ``start``/``end``
        keep codes valid at some time in the range."""
        return self._run(
            "codes",
            timeout=timeout,
            polity=_text("polity", polity),
            kind=_text("scheme", scheme),
            start=_date("start", start),
            end=_date("end", end),
        )

    def polity_for_code(self, scheme: str, code: str | int, on: DateLike | None = None) -> str:
        """The polity a code denoted on a day, e.g. ``polity_for_code("cow", 365, on=1960)`` is
        ``"SUN"`` (the USSR) and ``on=2000`` gives ``"RUS"``. The join key for COW, G&W or V-Dem
        country-years; ``on`` may be left out when the code only ever denoted one polity."""
        return _native.polity_for_code(
            _text("scheme", scheme) or "", _text("code", code) or "", _date("on", on), self.path
        )

    def persons(
        self, person: str | int | None = None, polity: str | int | None = None, *, timeout: float | None = None
    ) -> ResultSet:
        """People with every spelling the sources use."""
        return self._run("persons", person=_text("person", person), polity=_text("polity", polity), timeout=timeout)

    def organizations(self, organization: str | None = None, *, timeout: float | None = None) -> ResultSet:
        """International organizations."""
        return self._run("organizations", organization=_text("organization", organization), timeout=timeout)

    def sources(self, *, timeout: float | None = None) -> ResultSet:
        """Every source document."""
        return self._run("sources", timeout=timeout)

    def disputes(self, polity: str | int | None = None, *, timeout: float | None = None) -> ResultSet:
        """Disagreements between sources, each side with its sources."""
        return self._run("disputes", polity=_text("polity", polity), timeout=timeout)

    def coverage(self, *, timeout: float | None = None) -> ResultSet:
        """Every UN member (and the Holy See, Palestine) with its earliest cited relations date."""
        return self._run("coverage", timeout=timeout)

    def unga_votes(
        self,
        polity: str | int | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        issue: str | None = None,
    ) -> ResultSet:
        """Votes in the UN General Assembly roll calls in which Mongolia voted, one row per roll call
        and voter (Mongolia, both Koreas, the USSR or Russia, China, the US, Japan), each beside
        Mongolia's vote; ``polity`` keeps one voter, ``issue`` one issue code (me, nu, di, hr, co,
        ec). For a column per voter: ``df.pivot(index="rcid", columns="polity", values="vote")``."""
        return self._run(
            "unga_votes",
            polity=_text("polity", polity),
            start=_date("start", start),
            end=_date("end", end),
            issue=_text("issue", issue),
        )

    def unga_agreement(
        self,
        polity: str | int | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
    ) -> ResultSet:
        """Mongolia's yearly agreement with each member in UN General Assembly votes; keep
        ``n_votes`` beside every value (thin years are noisy)."""
        return self._run(
            "unga_agreement",
            polity=_text("polity", polity),
            start=_date("start", start),
            end=_date("end", end),
        )

    def dyad_years(
        self,
        start: int | None = None,
        end: int | None = None,
        polity: str | list[str] | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """The dyad-year panel of Mongolia and its partners (codebook in the README).

        One row per (partner, year) both existed; NA (None/NaN) where no source covers a cell.
        """
        partners = [polity] if isinstance(polity, str) else polity
        if partners is not None and not all(isinstance(p, str) for p in partners):
            raise InvalidFilterError("polity must be a name or code, or a list of them")
        for name, value in (("start", start), ("end", end)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise InvalidDateError(f"{name} must be a year as int, not {type(value).__name__}: {value!r}")
        return self._run(
            "panel",
            timeout=timeout,
            start=None if start is None else str(start),
            end=None if end is None else str(end),
            partners=None if partners is None else ";".join(partners),
        )

    def search(self, text: str, *, timeout: float | None = None) -> ResultSet:
        """Full-text search over event summaries (SQLite FTS5 syntax)."""
        if not isinstance(text, str):
            raise InvalidFilterError(f"search text must be a string, not {type(text).__name__}")
        return self._run("search", text, timeout=timeout)

    def sql(
        self,
        query: str,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
        max_value_bytes: int | None = None,
        max_memory: int | None = None,
    ) -> ResultSet:
        """Run one read-only SQL statement; any write raises ReadOnlyError.

        Bounds (each raising a LimitError subclass that names it): ``timeout`` seconds (default
        5, QueryTimeoutError), ``max_rows`` (default 1,000,000) and ``max_bytes`` (default
        256 MiB, at most 2 GiB - 1) of the result, ``max_value_bytes`` for one string or blob
        (default 16 MiB) (ResultTooLargeError), ``max_memory`` bytes of working memory for sorts
        and DISTINCT (default 256 MiB, QueryMemoryError).
        """
        if not isinstance(query, str):
            raise InvalidFilterError(f"sql query must be a string, not {type(query).__name__}")
        limits = _limits(max_rows=max_rows, max_bytes=max_bytes, max_value_bytes=max_value_bytes, max_memory=max_memory)
        return self._run("sql", query, timeout=timeout, limits=limits)

    def _key(self, record: Record | tuple[str, object]) -> str:
        if isinstance(record, Record):
            return f"{record.table}:{getattr(record, record.key)}"
        if isinstance(record, tuple) and len(record) == 2:
            return f"{record[0]}:{record[1]}"
        raise InvalidFilterError("pass a record or a (table, id) pair, e.g. ('events', 12)")

    def citations(self, record: Record | tuple[str, object], *, timeout: float | None = None) -> ResultSet:
        """The citations of a record (or of ``(table, id)``): source, locator, phrase."""
        return self._run("citations", self._key(record), timeout=timeout)

    def disputes_of(self, record: Record | tuple[str, object], *, timeout: float | None = None) -> ResultSet:
        """The disputes that concern a record (or ``(table, id)``)."""
        return self._run("disputes_of", self._key(record), timeout=timeout)

    def _record_sources(self, record: Record) -> list[str]:
        """The ids of the sources one record rests on."""
        if record.table == "sources":
            return [str(getattr(record, record.key))]
        claims = getattr(record, "claims", None)
        if isinstance(claims, tuple | list):
            return sorted({s for claim in claims for s in (claim.get("sources") or ())})
        own = getattr(record, "sources", None)
        if isinstance(own, tuple | list):
            return list(own)
        single = getattr(record, "source", None)
        if isinstance(single, str):
            return [single]
        return sorted({c.source for c in self.citations(record)})

    def cite(self, format: str = "bibtex") -> str:
        """The citation of the dataset, with its version and content hash.

        Parameters
        ----------
        format : str
            ``"bibtex"`` (default): a BibTeX ``@misc`` entry, which BibTeX, natbib and every
            reference manager read; ``"biblatex"``: a biblatex ``@dataset`` entry; ``"text"``:
            a plain-text reference.

        Returns
        -------
        str
            The entry; a URL only where the dataset's metadata names one.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.cite().startswith("@misc{mongolia_relations_")
        True
        """
        return _native.cite(format, self.path)

    def cite_sources(self, result: ResultSet | Record | Iterable[str], format: str = "bibtex") -> str:
        """The references of the sources behind a result, as peacesciencer's ``ps_cite`` does.

        Parameters
        ----------
        result : ResultSet, Record or iterable of str
            Rows of any query (their ``sources`` and ``source`` fields, a dispute's claims, a
            polity's citations), one record, or source ids.
        format : str
            ``"bibtex"`` (default: ``@misc`` entries keyed by the source's id, stable across
            versions), ``"biblatex"`` (``@online`` for a source with a URL) or ``"text"``.

        Returns
        -------
        str
            One entry per source, sorted by id, each once.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> bib = mr.cite_sources(mr.events(polity="North Korea", kind="relations_established"))
        >>> bib.startswith("@misc{doc001,")
        True
        """
        if isinstance(result, ResultSet):
            return result.cite_sources(format)
        if isinstance(result, Record):
            return self.cite_sources(self._record_sources(result), format)
        if isinstance(result, str):
            raise InvalidFilterError(f"pass a result, a record or a list of source ids, not one string: [{result!r}]")
        ids = list(result)
        if not all(isinstance(i, str) for i in ids):
            raise InvalidFilterError("cite_sources takes a ResultSet, a record or source ids (strings)")
        return _native.cite_source_ids(ids, format, self.path)

    def export(self, out: str | os.PathLike[str], format: str = "csv", *, force: bool = False) -> dict[str, Any]:
        """Write every table (``csv``, ``jsonl`` or ``parquet``), the SQLite file, an ICEWS-layout
        event file and ``manifest.json`` into the folder ``out``; return the manifest.

        Files already in ``out`` raise OutputExistsError unless ``force=True``; files are written
        under temporary names and renamed into place when all are complete; symlinks in ``out``
        are replaced, never followed."""
        return _native.export(os.fspath(out), format, self.path, force)

    def verify(self) -> dict[str, Any]:
        """Recompute the content hash from the rows and compare it with the claimed one:
        ``{"claimed": ..., "actual": ..., "matches": bool}``."""
        return _native.verify(self.path)

    def metadata(self) -> dict[str, Any]:
        """Dataset version, schema version, content hash and (embedded) file SHA-256. For a file,
        ``content_hash`` is recomputed from its rows; ``claimed_content_hash`` is the file's claim."""
        return _native.metadata(self.path)
