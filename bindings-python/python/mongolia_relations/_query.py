"""The queries, on the embedded dataset or on a database file."""

from __future__ import annotations

import datetime as _dt
import os
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


class Database:
    """A dataset to query: the embedded one (``path=None``) or a file built by this library."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = None if path is None else os.fspath(path)

    def __repr__(self) -> str:
        return f"Database({self.path!r})" if self.path else "Database(<embedded>)"

    def _run(self, query: str, text: str | None = None, /, **filters: str | None) -> ResultSet:
        given = {k: v for k, v in filters.items() if v is not None}
        return ResultSet(_native.query(query, given, self.path, text), self.path)

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
    ) -> ResultSet:
        """Events; a date filter keeps events whose date may fall in the range."""
        return self._run(
            "events",
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
    ) -> ResultSet:
        """Treaties with their dates; ``in_force_on`` keeps those in force on that day."""
        return self._run(
            "treaties",
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
    ) -> ResultSet:
        """Ambassadors and other diplomats; ``polity`` matches either side."""
        return self._run(
            "postings",
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
    ) -> ResultSet:
        """Memberships in international organizations; ``kind`` is the status."""
        return self._run(
            "memberships",
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
    ) -> ResultSet:
        """Numeric series such as trade; unknown values are None, never 0."""
        return self._run(
            "observations",
            polity=_text("polity", polity),
            indicator=_text("indicator", indicator),
            start=_date("start", start),
            end=_date("end", end),
        )

    def polities(self, polity: str | int | None = None) -> ResultSet:
        """States with ISO and COW codes; historical states as themselves."""
        return self._run("polities", polity=_text("polity", polity))

    def codes(
        self,
        polity: str | int | None = None,
        scheme: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
    ) -> ResultSet:
        """The code crosswalk (ISO 3166, COW, Gleditsch-Ward): every code a polity has had, with the
        days it holds; ``scheme`` is iso2, iso3, iso_numeric, cow, cow_abbrev or gw; ``start``/``end``
        keep codes valid at some time in the range."""
        return self._run(
            "codes",
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

    def persons(self, person: str | int | None = None, polity: str | int | None = None) -> ResultSet:
        """People with every spelling the sources use."""
        return self._run("persons", person=_text("person", person), polity=_text("polity", polity))

    def organizations(self, organization: str | None = None) -> ResultSet:
        """International organizations."""
        return self._run("organizations", organization=_text("organization", organization))

    def sources(self) -> ResultSet:
        """Every source document."""
        return self._run("sources")

    def disputes(self, polity: str | int | None = None) -> ResultSet:
        """Disagreements between sources, each side with its sources."""
        return self._run("disputes", polity=_text("polity", polity))

    def coverage(self) -> ResultSet:
        """Every UN member (and the Holy See, Palestine) with its earliest cited relations date."""
        return self._run("coverage")

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
        self, start: int | None = None, end: int | None = None, polity: str | list[str] | None = None
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
            start=None if start is None else str(start),
            end=None if end is None else str(end),
            partners=None if partners is None else ";".join(partners),
        )

    def search(self, text: str) -> ResultSet:
        """Full-text search over event summaries (SQLite FTS5 syntax)."""
        if not isinstance(text, str):
            raise InvalidFilterError(f"search text must be a string, not {type(text).__name__}")
        return self._run("search", text)

    def sql(self, query: str) -> ResultSet:
        """Run one read-only SQL statement; any write raises ReadOnlyError."""
        if not isinstance(query, str):
            raise InvalidFilterError(f"sql query must be a string, not {type(query).__name__}")
        return self._run("sql", query)

    def _key(self, record: Record | tuple[str, object]) -> str:
        if isinstance(record, Record):
            return f"{record.table}:{getattr(record, record.key)}"
        if isinstance(record, tuple) and len(record) == 2:
            return f"{record[0]}:{record[1]}"
        raise InvalidFilterError("pass a record or a (table, id) pair, e.g. ('events', 12)")

    def citations(self, record: Record | tuple[str, object]) -> ResultSet:
        """The citations of a record (or of ``(table, id)``): source, locator, phrase."""
        return self._run("citations", self._key(record))

    def disputes_of(self, record: Record | tuple[str, object]) -> ResultSet:
        """The disputes that concern a record (or ``(table, id)``)."""
        return self._run("disputes_of", self._key(record))

    def cite(self, format: str = "text") -> str:
        """The citation of the dataset, ``format`` ``"text"`` or ``"bibtex"``."""
        return _native.cite(format, self.path)

    def export(self, out: str | os.PathLike[str], format: str = "csv") -> dict[str, Any]:
        """Write every table (``csv``, ``jsonl`` or ``parquet``), the SQLite file, an ICEWS-layout
        event file and ``manifest.json`` into the folder ``out``; return the manifest."""
        return _native.export(os.fspath(out), format, self.path)

    def metadata(self) -> dict[str, Any]:
        """Dataset version, schema version, content hash and (embedded) file SHA-256."""
        return _native.metadata(self.path)
