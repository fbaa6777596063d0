"""Plots for papers, with matplotlib (``pip install 'mongolia-relations[plot]'``).

Every plot draws on the matplotlib Axes given as ``ax=`` or, without one, on a new figure sized
for it, and returns the Axes, as pandas and seaborn do: in Jupyter the figure is then shown
once (by the inline backend), never a second time as the cell's value. Labels are words, not
column names; each event kind has a fixed colour of the colour-blind-safe Okabe-Ito palette
(and a fixed marker and hatch, since there are more kinds than colours), so a kind looks the
same in every figure; dates known only to a month, a year or a span are drawn as bars over
every day they may denote; missing years are gaps. No rows raise NoDataError.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Callable
from typing import Any

from ._errors import NoDataError
from ._native import InvalidFilterError
from ._query import Database
from ._records import Event

#: The Okabe-Ito palette (Okabe and Ito 2008; Wong, Nature Methods 8, 2011), distinct to readers
#: with any of the common colour-vision deficiencies. Black last: it reads as "other".
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
# After every eight kinds the colours come round again with another marker and hatch, so that no
# two kinds of the vocabulary share a look.
_MARKERS = ("o", "s", "D", "^", "v", "P")
_HATCHES = ("", "////", "....", "xxxx", "\\\\\\\\", "++++")

# Roles of the side that travels, gives or acts, and of the side that receives (participant_roles).
_ACTIVE = frozenset({"visitor", "donor", "actor"})
_PASSIVE = frozenset({"host", "recipient", "target"})
_MONGOLIA = "MNG"


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("plots need matplotlib: pip install 'mongolia-relations[plot]'") from e
    return plt


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    # The schema's order (rowid), not the alphabet: a kind added at the end of the vocabulary
    # leaves the look of every other kind as it was.
    rows = Database().sql("SELECT kind FROM event_kinds ORDER BY rowid")
    return tuple(r["kind"] for r in rows)


def kind_style(kind: str) -> dict[str, str]:
    """The fixed look of an event kind in every plot, for figures of your own to match.

    Parameters
    ----------
    kind : str
        An event kind of the ``event_kinds`` vocabulary (``visit``, ``aid``, ...).

    Returns
    -------
    dict
        ``color`` (an Okabe-Ito hex colour), ``marker`` (a matplotlib marker, for dates known
        to the day) and ``hatch`` (for bars over partial dates); no two kinds share all three.

    Raises
    ------
    InvalidFilterError
        The kind is not in the vocabulary.

    Examples
    --------
    >>> from mongolia_relations import plot
    >>> plot.kind_style("visit")["color"] == plot.kind_style("visit")["color"]
    True
    """
    kinds = _vocabulary()
    if kind not in kinds:
        raise InvalidFilterError(f"unknown event kind {kind!r}; the kinds are: {', '.join(kinds)}")
    i = kinds.index(kind)
    group = i // len(OKABE_ITO)
    return {
        "color": OKABE_ITO[i % len(OKABE_ITO)],
        "marker": _MARKERS[group % len(_MARKERS)],
        "hatch": _HATCHES[group % len(_HATCHES)],
    }


def human(code: str) -> str:
    """A code of the data as words for a label: ``treaty_signed`` becomes ``Treaty signed``.

    Parameters
    ----------
    code : str
        A vocabulary code or column name.

    Returns
    -------
    str
        The code with spaces for underscores and a capital first letter.

    Examples
    --------
    >>> from mongolia_relations import plot
    >>> plot.human("trade_turnover")
    'Trade turnover'
    """
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def direction(event: Event) -> str | None:
    """Whether an event goes to or from Mongolia, read from its participants' roles.

    Parameters
    ----------
    event : Event
        An event from ``events()`` or ``search()``.

    Returns
    -------
    str or None
        ``"from Mongolia"`` when Mongolia is the side that travels, gives or acts (visitor,
        donor, actor) and the other side receives; ``"to Mongolia"`` for the reverse; None for
        events without a direction (meetings, treaties, events between other states).

    Examples
    --------
    >>> import mongolia_relations as mr
    >>> from mongolia_relations import plot
    >>> sorted({plot.direction(e) or "none" for e in mr.events(polity="North Korea", kind="visit")})
    ['from Mongolia', 'to Mongolia']
    """
    mongolia: set[str] = set()
    others: set[str] = set()
    for p in event.participants:
        if p.get("kind") == "polity":
            (mongolia if p.get("id") == _MONGOLIA else others).add(p.get("role", ""))
    if mongolia & _ACTIVE and not mongolia & _PASSIVE and others & _PASSIVE:
        return "from Mongolia"
    if mongolia & _PASSIVE and not mongolia & _ACTIVE and others & _ACTIVE:
        return "to Mongolia"
    return None


def _partner_name(db: Database, polity: str | int) -> str:
    found = db.polities(polity)
    return found[0].name if len(found) else str(polity)


def _axes(ax: Any, figsize: tuple[float, float]) -> tuple[Any, bool]:
    """The Axes to draw on, and whether this call made its figure."""
    if ax is not None:
        return ax, False
    _, made = _pyplot().subplots(figsize=figsize, layout="constrained")
    return made, True


def _drawn(ax: Any, made: bool, draw: Any) -> Any:
    # A figure this call made and could not finish is closed, so that no half-drawn figure is
    # shown later; a figure the caller gave is left to the caller.
    try:
        draw()
    except BaseException:
        if made:
            _pyplot().close(ax.figure)
        raise
    return ax


def timeline(
    polity: str | int | None = None,
    start: Any = None,
    end: Any = None,
    db: Database | None = None,
    *,
    ax: Any = None,
) -> Any:
    """Events over time: one row per kind (and direction), partial dates as bars.

    A date known to the day is a marker; a date known only to a month, a year, a decade or a
    span (``1972/1973``, ``196X``) is a bar over every day it may denote, never a point in its
    middle. Visits, aid, recognitions and other directed events have a row for each direction
    to or from Mongolia. Colours, markers and hatches are fixed per kind (:func:`kind_style`).

    Parameters
    ----------
    polity : str or int, optional
        The partner, in any form a ``polity=`` filter accepts; None for all events.
    start : str, int or datetime.date, optional
        Earliest date (EDTF, a year or a date), as in :func:`mongolia_relations.events`.
    end : str, int or datetime.date, optional
        Latest date, as in :func:`mongolia_relations.events`.
    db : Database, optional
        The dataset to draw from (default: the embedded one).
    ax : matplotlib.axes.Axes, optional
        Draw here; by default on a new figure sized for the rows.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on; ``ax.figure`` is its figure (for ``savefig``).

    Raises
    ------
    NoDataError
        No event matches the filters.
    UnknownPolityError
        The polity matches no state.
    InvalidDateError
        A date is not EDTF, or ``end`` is before ``start``.

    Examples
    --------
    >>> from mongolia_relations import plot
    >>> ax = plot.timeline(polity="North Korea", start=1948, end=1991)
    >>> ax.figure.savefig("dprk-timeline.pdf")  # doctest: +SKIP
    """
    db = db or Database()
    events = list(db.events(polity=polity, start=start, end=end))
    if not events:
        raise NoDataError(f"no events to draw for polity={polity!r}, start={start!r}, end={end!r}")
    _pyplot()  # fail with the install hint before anything is drawn
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    # Typed here because matplotlib leaves it untyped: a day to matplotlib's days since its epoch.
    date2num: Callable[[_dt.date], float] = mdates.date2num
    kinds = _vocabulary()
    order = {None: 0, "to Mongolia": 1, "from Mongolia": 2}
    rows = sorted({(e.kind, direction(e)) for e in events}, key=lambda r: (kinds.index(r[0]), order[r[1]]))
    ax, made = _axes(ax, (10, 0.32 * len(rows) + 1.6))
    one_day = _dt.timedelta(days=1)

    def draw() -> None:
        for y, (kind, way) in enumerate(rows):
            style = kind_style(kind)
            mine = [e for e in events if e.kind == kind and direction(e) == way]
            days = [e.start for e in mine if e.end == e.start]
            spans = [
                (date2num(e.start), date2num(e.end + one_day) - date2num(e.start)) for e in mine if e.end > e.start
            ]
            if spans:
                ax.broken_barh(
                    spans,
                    (y - 0.3, 0.6),
                    facecolors=style["color"],
                    edgecolors=style["color"],
                    alpha=0.55,
                    hatch=style["hatch"] or None,
                    linewidth=0.8,
                    gid=f"ranges:{kind}:{way}",
                )
            if days:
                ax.plot(
                    days,
                    [y] * len(days),
                    linestyle="none",
                    marker=style["marker"],
                    markersize=5,
                    color=style["color"],
                    markeredgecolor="black",
                    markeredgewidth=0.4,
                    gid=f"days:{kind}:{way}",
                )
        ax.set_yticks(range(len(rows)), [human(k) + (f" ({w})" if w else "") for k, w in rows])
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.xaxis_date()
        ax.set_xlabel("Date")
        name = _partner_name(db, polity) if polity is not None else None
        ax.set_title(f"Mongolia and {name}: events by kind" if name else "Mongolia: events by kind")
        ax.grid(axis="x", color="0.9", linewidth=0.6)
        ax.set_axisbelow(True)
        key = [
            Line2D([], [], linestyle="none", marker="o", color="0.4", label="Date known to the day"),
            Patch(facecolor="0.4", alpha=0.55, label="Date known to a month, year or span"),
        ]
        if made:
            # Below the figure, outside the data, where constrained layout makes room for it.
            ax.figure.legend(handles=key, loc="outside lower center", ncols=2, frameon=False, fontsize="small")
        else:
            ax.legend(handles=key, loc="best", fontsize="x-small", framealpha=0.9)

    return _drawn(ax, made, draw)


def series(
    polity: str | int,
    indicator: str = "trade_turnover",
    db: Database | None = None,
    *,
    ax: Any = None,
) -> Any:
    """An observation series over the years; a missing year is a gap, never a zero or a bridge.

    Years without a figure (no row, or a row whose value the source does not give) break the
    line; a figure standing alone between gaps is still drawn as a marker. A figure for a
    period of several years is a horizontal bar over those years.

    Parameters
    ----------
    polity : str or int
        The partner, in any form a ``polity=`` filter accepts.
    indicator : str, default "trade_turnover"
        What is measured, from the ``indicators`` vocabulary.
    db : Database, optional
        The dataset to draw from (default: the embedded one).
    ax : matplotlib.axes.Axes, optional
        Draw here; by default on a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on; the y label carries the unit of the data, e.g. ``Trade turnover
        (USD million)``.

    Raises
    ------
    NoDataError
        The partner has no figures of the indicator.
    UnknownPolityError
        The polity matches no state.
    InvalidFilterError
        An unknown indicator.

    Examples
    --------
    >>> from mongolia_relations import plot
    >>> ax = plot.series("North Korea")
    >>> ax.get_ylabel()
    'Trade turnover (USD million)'
    """
    db = db or Database()
    obs = list(db.observations(polity=polity, indicator=indicator))
    if not obs:
        raise NoDataError(f"no {indicator!r} figures to draw for polity={polity!r}")
    from matplotlib.ticker import MaxNLocator

    ax, made = _axes(ax, (8, 4))

    def draw() -> None:
        annual = {o.period_start.year: o for o in obs if o.period_start.year == o.period_end.year}
        first, last = min(o.period_start.year for o in obs), max(o.period_end.year for o in obs)
        years = list(range(first, last + 1))
        values = [math.nan if (o := annual.get(y)) is None or o.value is None else o.value for y in years]
        ax.plot(years, values, marker="o", markersize=4, color=OKABE_ITO[4], linewidth=1.4, gid="series")
        for o in obs:
            if o.period_start.year != o.period_end.year and o.value is not None:
                ax.hlines(
                    o.value, o.period_start.year, o.period_end.year, color=OKABE_ITO[4], linewidth=2.5, gid="periods"
                )
        units = sorted({o.unit for o in obs})
        ax.set_ylabel(f"{human(indicator)} ({', '.join(units)})")
        ax.set_xlabel("Year")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if all(v >= 0 for v in values if not math.isnan(v)):
            ax.set_ylim(bottom=0)
        ax.set_title(f"{human(indicator)}: Mongolia and {_partner_name(db, polity)}")
        ax.grid(color="0.9", linewidth=0.6)
        ax.set_axisbelow(True)

    return _drawn(ax, made, draw)
