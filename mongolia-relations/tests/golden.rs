//! The JSON of every query of the command line on the embedded data, pinned byte for byte, so a
//! change of how rows are read, typed or converted cannot change what users get unnoticed.
//!
//! Each case's output is kept in `tests/golden/NAME.json`; outputs over [`WHOLE_UP_TO`] bytes
//! (the full panel, every UN vote) are kept as their SHA-256 in `NAME.sha256`, beside a filtered
//! case that is kept whole. When the data or a record changes on purpose, regenerate with
//! `MONGOLIA_RELATIONS_BLESS=1 cargo test -p mongolia-relations --test golden` and review the diff.

use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::process::Command;

/// Outputs up to this size are kept whole, so that a failure shows the difference.
const WHOLE_UP_TO: usize = 1 << 20;

/// Name and arguments (before `--format json`) of each case.
const CASES: &[(&str, &[&str])] = &[
    ("events", &["events"]),
    ("events_north_korea", &["events", "--polity", "North Korea"]),
    ("events_north_korea_context", &["events", "--polity", "PRK", "--context"]),
    ("events_involving", &["events", "--involving", "PRK"]),
    (
        "events_visits_1980s",
        &["events", "--kind", "visit", "--start", "1980", "--end", "1989"],
    ),
    ("events_person", &["events", "--person", "Tsedenbal"]),
    ("events_organization", &["events", "--organization", "UN"]),
    ("events_cameo", &["events", "--cameo", "057"]),
    ("events_plover", &["events", "--plover", "AGREE"]),
    ("events_level", &["events", "--level", "head_of_state"]),
    ("events_channel", &["events", "--channel", "party"]),
    ("treaties", &["treaties"]),
    ("treaties_context", &["treaties", "--context"]),
    ("treaties_in_force_1990", &["treaties", "--in-force-on", "1990-01-01"]),
    ("treaties_ussr", &["treaties", "--polity", "SUN"]),
    ("postings", &["postings"]),
    ("postings_sending", &["postings", "--sending", "MNG"]),
    ("missions", &["missions"]),
    ("missions_receiving", &["missions", "--receiving", "PRK"]),
    ("memberships", &["memberships"]),
    ("observations", &["observations"]),
    (
        "observations_north_korea",
        &["observations", "--polity", "PRK", "--indicator", "trade_turnover"],
    ),
    ("polities", &["polities"]),
    ("codes", &["codes"]),
    ("codes_lookup", &["codes", "--scheme", "cow", "--code", "365", "--on", "1980"]),
    ("persons", &["persons"]),
    ("organizations", &["organizations"]),
    ("sources", &["sources"]),
    ("disputes", &["disputes"]),
    ("search", &["search", "treaty"]),
    (
        "sql",
        &["sql", "SELECT kind, count(*) AS n FROM events GROUP BY kind ORDER BY kind"],
    ),
    ("panel", &["dyad-years"]),
    (
        "panel_korea_1980s",
        &["dyad-years", "--polity", "PRK", "--start", "1980", "--end", "1989"],
    ),
    (
        "panel_directed",
        &["dyad-years", "--polity", "KOR", "--directed", "--start", "1990", "--end", "1995"],
    ),
    ("unga_votes", &["unga-votes"]),
    (
        "unga_votes_human_rights",
        &["unga-votes", "--issue", "hr", "--start", "1970", "--end", "1972"],
    ),
    ("unga_agreement", &["unga-agreement"]),
    ("unga_agreement_prk", &["unga-agreement", "--polity", "PRK"]),
    ("countrycode", &["countrycode", "Burma", "--from", "name", "--to", "cown"]),
    ("coverage", &["coverage"]),
    ("stats", &["stats"]),
    ("version", &["version"]),
];

fn golden(name: &str, extension: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.{extension}"))
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn every_query_prints_the_same_json_as_when_it_was_pinned() {
    let bless = std::env::var_os("MONGOLIA_RELATIONS_BLESS").is_some();
    let mut changed = Vec::new();
    for (name, args) in CASES {
        let out = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
            .args(*args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let (path, content) = if out.stdout.len() <= WHOLE_UP_TO {
            (golden(name, "json"), out.stdout)
        } else {
            (golden(name, "sha256"), format!("{}\n", sha256(&out.stdout)).into_bytes())
        };
        if bless {
            std::fs::write(&path, &content).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&content[..]) {
            changed.push(format!("{name} ({})", path.display()));
        }
    }
    assert!(
        changed.is_empty(),
        "the JSON of these queries changed: {changed:?}; if on purpose, regenerate with \
         MONGOLIA_RELATIONS_BLESS=1 cargo test -p mongolia-relations --test golden and review the diff"
    );
}

#[test]
fn every_query_subcommand_has_a_golden_case() {
    let help = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    // Subcommands that print no rows of a query: the dataset's citation, files written, checks.
    let not_queries = ["cite", "export", "build", "verify", "codebook", "verify-sources", "help"];
    let commands = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| !not_queries.contains(c));
    for command in commands {
        assert!(CASES.iter().any(|(_, args)| args[0] == command), "no golden case runs `{command}`");
    }
}
