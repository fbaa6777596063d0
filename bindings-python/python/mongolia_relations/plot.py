"""Plots with matplotlib (``pip install 'mongolia-relations[plot]'``). Each returns the figure."""

from __future__ import annotations

from typing import Any

from ._query import Database


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("plots need matplotlib: pip install 'mongolia-relations[plot]'") from e
    return plt


def timeline(polity: str | int | None = None, start: Any = None, end: Any = None, db: Database | None = None) -> Any:
    """Events over time, one row per kind; a partial date is drawn as a bar over its bounds."""
    plt = _pyplot()
    events = list((db or Database()).events(polity=polity, start=start, end=end))
    kinds = sorted({e.kind for e in events})
    fig, ax = plt.subplots(figsize=(11, 0.45 * max(len(kinds), 3) + 1.5))
    for row, kind in enumerate(kinds):
        for e in (e for e in events if e.kind == kind):
            width = (e.end - e.start).days + 1
            if width > 1:
                ax.barh(row, width, left=e.start, height=0.5, alpha=0.35, color=f"C{row % 10}")
            ax.plot([e.start + (e.end - e.start) / 2], [row], "o", color=f"C{row % 10}", markersize=4)
    ax.set_yticks(range(len(kinds)), kinds)
    ax.set_xlabel("date (bars span partial dates)")
    ax.set_title(f"Mongolia and {polity}: events by kind" if polity else "Mongolia: events by kind")
    fig.tight_layout()
    return fig


def series(polity: str | int, indicator: str = "trade_turnover", db: Database | None = None) -> Any:
    """An observation series over time; missing years are gaps, never zeros."""
    plt = _pyplot()
    obs = list((db or Database()).observations(polity=polity, indicator=indicator))
    fig, ax = plt.subplots(figsize=(8, 4))
    xs = [o.period_start.year for o in obs]
    ys = [float("nan") if o.value is None else o.value for o in obs]
    ax.plot(xs, ys, "o-")
    ax.set_xlabel("year")
    ax.set_ylabel(obs[0].unit if obs else indicator)
    ax.set_title(f"{indicator} with {polity}")
    fig.tight_layout()
    return fig
