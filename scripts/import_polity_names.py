"""Write the names the COW and Gleditsch-Ward state lists give our polities into the seeds.

Reads ``cow_states.csv`` and ``gw_states.csv`` (see shared/data/README.md: COW State System
Membership v2016 as packaged by peacesciencer, and the Gleditsch-Ward list with microstates as
packaged by the R package states) and the dated crosswalk ``seeds/polity_codes.csv``. Each line of
a list is one spell of a state number; it names each of our polities whose crosswalk spell of
that number overlaps it, for the days of the overlap (so COW's "Russia", 365 from 1816, names
the USSR up to 1991-12-25 and Russia from 1991-12-26, as the crosswalk cuts it). Writes
``polity_names.csv``, the citations of its rows (the list's line, ``¶N`` with the header as ¶1,
quoting the line's start) and the ``uncited_paragraphs`` rows of the lines that name no polity of
ours, replacing the rows this script wrote before. Re-run after the shared files or the
crosswalk change:

    python3 scripts/import_polity_names.py [--data ../shared/data] [--seeds seeds]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {"cow": "cow_states_peacesciencer", "gw": "gw_states_beger"}
FILES = {"cow": "cow_states.csv", "gw": "gw_states.csv"}
# The lists' own end dates mean "still in being": COW v2016 ends every current state on
# 2016-12-31, the states package writes 9999-12-31.
OPEN_ENDS = {"cow": "2016-12-31", "gw": "9999-12-31"}
FAR = "9999-12-31"


@dataclass
class Spell:
    """One line of a list: a state number held from start to end (an ISO day, or None: open)."""

    line: int
    number: int
    abbrev: str
    name: str
    start: str
    end: str | None
    quote: str


def first_fields(line: str, k: int) -> str:
    """The first k fields of a CSV line as they stand (quotes kept): what a reader finds there."""
    quoted = False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == "," and not quoted:
            k -= 1
            if k == 0:
                return line[:i]
    return line


def read_list(list_name: str, path: Path) -> tuple[list[Spell], int]:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    spells = []
    for n, line in enumerate(lines[1:], start=2):
        row = next(csv.reader(io.StringIO(line)))
        if list_name == "cow":
            abbrev, number, name = row[0], int(row[1]), row[2]
            start = f"{int(row[3]):04d}-{int(row[4]):02d}-{int(row[5]):02d}"
            end = f"{int(row[6]):04d}-{int(row[7]):02d}-{int(row[8]):02d}"
        else:
            number, abbrev, name, start, end = int(row[0]), row[1], row[2], row[3], row[4]
        quote = first_fields(line, 3)
        spells.append(Spell(n, number, abbrev, name, start, None if end == OPEN_ENDS[list_name] else end, quote))
    return spells, len(lines)


def crosswalk(seeds: Path) -> dict[tuple[str, int], list[tuple[str, str | None, str | None]]]:
    """(scheme, number) -> [(polity, valid_from, valid_to)] of the COW and G&W rows."""
    out: dict[tuple[str, int], list[tuple[str, str | None, str | None]]] = {}
    with (seeds / "polity_codes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["scheme"] in ("cow", "gw"):
                key = (row["scheme"], int(row["code"]))
                out.setdefault(key, []).append((row["polity"], row["valid_from"] or None, row["valid_to"] or None))
    return out


def rewrite(path: Path, keep, new_rows: list[list[str]]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields = list(reader.fieldnames or [])
        kept = [row for row in reader if keep(row)]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(fields)
        for row in kept:
            w.writerow([row[c] for c in fields])
        w.writerows(new_rows)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--seeds", type=Path, default=ROOT / "mongolia-relations" / "seeds")
    args = parser.parse_args()
    if not args.data.is_dir():
        args.data = Path("/work/shared/data")
    codes = crosswalk(args.seeds)
    names: list[list[str]] = []
    cited: list[tuple[str, int, str, int]] = []  # (source, line, quote, polity_names id)
    uncited: list[list[str]] = []
    for list_name in ("cow", "gw"):
        path = args.data / FILES[list_name]
        spells, n_lines = read_list(list_name, path)
        source = SOURCES[list_name]
        uncited.append([source, "¶1", "the header row of the list (column names), no fact"])
        print(f"{path.name}: sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}, {n_lines} lines")
        for s in spells:
            hits = []
            for polity, frm, to in codes.get((list_name, s.number), []):
                first = max(s.start, frm or s.start)
                last = min(s.end or FAR, to or FAR)
                if first <= last:
                    hits.append((polity, first, None if last == FAR else last))
            if not hits:
                uncited.append(
                    [
                        source,
                        f"¶{s.line}",
                        f"number {s.number} from {s.start}: no polity of this dataset holds it then in the crosswalk",
                    ]
                )
                continue
            for polity, first, last in hits:
                row_id = len(names) + 1
                names.append([str(row_id), polity, list_name, s.name, s.abbrev, str(s.number), first, last or ""])
                cited.append((source, s.line, s.quote, row_id))
    with (args.seeds / "polity_names.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "polity", "list", "name", "abbrev", "number", "valid_from", "valid_to"])
        w.writerows(names)
    ours = set(SOURCES.values())
    with (args.seeds / "citations.csv").open(encoding="utf-8", newline="") as f:
        others = [r for r in csv.DictReader(f) if r["source"] not in ours]
    next_id = max(int(r["id"]) for r in others) + 1
    rewrite(
        args.seeds / "citations.csv",
        lambda r: r["source"] not in ours,
        [
            [str(next_id + i), source, "polity_names", str(row_id), f"¶{line}", quote, ""]
            for i, (source, line, quote, row_id) in enumerate(cited)
        ],
    )
    rewrite(args.seeds / "uncited_paragraphs.csv", lambda r: r["source"] not in ours, uncited)
    print(f"{len(names)} names, {len(cited)} citations, {len(uncited)} uncited lines")


if __name__ == "__main__":
    main()
