"""Mongolia and the DPRK in numbers: events by decade and kind, with the sources behind them.

Run: python examples/dprk_summary.py
"""

from collections import Counter

import mongolia_relations as mr


def main() -> None:
    events = mr.events(polity="North Korea")
    by_decade = Counter((e.start.year // 10 * 10, e.kind) for e in events)
    print(f"{len(events)} events with the DPRK in mongolia-relations {mr.dataset_version()}")
    for (decade, kind), n in sorted(by_decade.items()):
        print(f"{decade}s  {kind:<22} {n}")
    cited = sorted({s for e in events for s in e.sources})
    print(f"\nSources cited: {', '.join(cited)}")
    for d in mr.disputes(polity="PRK"):
        print(f"\nDispute: {d.topic}")
        for claim in d.claims:
            print(f"  - {claim['value']} ({', '.join(claim['sources'])})")
    print("\n" + mr.cite())


if __name__ == "__main__":
    main()
