"""Convert the shared UN General Assembly files into the seeds of the UN tables.

Reads ``unga_votes_mongolia.csv`` and ``unga_agreement.csv`` (see the section "UN General Assembly
votes" of shared/data/README.md) and writes ``unga_roll_calls.csv``, ``unga_roll_call_issues.csv``,
``unga_votes.csv`` and ``unga_agreement.csv`` into the seed folder, replacing them. The seeds are
the checked-in output; re-run this after the shared files change:

    python3 scripts/import_unga.py [--data ../shared/data] [--seeds seeds]

The source names a UN seat, not a state: its ``RU`` and ``YU`` are held by two of our polities in
turn, so each row is mapped to the polity that held the seat on the roll call's day (for a year
of agreement, on most of the year's roll calls; the row's note says when the seat changed hands
within the year). Rows for a seat whose holder our polities table does not have in that year are
left out and listed on stderr; schema.sql names them.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOTES_SOURCE = "unvotes_voeten"
AGREEMENT_SOURCE = "unga_agreement_mn"
CHOICES = {"yes", "no", "abstain"}
ISSUES = {"me", "nu", "di", "hr", "co", "ec"}

# Seats the source keeps under one code while two of our polities hold them in turn: (holder,
# last day). The days are those of the dated crosswalk (seeds/polity_codes.csv), which cuts COW
# 365 at the end of the USSR and COW 345 where G&W end Yugoslavia (Serbia and Montenegro).
SEATS: dict[str, list[tuple[str, str | None]]] = {
    "RU": [("SUN", "1991-12-25"), ("RUS", None)],
    "YU": [("YUG", "2006-06-04"), ("SRB", None)],
}


def comment_free(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from (line for line in f if not line.startswith("#"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Polities:
    """Our polities by ISO alpha-2 code, with their years."""

    def __init__(self, seeds: Path) -> None:
        self.by_iso2: dict[str, str] = {}
        self.years: dict[str, tuple[int | None, int | None]] = {}
        with (seeds / "polities.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["iso2"]:
                    self.by_iso2[row["iso2"]] = row["code"]
                self.years[row["code"]] = (_year(row["start_year"]), _year(row["end_year"]))

    def holder(self, code: str, day: str) -> str | None:
        """The polity holding the seat `code` on `day` (ISO), or None."""
        for polity, last in SEATS.get(code, []):
            if last is None or day <= last:
                return polity
        return self.by_iso2.get(code)

    def exists(self, polity: str, year: int) -> bool:
        start, end = self.years[polity]
        return (start is None or start <= year) and (end is None or year <= end)


def _year(text: str) -> int | None:
    return int(text) if text else None


def write(path: Path, header: list[str], rows: Iterable[list[object]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def convert_votes(data: Path, seeds: Path, polities: Polities) -> dict[str, list[str]]:
    """Writes the roll calls, their issues and the votes; returns the roll-call days by year."""
    rows = list(csv.DictReader(comment_free(data / "unga_votes_mongolia.csv")))
    voters = [c.removeprefix("vote_") for c in rows[0] if c.startswith("vote_")]
    roll_calls, issues, votes, skipped = [], [], [], Counter()
    days_by_year: dict[str, list[str]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: int(r["rcid"])):
        rcid, day = int(r["rcid"]), r["date"]
        if r["vote_MN"] not in CHOICES:
            raise SystemExit(f"rcid {rcid}: Mongolia's vote {r['vote_MN']!r} is not yes, no or abstain")
        days_by_year[day[:4]].append(day)
        session = int(float(r["session"]))
        roll_calls.append(
            [rcid, session, day, r["unres"] or None, r["importantvote"] or None, r["short"] or None]
            + [VOTES_SOURCE, f"rcid {rcid}"]
        )
        for issue in filter(None, r["issues"].split(";")):
            if issue not in ISSUES:
                raise SystemExit(f"rcid {rcid}: unknown issue code {issue!r}")
            issues.append([rcid, issue])
        for code in voters:
            vote = r[f"vote_{code}"]
            if not vote:
                continue  # absent, or not (yet) a member: absences are not votes
            if vote not in CHOICES:
                raise SystemExit(f"rcid {rcid}: vote_{code} {vote!r} is not yes, no or abstain")
            polity = polities.holder(code, day)
            if polity is None or not polities.exists(polity, int(day[:4])):
                skipped[(code, day[:4])] += 1
                continue
            votes.append([rcid, polity, vote, code])
    n = write(
        seeds / "unga_roll_calls.csv",
        ["rcid", "session", "date", "symbol", "important_vote", "title", "source", "locator"],
        roll_calls,
    )
    write(seeds / "unga_roll_call_issues.csv", ["rcid", "issue"], issues)
    write(seeds / "unga_votes.csv", ["rcid", "polity", "vote", "source_country"], votes)
    print(f"{n} roll calls, {len(issues)} issue codes, {len(votes)} votes", file=sys.stderr)
    for (code, year), k in sorted(skipped.items()):
        print(f"  left out: {k} vote(s) of {code} in {year} (no polity of ours holds the seat)", file=sys.stderr)
    return days_by_year


def convert_agreement(data: Path, seeds: Path, polities: Polities, days_by_year: dict[str, list[str]]) -> None:
    out, left_out = [], defaultdict(list)
    for r in csv.DictReader(comment_free(data / "unga_agreement.csv")):
        code, year = r["country_code"], r["year"]
        days = days_by_year[year]
        holders = Counter(polities.holder(code, d) for d in days)
        polity = holders.most_common(1)[0][0] if holders else polities.holder(code, f"{year}-07-01")
        note = None
        if len(holders) > 1:
            others = " and ".join(f"{p} on {k}" for p, k in holders.items() if p != polity)
            note = (
                f"The seat changed hands in {year}: held by {others} of the {len(days)} roll calls of the year "
                f"in which Mongolia voted; the year goes to {polity}, which held it on the rest."
            )
        if polity is None or not polities.exists(polity, int(year)):
            left_out[f"{r['country']} ({code})"].append(year)
            continue
        out.append(
            [polity, int(year), r["n_votes"], r["identical_share"], r["agreement_index"], code, r["country"], note]
            + [AGREEMENT_SOURCE, f"country_code {code}, year {year}"]
        )
    out.sort(key=lambda row: (row[0], row[1]))
    header = ["polity", "year", "n_votes", "identical_share", "agreement_index", "source_country", "source_name"]
    n = write(seeds / "unga_agreement.csv", header + ["note", "source", "locator"], out)
    print(f"{n} agreement rows", file=sys.stderr)
    for name, years in sorted(left_out.items()):
        print(f"  left out: {name}, {len(years)} year(s) {years[0]}-{years[-1]}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="the shared data folder")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="the seed folder to write into")
    args = parser.parse_args()
    for name in ("unga_votes_mongolia.csv", "unga_agreement.csv"):
        print(f"{name}: SHA-256 {sha256(args.data / name)}", file=sys.stderr)
    polities = Polities(args.seeds)
    days_by_year = convert_votes(args.data, args.seeds, polities)
    convert_agreement(args.data, args.seeds, polities, days_by_year)


if __name__ == "__main__":
    main()
