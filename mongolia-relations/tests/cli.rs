//! The command line, run as a user would.

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mongolia-relations")).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn events_for_north_korea_print_as_a_json_array_of_events() {
    let (ok, stdout, _) = run(&["events", "--polity", "North Korea", "--format", "json"]);
    assert!(ok);
    let events: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let first = events.iter().find(|e| e["kind"] == "relations_established").unwrap();
    for key in [
        "id",
        "kind",
        "date",
        "start",
        "end",
        "precision",
        "certainty",
        "polities",
        "persons",
        "place",
        "summary",
        "sources",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["date"], "1948-10-15");
    assert_eq!(first["polities"], serde_json::json!(["MNG", "PRK"]));
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let (ok, stdout, stderr) = run(&["events", "--polity", "Nort Korea"]);
    assert!(!ok);
    assert!(stdout.is_empty());
    assert!(stderr.contains("unknown polity") && stderr.contains("PRK"), "{stderr}");
    let (ok, _, stderr) = run(&["sql", "DROP TABLE events"]);
    assert!(!ok && stderr.contains("read-only"));
}

#[test]
fn version_prints_the_content_hash_and_csv_has_a_header() {
    let (ok, stdout, _) = run(&["version", "--format", "json"]);
    assert!(ok && stdout.contains(mongolia_relations::CONTENT_HASH));
    let (ok, stdout, _) = run(&["postings", "--polity", "PRK", "--format", "csv"]);
    assert!(ok && stdout.starts_with("id,person,person_id,role,sending,receiving"));
}

#[test]
fn export_writes_every_table_with_the_database_row_counts_and_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export");
    let (ok, _, stderr) = run(&["export", "--format", "csv", "--out", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let data = mongolia_relations::Dataset::embedded().unwrap();
    for table in ["events", "citations", "polities", "treaties", "disputes"] {
        let n = data.sql(&format!("SELECT count(*) FROM {table}")).unwrap().rows[0][0]
            .as_u64()
            .unwrap();
        assert_eq!(manifest["tables"][table], n);
        let lines = std::fs::read_to_string(out.join(format!("{table}.csv"))).unwrap();
        let rows = csv::Reader::from_reader(lines.as_bytes()).records().count() as u64;
        assert_eq!(rows, n, "{table}");
    }
    assert_eq!(manifest["content_hash"], mongolia_relations::CONTENT_HASH);
    assert!(out.join("mongolia-relations.sqlite").exists() && out.join("events_icews.tsv").exists());
    let (ok, _, stderr) = run(&["events", "--format", "parquet"]);
    assert!(!ok && stderr.contains("export"));
}

#[test]
fn every_hostile_statement_is_refused_by_the_sql_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = user_file(dir.path());
    let before = std::fs::read(&db).unwrap();
    for statement in include_str!("hostile_sql.txt").lines().filter(|l| !l.trim().is_empty()) {
        let (ok, stdout, stderr) = run(&["sql", statement]);
        assert!(!ok && stdout.is_empty() && stderr.starts_with("error:"), "{statement:?}: {stderr}");
        let (ok, stdout, stderr) = run(&["--db", &db, "sql", statement]);
        assert!(
            !ok && stdout.is_empty() && stderr.starts_with("error:"),
            "--db {statement:?}: {stderr}"
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the user's file is unchanged");
    let (ok, stdout, _) = run(&["version", "--format", "json"]);
    assert!(ok && stdout.contains(mongolia_relations::CONTENT_HASH));
}

#[test]
fn invalid_utf8_and_nul_free_oversized_arguments_get_clear_errors() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"North \xff Korea");
    let out = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
        .arg("events")
        .arg("--polity")
        .arg(bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
    let long = "x".repeat(100_000);
    let (ok, _, stderr) = run(&["events", "--polity", &long]);
    assert!(!ok && stderr.contains("longer than"), "{stderr}");
}

#[test]
fn codes_looks_up_a_cow_number_at_a_date_and_lists_a_politys_codes_as_csv() {
    let (ok, stdout, _) = run(&["codes", "--scheme", "cow", "--code", "365", "--on", "1960", "--format", "csv"]);
    assert!(ok);
    assert!(stdout.lines().nth(1).unwrap().starts_with("SUN,Soviet Union"), "{stdout}");
    let (ok, stdout, _) = run(&["codes", "--polity", "GDR", "--format", "csv"]);
    assert!(ok);
    assert!(stdout.starts_with("id,polity,scheme,code,valid_from,valid_to,certainty,note,sources,dataset"));
    assert!(stdout.contains(",DDR,gw,265,1949-10-05,1990-10-02,stated,"), "{stdout}");
    let (ok, _, stderr) = run(&["codes", "--scheme", "cow", "--code", "365", "--on", "1991"]);
    assert!(!ok && stderr.contains("SUN (Soviet Union, 1922-12-30 to 1991-12-25)"), "{stderr}");
}

#[test]
fn missions_filter_by_side_and_kind_and_print_as_csv_or_json() {
    let (ok, stdout, stderr) = run(&[
        "missions",
        "--receiving",
        "Mongolia",
        "--kind",
        "accredited_from",
        "--format",
        "csv",
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.starts_with("id,sending,receiving,kind,city,accredited_from,status"),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.contains(",MEX,MNG,accredited_from,Seoul,KOR,open,")),
        "{stdout}"
    );
    let (ok, stdout, _) = run(&["missions", "--polity", "USA", "--format", "json"]);
    assert!(ok);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert!(rows
        .iter()
        .any(|m| m["sending"] == "USA" && m["kind"] == "embassy" && m["opened"] == "1988-09"));
    let (ok, _, stderr) = run(&["missions", "--kind", "embasy"]);
    assert!(!ok && stderr.contains("unknown mission kind"), "{stderr}");
}

#[test]
fn stats_count_missions_by_kind() {
    let (ok, stdout, _) = run(&["stats", "--format", "json"]);
    assert!(ok);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let n = |what: &str| rows.iter().find(|r| r["what"] == what).and_then(|r| r["n"].as_i64());
    let kinds: i64 = rows
        .iter()
        .filter(|r| r["what"].as_str().is_some_and(|w| w.starts_with("missions: ")))
        .filter_map(|r| r["n"].as_i64())
        .sum();
    assert!(n("missions (all)").is_some_and(|all| all > 100 && all == kinds), "{rows:?}");
    assert!(n("missions: embassy").is_some_and(|e| e > 40));
}

/// A copy of the embedded database in `dir`, for the `--db` runs.
fn user_file(dir: &std::path::Path) -> String {
    let path = dir.join("copy.sqlite");
    std::fs::write(&path, mongolia_relations::Dataset::embedded().unwrap().file_bytes().unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn every_runaway_or_oversized_query_ends_with_an_error_naming_its_bound() {
    let dir = tempfile::tempdir().unwrap();
    let db = user_file(dir.path());
    let words = [
        ("timeout", "deadline"),
        ("memory", "working memory"),
        ("value", "longer than"),
        ("result", "more than"),
        ("complex", "too complex"),
    ];
    for (i, line) in include_str!("resource_sql.txt").lines().enumerate() {
        let (kind, statement) = line.split_once('\t').unwrap();
        let word = words.iter().find(|(k, _)| *k == kind).unwrap().1;
        let timeout = if kind == "timeout" { "1" } else { "60" };
        let mut args = vec!["--timeout", timeout, "--max-memory", "64", "sql", statement];
        if i % 2 == 1 {
            args.extend(["--db", db.as_str()]);
        }
        let (ok, stdout, stderr) = run(&args);
        assert!(!ok && stdout.is_empty(), "{statement:?}");
        assert!(stderr.starts_with("error:") && stderr.contains(word), "{statement:?}: {stderr}");
    }
}

#[test]
fn a_panel_year_outside_the_data_is_refused() {
    let (ok, _, stderr) = run(&["panel", "--end", "3000"]);
    assert!(!ok && stderr.contains("the data covers the years"), "{stderr}");
}

#[test]
fn verify_says_whether_a_file_matches_its_claimed_hash() {
    let dir = tempfile::tempdir().unwrap();
    let db = user_file(dir.path());
    let (ok, stdout, _) = run(&["verify", &db, "--format", "json"]);
    assert!(ok && stdout.contains("\"matches\": true"), "{stdout}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE sources SET title = 'forged' WHERE rowid = 1", []).unwrap();
    drop(conn);
    let (ok, stdout, stderr) = run(&["--db", &db, "verify", "--format", "json"]);
    assert!(
        !ok && stdout.contains("\"matches\": false") && stderr.contains("changed after it was built"),
        "{stderr}"
    );
    let (ok, stdout, _) = run(&["--db", &db, "version", "--format", "json"]);
    assert!(
        ok && !stdout.contains(mongolia_relations::CONTENT_HASH),
        "the forged file reports its own hash"
    );
}

#[test]
fn ctrl_c_stops_a_running_query_with_an_interrupted_error_and_exit_130() {
    let child = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
        .args([
            "--timeout",
            "3600",
            "sql",
            "SELECT count(*) FROM events a, events b, events c, events d",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    // SAFETY: kill sends a signal to the child we started.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) }, 0);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
}

#[test]
fn the_command_line_prints_votes_and_agreement_and_stats_counts_the_un_tables() {
    let (ok, stdout, stderr) = run(&[
        "unga-votes",
        "--polity",
        "DPRK",
        "--start",
        "1991",
        "--end",
        "1991",
        "--format",
        "csv",
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.starts_with("rcid,session,date,symbol,important_vote,title,issues,polity,vote,mongolia_vote,source_country"));
    assert!(stdout.lines().skip(1).all(|l| l.contains(",PRK,")) && stdout.lines().count() > 10);
    let (ok, stdout, _) = run(&[
        "unga-agreement",
        "--polity",
        "PRK",
        "--start",
        "2000",
        "--end",
        "2000",
        "--format",
        "json",
    ]);
    assert!(ok);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["n_votes"].as_i64(), rows[0]["agreement_index"].as_f64()),
        (Some(53), Some(0.8962))
    );
    let (ok, _, stderr) = run(&["unga-votes", "--issue", "korea"]);
    assert!(!ok && stderr.contains("unknown UN General Assembly issue"), "{stderr}");
    let (ok, stdout, _) = run(&["stats", "--format", "json"]);
    assert!(ok);
    let stats: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let n = |what: &str| stats.iter().find(|r| r["what"] == what).and_then(|r| r["n"].as_i64());
    assert_eq!(n("UN General Assembly roll calls"), Some(5177));
    assert_eq!(n("UN General Assembly votes: MNG"), Some(5177));
    assert_eq!(n("UN General Assembly agreement rows"), Some(9448));
}

#[test]
fn codebook_prints_markdown_or_html_and_refuses_other_formats() {
    let (ok, md, _) = run(&["codebook", "--format", "md"]);
    assert!(ok && md.starts_with("# mongolia-relations: codebook") && md.contains("#### `events` (table"));
    let (ok, html, _) = run(&["codebook", "--format", "html"]);
    assert!(ok && html.starts_with("<!DOCTYPE html>") && html.contains("<table>"));
    let (ok, _, stderr) = run(&["codebook", "--format", "csv"]);
    assert!(!ok && stderr.contains("md or html"), "{stderr}");
}

#[test]
fn export_format_datasette_writes_the_two_files_and_says_how_to_serve_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let out_arg = out.to_str().unwrap();
    let (ok, _, stderr) = run(&["export", "--format", "datasette", "--out", out_arg]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("datasette serve --immutable"), "{stderr}");
    assert!(out.join("mongolia-relations.sqlite").is_file() && out.join("metadata.json").is_file());
    let (ok, _, stderr) = run(&["export", "--format", "datasette", "--out", out_arg]);
    assert!(!ok && stderr.contains("--force"), "a second export is refused: {stderr}");
}

#[test]
fn countrycode_converts_pasted_names_and_shows_why_one_did_not() {
    let (ok, stdout, _) = run(&["countrycode", "--to", "cown", "--format", "json", "Korea, Rep.", "Narnia"]);
    assert!(ok);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0]["cown"], "732");
    assert_eq!(rows[1]["cown"], serde_json::Value::Null);
    assert_eq!(rows[1]["reason"], "unknown");
    let (ok, stdout, _) = run(&["countrycode", "--from", "cown", "--to", "polity", "--on", "1960", "365"]);
    assert!(ok && stdout.contains("SUN"), "{stdout}");
}

#[test]
fn events_and_treaties_are_mongolias_unless_context_is_asked_for() {
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let (ok, stdout, stderr) = run(args);
        assert!(ok, "{stderr}");
        serde_json::from_str(&stdout).unwrap()
    };
    let soviet_recognition = |events: &[serde_json::Value]| {
        events
            .iter()
            .any(|e| e["kind"] == "recognition" && e["polities"].as_array().unwrap().contains(&"SUN".into()))
    };
    let own = json(&["events", "--polity", "PRK", "--format", "json"]);
    assert!(own.iter().all(|e| e["mongolia_role"] == "party" || e["mongolia_role"] == "host"));
    assert!(!soviet_recognition(&own));
    let context = json(&["events", "--polity", "PRK", "--context", "--format", "json"]);
    assert!(soviet_recognition(&context));
    let involving = json(&["events", "--involving", "PRK", "--format", "json"]);
    assert_eq!(involving.len(), context.len());
    let treaties = json(&["treaties", "--polity", "PRK", "--in-force-on", "1990-07-01", "--format", "json"]);
    assert!(treaties.iter().all(|t| t["parties"].as_array().unwrap().contains(&"MNG".into())));
    assert!(treaties.iter().all(|t| t["in_force_basis"].is_string()));
    let heads = json(&[
        "events",
        "--polity",
        "PRK",
        "--level",
        "head_of_state",
        "--channel",
        "state",
        "--format",
        "json",
    ]);
    assert!(!heads.is_empty() && heads.iter().all(|e| e["level"] == "head_of_state" && e["channel"] == "state"));
    let directed = json(&[
        "panel",
        "--polity",
        "PRK",
        "--start",
        "1990",
        "--end",
        "1990",
        "--directed",
        "--format",
        "json",
    ]);
    assert_eq!(directed.len(), 2);
    assert_eq!(
        (directed[0]["ccode1"].as_i64(), directed[1]["ccode1"].as_i64()),
        (Some(712), Some(731))
    );
}

#[test]
fn a_closed_pipe_ends_citations_and_tables_quietly() {
    for args in [&["cite"][..], &["sources", "--format", "bibtex"], &["events", "--polity", "PRK"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the program writes, as `| head` closes it after the first lines.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_filter_of_another_query_is_refused_naming_the_filters_the_query_takes() {
    let (ok, stdout, stderr) = run(&["polities", "--kind", "visit", "--person", "Sambuu"]);
    assert!(!ok && stdout.is_empty());
    assert!(stderr.contains("polities takes no kind filter; it takes polity"), "{stderr}");
    let (ok, _, stderr) = run(&["panel", "--context"]);
    assert!(!ok && stderr.contains("dyad_years takes no context filter"), "{stderr}");
    let (ok, _, stderr) = run(&["unga-agreement", "--in-force-on", "1990"]);
    assert!(
        !ok && stderr.contains("unga_agreement takes no in_force_on filter; it takes polity, start, end"),
        "{stderr}"
    );
}

#[test]
fn each_query_subcommand_shows_only_the_filters_its_query_takes() {
    use mongolia_relations::{FilterName, Query};
    for query in Query::ALL {
        let sub = query.name().replace('_', "-");
        let (ok, help, _) = run(&[&sub, "--help"]);
        assert!(ok, "{sub} --help");
        for name in FilterName::ALL {
            let flag = format!("--{} ", name.name().replace('_', "-"));
            assert_eq!(
                help.contains(&flag),
                query.filters().contains(name),
                "{sub} --help and {flag}:\n{help}"
            );
        }
    }
}

#[test]
fn start_and_end_take_a_year_or_an_edtf_date_in_every_query() {
    let json = |args: &[&str]| {
        let (ok, stdout, stderr) = run(args);
        assert!(ok, "{args:?}: {stderr}");
        serde_json::from_str::<Vec<serde_json::Value>>(&stdout).unwrap()
    };
    let by_year = json(&["events", "--polity", "PRK", "--start", "1986", "--end", "1986", "--format", "json"]);
    let by_days = json(&[
        "events",
        "--polity",
        "PRK",
        "--start",
        "1986-01-01",
        "--end",
        "1986-12-31",
        "--format",
        "json",
    ]);
    assert!(!by_year.is_empty());
    assert_eq!(by_year, by_days);
    let panel = json(&[
        "dyad-years",
        "--polity",
        "PRK",
        "--start",
        "1990-06-01",
        "--end",
        "1991",
        "--format",
        "json",
    ]);
    assert_eq!(panel.iter().map(|r| r["year"].as_i64().unwrap()).collect::<Vec<_>>(), [1990, 1991]);
    assert_eq!(
        json(&["panel", "--polity", "PRK", "--start", "1990", "--end", "1991", "--format", "json"]),
        panel
    );
}

#[test]
fn polity_takes_a_name_a_cow_number_or_several_in_every_query() {
    let count = |args: &[&str]| {
        let (ok, stdout, stderr) = run(args);
        assert!(ok, "{args:?}: {stderr}");
        serde_json::from_str::<Vec<serde_json::Value>>(&stdout).unwrap().len()
    };
    let dprk = count(&["events", "--polity", "North Korea", "--format", "json"]);
    assert_eq!(count(&["events", "--polity", "731", "--format", "json"]), dprk);
    let rok = count(&["events", "--polity", "KOR", "--format", "json"]);
    let both = count(&["events", "--polity", "PRK", "--polity", "KOR", "--format", "json"]);
    assert!(both > dprk.max(rok) && both <= dprk + rok, "{both} of {dprk} + {rok}");
    assert_eq!(count(&["polities", "--polity", "PRK", "--polity", "365", "--format", "json"]), 2);
}
