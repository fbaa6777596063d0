"""The plots are fit for a paper: drawn where asked, in words, in fixed colours, honest about dates.

Each test renders its figure to PNG (Agg) in a temporary folder, or in the folder named by
MONGOLIA_RELATIONS_PLOT_DIR to look at them.
"""

import datetime as dt
import math
import os
import pathlib

import matplotlib
import nbformat
import pytest
from nbclient import NotebookClient

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

import mongolia_relations as mr  # noqa: E402
from mongolia_relations import plot  # noqa: E402


@pytest.fixture
def out(tmp_path):
    folder = pathlib.Path(os.environ.get("MONGOLIA_RELATIONS_PLOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    plt.close("all")


def render(ax, path):
    ax.figure.savefig(path, dpi=110)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def labels(ax):
    texts = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    texts += [t.get_text() for t in ax.get_yticklabels()]
    legend = ax.get_legend()
    texts += [t.get_text() for t in legend.get_texts()] if legend else []
    return [t for t in texts if t]


def drawn_by(ax, prefix):
    """The artists of the plot whose gid starts with prefix (ranges:KIND:WAY, days:KIND:WAY)."""
    return [a for a in ax.get_children() if (a.get_gid() or "").startswith(prefix)]


def test_each_plot_draws_on_the_axes_given_and_returns_them(out):
    fig, (left, right) = plt.subplots(1, 2, figsize=(16, 6), layout="constrained")
    before = plt.get_fignums()
    assert plot.timeline(polity="North Korea", start=1948, end=1970, ax=left) is left
    assert plot.series("North Korea", ax=right) is right
    assert plt.get_fignums() == before, "no figure of its own when given an Axes"
    assert drawn_by(left, "days:") and drawn_by(right, "series")
    render(left, out / "given-axes.png")


def test_without_axes_each_plot_returns_the_axes_of_a_new_figure(out):
    before = set(plt.get_fignums())
    ax = plot.timeline(polity="North Korea")
    ax2 = plot.series("PRK")
    assert isinstance(ax, matplotlib.axes.Axes) and isinstance(ax2, matplotlib.axes.Axes)
    assert len(set(plt.get_fignums()) - before) == 2 and ax.figure is not ax2.figure
    render(ax, out / "timeline-prk.png")
    render(ax2, out / "series-prk.png")


def test_labels_are_words_with_the_unit_of_the_data(out):
    ax = plot.timeline(polity="North Korea", start=1948, end=2003)
    words = labels(ax)
    assert ax.get_title() == "Mongolia and North Korea: events by kind"
    assert "Treaty signed" in words and "Relations established" in words
    assert not [t for t in words if "_" in t], "no snake_case in a label"
    series = plot.series("PRK")
    unit = {o.unit for o in mr.observations(polity="PRK", indicator="trade_turnover")}.pop()
    assert series.get_ylabel() == f"Trade turnover ({unit})" and series.get_xlabel() == "Year"
    assert not [t for t in labels(series) if "_" in t]
    render(ax, out / "labels-timeline.png")
    render(series, out / "labels-series.png")


def test_every_kind_of_the_vocabulary_has_its_own_fixed_colour_blind_safe_look():
    kinds = [r["kind"] for r in mr.sql("SELECT kind FROM event_kinds ORDER BY rowid")]
    looks = [tuple(plot.kind_style(k).values()) for k in kinds]
    assert len(set(looks)) == len(kinds) > 10, "no two kinds look alike, even past ten kinds"
    assert {c for c, _, _ in looks} <= set(plot.OKABE_ITO)
    first = [plot.kind_style(k)["color"] for k in kinds[: len(plot.OKABE_ITO)]]
    assert len(set(first)) == len(first), "the colours repeat only once the palette is used up"
    with pytest.raises(mr.InvalidFilterError):
        plot.kind_style("vist")


def test_a_kind_has_the_same_colour_in_every_figure(out):
    seen = {}
    for polity in ("North Korea", "South Korea"):
        ax = plot.timeline(polity=polity)
        for artist in drawn_by(ax, "days:") + drawn_by(ax, "ranges:"):
            kind = artist.get_gid().split(":")[1]
            colour = matplotlib.colors.to_hex(
                artist.get_color() if hasattr(artist, "get_color") else artist.get_facecolor()[0], keep_alpha=False
            )
            assert colour == plot.kind_style(kind)["color"].lower()
            seen.setdefault(kind, set()).add(colour)
        render(ax, out / f"colours-{polity.replace(' ', '-').lower()}.png")
    assert all(len(c) == 1 for c in seen.values()) and "visit" in seen


def test_a_partial_date_is_a_bar_over_every_day_it_may_denote_not_a_dot(out):
    ax = plot.timeline(polity="North Korea")
    events = list(mr.events(polity="North Korea"))
    spanning = [e for e in events if e.end > e.start]
    decades = [e for e in spanning if (e.end - e.start).days > 3650]
    assert decades, "the data has a date spanning a decade or more (e.g. 1960/197X)"
    paths = [p for c in drawn_by(ax, "ranges:") for p in c.get_paths()]
    bars = [tuple(round(v, 6) for v in p.get_extents().intervalx) for p in paths]
    for e in spanning:
        span = (mdates.date2num(e.start), mdates.date2num(e.end + dt.timedelta(days=1)))
        assert tuple(round(v, 6) for v in span) in bars, f"{e.date} is drawn from its first to its last day"
    dots = {round(x, 6) for line in drawn_by(ax, "days:") for x in mdates.date2num(line.get_xdata())}
    assert dots == {round(mdates.date2num(e.start), 6) for e in events if e.end == e.start}
    for e in decades:
        middle = mdates.date2num(e.start + (e.end - e.start) / 2)
        assert not any(abs(d - middle) < 1 for d in dots if d not in {round(mdates.date2num(e.start), 6)})
    render(ax, out / "ranges.png")


def test_visits_to_and_from_mongolia_are_told_apart(out):
    ax = plot.timeline(polity="North Korea")
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert "Visit (to Mongolia)" in rows and "Visit (from Mongolia)" in rows
    visits = list(mr.events(polity="North Korea", kind="visit"))
    by_role = {}
    for e in visits:
        roles = {p["id"]: p["role"] for p in e.participants if p["kind"] == "polity"}
        by_role.setdefault((roles.get("MNG"), roles.get("PRK")), set()).add(plot.direction(e))
    assert by_role[("host", "visitor")] == {"to Mongolia"} and by_role[("visitor", "host")] == {"from Mongolia"}
    render(ax, out / "directions.png")


def test_a_year_without_a_figure_is_a_gap_in_the_line(out):
    ax = plot.series("North Korea")
    (line,) = drawn_by(ax, "series")
    years, values = list(line.get_xdata()), list(line.get_ydata())
    assert years == list(range(years[0], years[-1] + 1)), "every year between the first and last"
    given = {o.period_start.year: o.value for o in mr.observations(polity="PRK", indicator="trade_turnover")}
    for year, value in zip(years, values, strict=True):
        if given.get(year) is None:
            assert math.isnan(value), f"{year} has no figure: a gap, not a line across"
        else:
            assert value == given[year]
    assert math.isnan(values[years.index(1991)]) and math.isnan(values[years.index(1993)])
    render(ax, out / "gaps.png")


def test_no_events_is_a_typed_error_and_leaves_no_figure():
    before = plt.get_fignums()
    with pytest.raises(mr.NoDataError) as info:
        plot.timeline(polity="North Korea", start=1800, end=1801)
    assert isinstance(info.value, mr.MongoliaRelationsError) and "1800" in str(info.value)
    assert plt.get_fignums() == before


def test_a_partner_without_figures_is_a_typed_error_too():
    without = next(p.code for p in mr.polities() if not len(mr.observations(polity=p.code)))
    before = plt.get_fignums()
    with pytest.raises(mr.NoDataError, match=without):
        plot.series(without)
    assert plt.get_fignums() == before


def test_jupyter_shows_each_plot_once(tmp_path):
    cells = [
        "from mongolia_relations import plot\nimport matplotlib.pyplot as plt",
        "plot.timeline(polity='North Korea', start=1948, end=1960)",
        "ax = plot.series('PRK')\nax",
        "plot.series('PRK')\nplt.show()",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    for cell in notebook.cells[1:]:
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(images) == 1, f"one figure for {cell.source!r}, got {len(images)}"
