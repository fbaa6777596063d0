"""The queries, on the embedded dataset or on a database file."""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
import math
import os
import re
import textwrap
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar, cast

from . import _native
from ._native import InvalidDateError, InvalidFilterError, UnknownPolityError
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
    columns_doc,
)
from ._results import ResultSet

DateLike = str | int | _dt.date
PolityLike = str | int | Sequence[str | int]

# Parameters and errors that many queries share, described once; a docstring line that is only ``{name}``
# is replaced by the entry (``{columns}`` by the columns of the query's record type), so that
# help() shows every query complete without a copy of the text in each.
_SHARED_PARAMETERS = {
    "polity": """polity : str, int or list of them, optional
    A state in any form: a code (``PRK``, ``KP``), a name or alias (``"North Korea"``,
    ``"DPRK"``), a COW number (``731`` or ``"cow:731"``), a Gleditsch-Ward number
    (``"gw:731"``), an ISO numeric code (``"iso:408"``) or a former ISO code (``"ZAR"``); a
    list keeps the rows of any of them. Historical states are themselves: the USSR is
    ``SUN``, not Russia.""",
    "start": """start : str, int or datetime.date, optional
    Earliest date: EDTF (``"1986"``, ``"1988-06"``), a year as int, or a date. Keeps the rows
    whose date may fall on or after its first day.""",
    "end": """end : str, int or datetime.date, optional
    Latest date, in the same forms: keeps the rows whose date may fall on or before its last
    day (``start=1986, end=1986`` keeps all that can be in 1986).""",
    "timeout": """timeout : float, optional
    Seconds before the query stops with QueryTimeoutError (default: the database's, 5).""",
    # Raises entries, likewise.
    "raises_polity": """UnknownPolityError
    The polity matches no state (``.suggestions`` lists close ones).""",
    "raises_date": """InvalidDateError
    A date is not EDTF, or ``end`` is before ``start``.""",
    "raises_timeout": """QueryTimeoutError
    The query ran past ``timeout``.""",
}
# Which filters each query takes: the one definition, in the Rust crate (`Query::filters`).
_QUERY_FILTERS: dict[str, list[str]] = _native.query_filters()
_ALL_FILTERS = frozenset(name for names in _QUERY_FILTERS.values() for name in names)
_PLACEHOLDER = re.compile(r"^( *)\{(\w+)\}$", re.M)
_F = TypeVar("_F", bound=Callable[..., Any])


def _documented(record: type[Record] | None = None) -> Callable[[_F], _F]:
    """Fill a query's docstring placeholders: shared parameters and the record's columns."""

    def fill(method: _F) -> _F:
        def entry(match: re.Match[str]) -> str:
            name = match.group(2)
            if name == "columns":
                assert record is not None, f"{method.__name__} names columns but no record type"
                text = columns_doc(record)
            else:
                text = _SHARED_PARAMETERS[name]
            return textwrap.indent(text, match.group(1))

        method.__doc__ = _PLACEHOLDER.sub(entry, method.__doc__ or "")
        if method.__name__ not in _QUERY_FILTERS:
            return method
        own = set(inspect.signature(method).parameters)

        @functools.wraps(method)
        def checked(self: Database, *args: Any, **kwargs: Any) -> Any:
            # A filter of another query is refused by the native check, naming the filters this
            # query takes (FilterNotApplicableError), not with Python's bare TypeError.
            foreign = (kwargs.keys() - own) & _ALL_FILTERS
            if foreign:
                _native.query(method.__name__, {name: kwargs[name] for name in foreign})
            return method(self, *args, **kwargs)

        return cast(_F, checked)

    return fill


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidFilterError(f"{name} must be a string (a name or code), not {type(value).__name__}: {value!r}")
    return str(value)


class UnmatchedWarning(UserWarning):
    """Values that ``countrycode`` could not convert (listed in the message, with close matches)."""


def _missing(value: object) -> bool:
    """None, NaN or pandas' NA: a missing value, which converts to None without a warning."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


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


def _filters(arguments: dict[str, Any]) -> dict[str, Any]:
    """A query method's filter arguments, from its ``locals()``."""
    return {k: v for k, v in arguments.items() if k not in ("self", "timeout")}


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

    The module-level functions (``mr.events``, ``mr.treaties``, ...) are the methods of the
    embedded dataset's Database. Every query stops after ``timeout`` seconds (default 5) with
    QueryTimeoutError; each query method also takes ``timeout=`` for that call. Ctrl-C
    interrupts a running query (KeyboardInterrupt).

    Parameters
    ----------
    path : str or os.PathLike, optional
        A database file built by this library (``mongolia-relations build --extra``,
        :func:`mongolia_relations.build_extension`), opened and checked at once; None for the
        embedded dataset. Each thread that queries it keeps its own connection to the file.
    timeout : float, optional
        The default deadline of every query, in seconds.

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> db = mr.Database(timeout=10)
    >>> len(db.events(polity="North Korea")) == len(mr.events(polity="North Korea"))
    True
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float | None = None) -> None:
        self.path = None if path is None else os.fspath(path)
        self.timeout = timeout
        # Keeps one connection to the file per thread that queries it (statements prepared,
        # names resolved once); opening it here raises DatabaseFileError for a bad file.
        self._handle = None if self.path is None else _native.Database(self.path)

    @classmethod
    def _of(cls, handle: _native.Database | None) -> Database:
        """The Database of a native handle (the one a result or record came from)."""
        db = cls.__new__(cls)
        db.path, db.timeout, db._handle = (None if handle is None else handle.path), None, handle
        return db

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
        **filters: object,
    ) -> ResultSet:
        # The values go as Python gave them: the native side reads each in the one form its
        # filter takes (the same as in Rust and on the command line) and refuses the filters
        # the query does not take.
        given = {k: v for k, v in filters.items() if v is not None}
        bounds = _limits(timeout=self.timeout if timeout is None else timeout) | (limits or {})
        return ResultSet(_native.query(query, given, self._handle, text, bounds), self._handle)

    @_documented(Event)
    def events(
        self,
        polity: PolityLike | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        person: str | int | None = None,
        organization: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        *,
        context: bool = False,
        involving: str | int | None = None,
        level: str | None = None,
        channel: str | None = None,
        timeout: float | None = None,
    ) -> ResultSet:
        """Mongolia's events, in date order, with the sources behind each.

        By default the events Mongolia takes part in as a side or as host; with ``polity``, those
        of Mongolia together with that state. ``mongolia_role`` marks each (``party``, ``host``,
        ``third_party``, ``none``).

        A date filter keeps every event whose date *may* fall in the range: an event dated
        ``"197X"`` is kept by ``start=1975, end=1975``. Look at ``precision`` and ``certainty``
        before treating a date as a day.

        Parameters
        ----------
        {polity}
            Keeps events of Mongolia with that state (the state a side of its own).
        kind : str, optional
            An event kind of the ``event_kinds`` vocabulary: ``visit``, ``meeting``,
            ``treaty_signed``, ``relations_established``, ``aid``, ``statement``, ...
        {start}
        {end}
        person : str or int, optional
            Keeps events in which the person takes part: an id or any spelling of the name
            (``"Kim Il Sung"``, ``"Kim Il-sung"``).
        organization : str, optional
            Keeps events in which the organization takes part: its code or any name.
        cameo : str, optional
            A CAMEO code or prefix (``"05"`` matches ``054`` and ``057``).
        plover : str, optional
            A PLOVER event type (``COOPERATE``, ``AGREE``, ``CONSULT``, ...).
        context : bool, default False
            Also give the events Mongolia takes no part in (a war, a treaty between others);
            ``mongolia_role`` marks each.
        involving : str or int, optional
            Keeps the events of this polity whatever Mongolia's part in them (implies
            ``context``).
        level : str, optional
            Keeps events coded at this level (``event_levels``: ``head_of_state``,
            ``head_of_government``, ``minister``, ``party``, ...); uncoded events never match.
        channel : str, optional
            Keeps events coded on this channel (``event_channels``: ``state``, ``party``,
            ``parliament``, ``multilateral``).
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Event` per event, ordered by earliest day. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        UnknownPersonError
            The person matches nobody.
        UnknownOrganizationError
            The organization matches none.
        InvalidFilterError
            A filter is of the wrong type or outside its vocabulary (e.g. an unknown kind).
        {raises_date}
        {raises_timeout}

        See Also
        --------
        search : Full-text search over the same events.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> visits = mr.events(polity="North Korea", kind="visit", start=1950, end=1959)
        >>> df = visits.to_pandas()
        >>> list(df.columns[:5])
        ['id', 'kind', 'date', 'start', 'end']
        >>> first = mr.events(polity="DPRK", kind="relations_established")[0]
        >>> first.date, first.precision
        ('1948-10-15', 'day')
        """
        return self._run("events", timeout=timeout, **_filters(locals()))

    @_documented(Treaty)
    def treaties(
        self,
        polity: PolityLike | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        in_force_on: DateLike | None = None,
        *,
        context: bool = False,
        involving: str | int | None = None,
        timeout: float | None = None,
    ) -> ResultSet:
        """Mongolia's treaties and other international instruments, with their lifecycle dates.

        With ``polity``, those of Mongolia with that state. ``in_force_basis`` says by what rule a
        treaty is in force: ``recorded`` (entry into force and end recorded), ``term`` (a stated
        term, e.g. one year for annual protocols) or ``assumed`` (no recorded end and no term).

        Parameters
        ----------
        {polity}
            Keeps treaties of Mongolia with that state (both parties).
        kind : str, optional
            The form: ``treaty``, ``agreement``, ``protocol``, ``convention`` or ``declaration``.
        {start}
        {end}
        in_force_on : str, int or datetime.date, optional
            Keeps the treaties in force on that day (the first day of an EDTF date): certainly
            signed or in force by then and not possibly ended.
        context : bool, default False
            Also give the treaties Mongolia takes no part in (a war, a treaty between others);
            ``mongolia_role`` marks each.
        involving : str or int, optional
            Keeps the treaties of this polity whatever Mongolia's part in them (implies
            ``context``).
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Treaty` per instrument, ordered by the day from which it is in force.
            Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        InvalidFilterError
            A filter is of the wrong type or an unknown kind.
        {raises_date}
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> in_force = mr.treaties(polity="North Korea", in_force_on="1990-07-01")
        >>> all("PRK" in t.parties for t in in_force)
        True
        """
        return self._run("treaties", timeout=timeout, **_filters(locals()))

    @_documented(Posting)
    def postings(
        self,
        polity: PolityLike | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        person: str | int | None = None,
        sending: str | int | None = None,
        receiving: str | int | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Ambassadors and other diplomats posted between Mongolia and other states.

        Parameters
        ----------
        {polity}
            Keeps postings with the state on either side.
        {start}
        {end}
        person : str or int, optional
            The diplomat: an id or any spelling of the name.
        sending : str or int, optional
            Keeps postings from this state (any form ``polity`` accepts).
        receiving : str or int, optional
            Keeps postings to this state (any form ``polity`` accepts).
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Posting` per posting, undated ones last. Columns:

            {columns}

        Raises
        ------
        UnknownPolityError
            A state matches none.
        UnknownPersonError
            The person matches nobody.
        InvalidFilterError
            A filter is of the wrong type.
        {raises_date}
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> to_pyongyang = mr.postings(sending="MNG", receiving="North Korea")
        >>> all(p.receiving == "PRK" for p in to_pyongyang)
        True
        """
        return self._run("postings", timeout=timeout, **_filters(locals()))

    @_documented(Mission)
    def missions(
        self,
        polity: PolityLike | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        sending: str | int | None = None,
        receiving: str | int | None = None,
    ) -> ResultSet:
        """Embassies, consulates and non-resident accreditations between Mongolia and other states.

        Parameters
        ----------
        {polity}
            Keeps missions with the state on either side.
        kind : str, optional
            A mission kind: ``embassy``, ``consulate_general``, ``consulate``,
            ``honorary_consulate``, ``accredited_from``, ...
        start : str, int or datetime.date, optional
            Keeps missions that may have been open on or after this date (undated ones always).
        end : str, int or datetime.date, optional
            Keeps missions that may have been open on or before this date (undated ones always).
        sending : str or int, optional
            Keeps missions of this state (any form ``polity`` accepts).
        receiving : str or int, optional
            Keeps missions accredited to this state (any form ``polity`` accepts).

        Returns
        -------
        ResultSet
            One :class:`Mission` per mission or accreditation, by sending and receiving state.
            Columns:

            {columns}

        Raises
        ------
        UnknownPolityError
            A state matches none.
        InvalidFilterError
            A filter is of the wrong type or an unknown kind.
        {raises_date}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> embassies = mr.missions(receiving="Mongolia", kind="embassy")
        >>> all(m.receiving == "MNG" for m in embassies)
        True
        """
        return self._run("missions", **_filters(locals()))

    @_documented(Membership)
    def memberships(
        self,
        polity: PolityLike | None = None,
        organization: str | None = None,
        kind: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Memberships of states in international organizations.

        Parameters
        ----------
        {polity}
            Keeps the memberships of this state.
        organization : str, optional
            The organization: its code or any name (``"CMEA"``, ``"Comecon"``).
        kind : str, optional
            The status: ``member``, ``founding_member``, ``observer`` or ``partner``.
        {start}
        {end}
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Membership` per standing, undated ones last. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        UnknownOrganizationError
            The organization matches none.
        InvalidFilterError
            A filter is of the wrong type or an unknown status.
        {raises_date}
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> rows = mr.memberships(polity="Mongolia")
        >>> all(m.polity == "MNG" for m in rows)
        True
        """
        return self._run("memberships", timeout=timeout, **_filters(locals()))

    @_documented(Observation)
    def observations(
        self,
        polity: PolityLike | None = None,
        indicator: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """Numeric series such as trade between Mongolia and a partner; unknown is None, never 0.

        Parameters
        ----------
        {polity}
            Keeps the figures about this partner.
        indicator : str, optional
            What is measured, from the ``indicators`` vocabulary (``trade_turnover``).
        {start}
        {end}
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Observation` per figure, by partner, indicator and period. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        InvalidFilterError
            A filter is of the wrong type or an unknown indicator.
        {raises_date}
        {raises_timeout}

        See Also
        --------
        mongolia_relations.plot.series : Draws a series, gaps as gaps.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> trade = mr.observations(polity="North Korea", indicator="trade_turnover")
        >>> {o.unit for o in trade}
        {'USD million'}
        """
        return self._run("observations", timeout=timeout, **_filters(locals()))

    @_documented(Polity)
    def polities(self, polity: PolityLike | None = None, *, timeout: float | None = None) -> ResultSet:
        """States with their ISO, COW and Gleditsch-Ward codes; historical states as themselves.

        Parameters
        ----------
        {polity}
            Keeps this one state.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Polity` per state, by name. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        InvalidFilterError
            The polity is of the wrong type.
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> ussr = mr.polities("USSR")[0]
        >>> ussr.code, ussr.name, ussr.successor
        ('SUN', 'Soviet Union', 'RUS')
        """
        return self._run("polities", timeout=timeout, **_filters(locals()))

    @_documented(PolityCode)
    def codes(
        self,
        polity: PolityLike | None = None,
        scheme: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        timeout: float | None = None,
    ) -> ResultSet:
        """The code crosswalk: every ISO, COW and Gleditsch-Ward code a polity has had, with its days.

        Parameters
        ----------
        {polity}
            Keeps the codes of this state.
        scheme : str, optional
            The code system: ``iso2``, ``iso3``, ``iso_numeric``, ``cow``, ``cow_abbrev`` or ``gw``.
        start : str, int or datetime.date, optional
            Keeps codes valid at some time on or after this date.
        end : str, int or datetime.date, optional
            Keeps codes valid at some time on or before this date.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`PolityCode` per code and spell, by polity and scheme. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        InvalidFilterError
            A filter is of the wrong type or an unknown scheme.
        {raises_date}
        {raises_timeout}

        See Also
        --------
        polity_for_code : The polity a code denoted on a day.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> sorted({c.polity for c in mr.codes(scheme="cow") if c.code == "365"})
        ['RUS', 'SUN']
        """
        return self._run("codes", timeout=timeout, **_filters(locals()))

    def polity_for_code(self, scheme: str, code: str | int, on: DateLike | None = None) -> str:
        """The polity a code denoted on a day: the join key for COW, G&W or V-Dem country-years.

        Parameters
        ----------
        scheme : str
            The code system: ``iso2``, ``iso3``, ``iso_numeric``, ``cow``, ``cow_abbrev`` or ``gw``.
        code : str or int
            The code as the scheme writes it (``365``, ``"RUS"``).
        on : str, int or datetime.date, optional
            The day (a year, month or day as EDTF, a year as int, or a date); may be left out when
            the code has only ever denoted one polity.

        Returns
        -------
        str
            The polity's stable code (see ``polities``).

        Raises
        ------
        UnknownPolityError
            No polity had the code then, or it denoted several and ``on`` was left out.
        InvalidFilterError
            An unknown scheme, or an argument of the wrong type.
        InvalidDateError
            ``on`` is not a date.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.polity_for_code("cow", 365, on=1960), mr.polity_for_code("cow", 365, on=2000)
        ('SUN', 'RUS')
        """
        return _native.polity_for_code(
            _text("scheme", scheme) or "", _text("code", code) or "", _date("on", on), self._handle
        )

    def countrycode(
        self,
        values: Any,
        origin: str = "name",
        destination: str = "polity",
        on: Any = None,
        *,
        strict: bool = False,
    ) -> Any:
        """Convert names or codes from one scheme to another, as R's countrycode does.

        Parameters
        ----------
        values : str, int, list or pandas.Series
            One value, a list of them or a Series (the result keeps its shape and index); a
            missing value (None, NaN) stays missing.
        origin : str, default "name"
            The scheme of ``values``: ``"name"`` (the ways the World Bank, IMF, UN, CIA World
            Factbook, COW or G&W write a name: ``"Korea, Rep."``, ``"Lao PDR"``), ``"polity"``
            (our code), ``"iso3c"``, ``"iso2c"``, ``"iso3n"``, ``"cown"``, ``"cowc"``, ``"gwn"``
            or ``"gwc"``.
        destination : str, default "polity"
            The scheme to convert to, one of the same.
        on : str, int, datetime.date or a sequence of them, optional
            The day the codes are of, one for all values or one per value: COW 365 is the USSR
            in 1960 and Russia in 2000.
        strict : bool, default False
            Raise instead of warning when a value does not convert.

        Returns
        -------
        str, int, None, list or pandas.Series
            The converted values in the shape given; ``int`` for ``cown``, ``gwn`` and
            ``iso3n``; ``None`` where a value does not convert.

        Raises
        ------
        UnknownPolityError
            With ``strict=True``, a value that does not convert (``suggestions`` and
            ``unmatched`` say which and what is close).
        InvalidFilterError
            An unknown scheme, or an argument of the wrong type.
        InvalidDateError
            ``on`` is not a date.

        Warns
        -----
        UnmatchedWarning
            Without ``strict``, every value that did not convert, with close matches.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.countrycode(["Korea, Rep.", "Lao PDR"], origin="name", destination="iso3c")
        ['KOR', 'LAO']
        """
        single = isinstance(values, str | int) and not isinstance(values, bool)
        items = [values] if single else list(values)
        texts = [None if _missing(v) else _text("values", v) for v in items]
        dates: list[str | None]
        if on is None or isinstance(on, str | int | _dt.date):
            dates = [] if on is None else [_date("on", on)]
        else:
            dates = [None if _missing(d) else _date("on", d) for d in on]
        result = _native.countrycode(
            texts, _text("origin", origin) or "", _text("destination", destination) or "", dates, self._handle
        )
        unmatched = result["unmatched"]
        if unmatched:
            shown = "; ".join(
                f"{u['value']!r} ({u['reason']}"
                + (f"; closest: {', '.join(u['suggestions'][:3])}" if u["suggestions"] else "")
                + ")"
                for u in unmatched[:20]
            )
            more = f" and {len(unmatched) - 20} more" if len(unmatched) > 20 else ""
            message = f"{len(unmatched)} value(s) not converted from {origin} to {destination}: {shown}{more}"
            if strict:
                error = UnknownPolityError(message)
                error.suggestions = unmatched[0]["suggestions"]
                error.unmatched = unmatched
                raise error
            warnings.warn(message, UnmatchedWarning, stacklevel=2)
        numeric = destination in ("cown", "gwn", "iso3n")
        out = [None if v is None else (int(v) if numeric else v) for v in result["values"]]
        if single:
            return out[0]
        if type(values).__name__ == "Series" and hasattr(values, "index"):
            return type(values)(out, index=values.index, name=values.name, dtype=object)
        return out

    @_documented(Person)
    def persons(
        self, person: str | int | None = None, polity: PolityLike | None = None, *, timeout: float | None = None
    ) -> ResultSet:
        """People in the data, with every spelling the sources use and the offices they held.

        Parameters
        ----------
        person : str or int, optional
            Keeps this person: an id or any spelling of the name.
        {polity}
            Keeps the people who served this state.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Person` per person, by name. Columns:

            {columns}

        Raises
        ------
        UnknownPersonError
            The person matches nobody.
        {raises_polity}
        InvalidFilterError
            A filter is of the wrong type.
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> "Kim Il-sung" in mr.persons("Kim Il Sung")[0].names
        True
        """
        return self._run("persons", timeout=timeout, **_filters(locals()))

    @_documented(Organization)
    def organizations(self, organization: str | None = None, *, timeout: float | None = None) -> ResultSet:
        """International organizations and forums.

        Parameters
        ----------
        organization : str, optional
            Keeps this organization: its code or any name.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Organization` per organization, by code. Columns:

            {columns}

        Raises
        ------
        UnknownOrganizationError
            The organization matches none.
        InvalidFilterError
            The filter is of the wrong type.
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> len(mr.organizations()) > 0
        True
        """
        return self._run("organizations", timeout=timeout, **_filters(locals()))

    @_documented(Source)
    def sources(self, *, timeout: float | None = None) -> ResultSet:
        """Every source document facts are taken from.

        Parameters
        ----------
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Source` per document, by id. Columns:

            {columns}

        Raises
        ------
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> {s.reliability for s in mr.sources()} <= {"normal", "weak"}
        True
        """
        return self._run("sources", timeout=timeout)

    @_documented(Dispute)
    def disputes(self, polity: PolityLike | None = None, *, timeout: float | None = None) -> ResultSet:
        """Disagreements between sources, each side with its sources; no side is silently preferred.

        Parameters
        ----------
        {polity}
            Keeps disputes about records concerning this state.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Dispute` per disagreement, by id. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        InvalidFilterError
            The polity is of the wrong type.
        {raises_timeout}

        See Also
        --------
        disputes_of : The disputes about one record.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> all(len(d.claims) >= 1 for d in mr.disputes(polity="North Korea"))
        True
        """
        return self._run("disputes", timeout=timeout, **_filters(locals()))

    @_documented(Coverage)
    def coverage(self, *, timeout: float | None = None) -> ResultSet:
        """Every UN member, the Holy See and Palestine, with its earliest cited relations date.

        Tells which states the dataset can date relations with, and which it cannot.

        Parameters
        ----------
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Coverage` per state, by name. Columns:

            {columns}

        Raises
        ------
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> undated = [c.name for c in mr.coverage() if c.date is None]
        """
        return self._run("coverage", timeout=timeout)

    @_documented(UngaVote)
    def unga_votes(
        self,
        polity: PolityLike | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        issue: str | None = None,
    ) -> ResultSet:
        """Votes in the UN General Assembly roll calls in which Mongolia voted, beside Mongolia's.

        One row per roll call and voter: Mongolia, both Koreas, the USSR or Russia, China, the
        United States and Japan, where each voted (an absence is no row). The data end in January
        2020.

        Parameters
        ----------
        {polity}
            Keeps the votes of this voter.
        {start}
        {end}
        issue : str, optional
            Keeps roll calls with this issue code: ``me``, ``nu``, ``di``, ``hr``, ``co`` or
            ``ec``.

        Returns
        -------
        ResultSet
            One :class:`UngaVote` per roll call and voter. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        InvalidFilterError
            A filter is of the wrong type or an unknown issue.
        {raises_date}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> df = mr.unga_votes(start=1990, end=1991).to_pandas()
        >>> wide = df.pivot(index="rcid", columns="polity", values="vote")
        """
        return self._run("unga_votes", **_filters(locals()))

    @_documented(UngaAgreement)
    def unga_agreement(
        self,
        polity: PolityLike | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
    ) -> ResultSet:
        """Mongolia's yearly agreement with each member in UN General Assembly votes.

        Keep ``n_votes`` beside every value: a year with few roll calls is noisy.

        Parameters
        ----------
        {polity}
            Keeps the rows of this member.
        {start}
        {end}

        Returns
        -------
        ResultSet
            One :class:`UngaAgreement` per member and year. Columns:

            {columns}

        Raises
        ------
        {raises_polity}
        InvalidFilterError
            A filter is of the wrong type.
        {raises_date}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> rows = mr.unga_agreement(polity="USSR", start=1970, end=1970)
        >>> all(0 <= r.agreement_index <= 1 for r in rows)
        True
        """
        return self._run("unga_agreement", **_filters(locals()))

    @_documented()
    def dyad_years(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        polity: PolityLike | None = None,
        *,
        directed: bool = False,
        timeout: float | None = None,
    ) -> ResultSet:
        """The dyad-year panel of Mongolia and its partners, in the manner of peacesciencer.

        One row per partner and year in which both existed (from 1921 or the partner's first
        year), side 1 Mongolia and side 2 the partner; ``directed=True`` gives two rows,
        Mongolia→X and X→Mongolia, as peacesciencer's ``create_dyadyears(directed = TRUE)``.
        Counts are of recorded events, never NA (0: none recorded; a dated event counts in the
        year its date begins); states of the world are NA where no source covers the year. The
        README's panel table gives each column's NA and 0 rule.

        Parameters
        ----------
        start : str, int or datetime.date, optional
            First year: a year, or an EDTF string or date whose first day falls in it (default
            1921).
        end : str, int or datetime.date, optional
            Last year: a year, or an EDTF string or date whose last day falls in it (default:
            the latest year the data covers).
        polity : str, int or list of them, optional
            Only these partners, each in any form a ``polity=`` filter accepts.
        directed : bool, default False
            Two rows per partner-year, one per direction.
        {timeout}

        Returns
        -------
        ResultSet
            Rows as dicts (kind ``dyad_years``), by partner and year; the same column types whatever
            the subset. Columns:

            partner, partner_name, year : str, str, int
                The partner's code and name, and the calendar year.
            polity1, polity2 : str
                Side 1 and side 2 (``MNG`` and the partner, or the reverse).
            ccode1, ccode2, gwcode1, gwcode2 : int or NA
                Each side's COW and Gleditsch-Ward number in the year; NA outside the lists.
            relations : bool or NA
                Cited relations in place by the year's end; NA where no source dates them or
                the date may fall either side.
            years_since_relations : int or NA
                The year minus the earliest possible year of establishment (negative before
                it); NA where no source dates relations.
            treaties_signed, treaties_terminated : int
                Treaties of the two signed or terminated in the year.
            treaties_in_force, treaties_in_force_ids : int, list of int
                Treaties of both in force on 1 July by a recorded end or a stated term.
            treaties_in_force_assumed, treaties_in_force_assumed_ids : int, list of int
                Treaties taken to be in force with neither (``in_force_basis`` ``assumed``).
            visits_1_to_2, visits_2_to_1, statements_1_to_2, statements_2_to_1 : int
                Visits and statements by direction.
            meetings, meetings_hosted, aid_events : int
                Meetings with both as sides; meetings of the partner Mongolia only hosted;
                aid events.
            ambassador_1_in_2, ambassador_2_in_1 : bool or NA
                A cited posting covers the year; False within the span of that direction's
                recorded postings, NA outside it.
            embassy_1_in_2, embassy_2_in_1 : bool or NA
                A resident embassy dated open in the year.
            unga_agreement_index, unga_identical_share, unga_n_votes : float, float, int or NA
                UN General Assembly agreement in the year; NA where either was not a member or
                no common vote exists.
            trade_turnover : float or NA
                One column per indicator: the year's figure, NA where the source gives none.

        Raises
        ------
        UnknownPolityError
            A partner matches no state.
        InvalidFilterError
            ``polity`` is not a name, code or number, or a list of them.
        InvalidDateError
            ``start`` or ``end`` is not a date, or outside the years of the data.
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> df = mr.dyad_years(polity="North Korea").to_pandas().set_index("year")
        >>> bool(df.loc[1990, "relations"])
        True
        """
        return self._run("dyad_years", timeout=timeout, **_filters(locals()))

    @_documented(Event)
    def search(self, text: str, *, timeout: float | None = None) -> ResultSet:
        """Full-text search over event summaries, places and notes (SQLite FTS5 syntax).

        Parameters
        ----------
        text : str
            An FTS5 query: words (all must match), ``"a phrase"``, ``OR``, ``NOT``, ``prefix*``.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Event` per match, best match first. Columns:

            {columns}

        Raises
        ------
        InvalidFilterError
            ``text`` is not a string.
        SqlError
            ``text`` is not a valid FTS5 query.
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> hits = mr.search("friendship treaty")
        >>> all(e.kind for e in hits)
        True
        """
        if not isinstance(text, str):
            raise InvalidFilterError(f"search text must be a string, not {type(text).__name__}")
        return self._run("search", text, timeout=timeout)

    @_documented()
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
        """Run one read-only SQL statement on the database (the tables of ``schema.sql``).

        Parameters
        ----------
        query : str
            One SQL statement; a write (INSERT, ATTACH, PRAGMA that changes state) raises.
        timeout : float, optional
            Seconds before the query stops (default 5).
        max_rows : int, optional
            Most rows in the result (default 1,000,000).
        max_bytes : int, optional
            Most bytes in the result (default 256 MiB, at most 2 GiB - 1).
        max_value_bytes : int, optional
            Most bytes of one string or blob (default 16 MiB).
        max_memory : int, optional
            Most bytes of working memory for sorts and DISTINCT (default 256 MiB).

        Returns
        -------
        ResultSet
            Rows as dicts (kind ``sql``), one key per column of the statement; each column takes
            the type of its values (text where they mix), blobs as hex strings.

        Raises
        ------
        ReadOnlyError
            The statement would write.
        SqlError
            The statement is not valid SQL.
        {raises_timeout}
        ResultTooLargeError
            The result passed ``max_rows``, ``max_bytes`` or ``max_value_bytes``.
        QueryMemoryError
            The query needed more than ``max_memory``.
        InvalidFilterError
            ``query`` is not a string, or a bound is not a number.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> rows = mr.sql("SELECT kind, count(*) AS n FROM events GROUP BY kind ORDER BY n DESC")
        >>> rows.columns
        ['kind', 'n']
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

    @_documented(Citation)
    def citations(self, record: Record | tuple[str, object], *, timeout: float | None = None) -> ResultSet:
        """The citations of a record: which sources state it, and where in each.

        Parameters
        ----------
        record : Record or tuple of (str, object)
            A record from any query, or a ``(table, key)`` pair such as ``("events", 1)``.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Citation` per source cited. Columns:

            {columns}

        Raises
        ------
        InvalidFilterError
            ``record`` is neither a record nor a ``(table, key)`` pair.
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> [c.source for c in mr.citations(("events", 1))]  # doctest: +ELLIPSIS
        [...]
        """
        return self._run("citations", self._key(record), timeout=timeout)

    @_documented(Dispute)
    def disputes_of(self, record: Record | tuple[str, object], *, timeout: float | None = None) -> ResultSet:
        """The disagreements between sources that concern one record.

        Parameters
        ----------
        record : Record or tuple of (str, object)
            A record from any query, or a ``(table, key)`` pair such as ``("events", 1)``.
        {timeout}

        Returns
        -------
        ResultSet
            One :class:`Dispute` per disagreement; empty when the sources agree. Columns:

            {columns}

        Raises
        ------
        InvalidFilterError
            ``record`` is neither a record nor a ``(table, key)`` pair.
        {raises_timeout}

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> topics = [d.topic for d in mr.disputes_of(("events", 1))]
        """
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
            The entry (a URL only where the dataset's metadata names one); cite the sources
            behind a result with ``cite_sources``, each fact's with ``citations()``.

        Raises
        ------
        InvalidFilterError
            An unknown format.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.cite().startswith("@misc{mongolia_relations_")
        True
        """
        return _native.cite(format, self._handle)

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
        return _native.cite_source_ids(ids, format, self._handle)

    def export(self, out: str | os.PathLike[str], format: str = "csv", *, force: bool = False) -> dict[str, Any]:
        """Write every table, the SQLite file, an ICEWS-layout event file and a manifest to a folder.

        With ``format="datasette"``: the SQLite file and a Datasette ``metadata.json`` (the
        codebook, facets, canned queries) to serve with ``datasette serve --immutable``.

        Files already in ``out`` raise unless ``force=True``; files are written under temporary
        names and renamed into place when all are complete; symlinks in ``out`` are replaced,
        never followed.

        Parameters
        ----------
        out : str or os.PathLike
            The folder to write (made if missing).
        format : str, default "csv"
            ``csv``, ``jsonl`` or ``parquet`` for the tables, or ``datasette``.
        force : bool, default False
            Replace files already in ``out``.

        Returns
        -------
        dict
            The manifest (also written as ``manifest.json``): the dataset version, content hash
            and the files written with their checksums.

        Raises
        ------
        OutputExistsError
            A file to write exists and ``force`` is False.
        InvalidFilterError
            An unknown format.
        DatabaseFileError
            The folder cannot be written.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import mongolia_relations as mr
        >>> manifest = mr.export(pathlib.Path(tempfile.mkdtemp()) / "data", format="csv")
        """
        return _native.export(os.fspath(out), format, self._handle, force)

    def verify(self) -> dict[str, Any]:
        """Recompute the content hash from the rows and compare it with the one the file claims.

        Returns
        -------
        dict
            ``{"claimed": str, "actual": str, "matches": bool}``.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.Database().verify()["matches"]
        True
        """
        return _native.verify(self._handle)

    def metadata(self) -> dict[str, Any]:
        """Facts about the dataset itself: versions, content hash, file hash.

        Returns
        -------
        dict
            ``dataset_version``, ``schema_version``, ``content_hash`` (recomputed from a file's
            rows; ``claimed_content_hash`` is the file's claim), the title, licence and citation,
            and for the embedded dataset the SHA-256 of the file.

        Examples
        --------
        >>> import mongolia_relations as mr
        >>> mr.metadata()["content_hash"] == mr.content_hash()
        True
        """
        return _native.metadata(self._handle)
