//! Behaviour of the queries against the real embedded dataset.

use mongolia_relations::{Dataset, Error, Filter, CONTENT_HASH};

fn data() -> Dataset {
    Dataset::embedded().expect("the embedded dataset opens")
}

#[test]
fn dprk_relations_are_established_on_1948_10_15_at_day_precision_and_cited_by_the_documents() {
    let events = data()
        .events(&Filter::new().polity("North Korea").kind("relations_established"))
        .unwrap();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(
        (e.date.as_str(), e.precision.as_str(), e.certainty.as_str()),
        ("1948-10-15", "day", "stated")
    );
    assert_eq!(e.start.to_string(), "1948-10-15");
    assert_eq!(e.polities, ["MNG", "PRK"]);
    for doc in ["doc001", "doc002"] {
        assert!(e.sources.contains(&doc.to_string()), "{doc} states the date");
    }
}

#[test]
fn every_spelling_of_north_korea_resolves_to_prk() {
    let d = data();
    for name in [
        "KP",
        "PRK",
        "prk",
        "North Korea",
        "DPRK",
        "Democratic People's Republic of Korea",
        "731",
        "iso:408",
    ] {
        assert_eq!(d.resolve_polity(name).unwrap(), "PRK", "{name}");
    }
}

#[test]
fn historical_states_resolve_to_themselves_never_to_their_successors() {
    let d = data();
    assert_eq!(d.resolve_polity("USSR").unwrap(), "SUN");
    assert_eq!(d.resolve_polity("Soviet Union").unwrap(), "SUN");
    assert_eq!(d.resolve_polity("GDR").unwrap(), "DDR");
    assert_eq!(d.resolve_polity("East Germany").unwrap(), "DDR");
    assert_eq!(d.resolve_polity("Germany").unwrap(), "DEU");
    assert_eq!(d.resolve_polity("Czechoslovakia").unwrap(), "CSK");
    assert_eq!(d.resolve_polity("South Yemen").unwrap(), "YMD");
}

#[test]
fn an_unknown_polity_is_a_typed_error_with_close_matches() {
    match data().events(&Filter::new().polity("Nort Korea")) {
        Err(Error::UnknownPolity { input, suggestions }) => {
            assert_eq!(input, "Nort Korea");
            assert!(suggestions.iter().any(|s| s.starts_with("PRK")), "{suggestions:?}");
        }
        other => panic!("expected UnknownPolity, got {other:?}"),
    }
}

#[test]
fn unknown_kinds_persons_and_organizations_are_typed_errors() {
    let d = data();
    assert!(matches!(
        d.events(&Filter::new().kind("vist")),
        Err(Error::UnknownValue {
            vocabulary: "event kind",
            ..
        })
    ));
    assert!(matches!(
        d.events(&Filter::new().person("Kim Il Sang")),
        Err(Error::UnknownPerson { .. })
    ));
    assert!(
        matches!(d.memberships(&Filter::new().organization("Comekon")), Err(Error::UnknownOrganization { suggestions, .. }) if suggestions.iter().any(|s| s.starts_with("CMEA")))
    );
}

#[test]
fn an_inverted_or_malformed_date_range_is_a_typed_error() {
    let d = data();
    assert!(matches!(
        d.events(&Filter::new().start("1990").end("1980")),
        Err(Error::InvertedRange { .. })
    ));
    assert!(matches!(
        d.events(&Filter::new().start("1990-13")),
        Err(Error::InvalidDate { field: "start", .. })
    ));
    assert!(matches!(d.events(&Filter::new().polity("PRK\0")), Err(Error::InvalidInput { .. })));
    assert!(matches!(
        d.events(&Filter::new().polity("x".repeat(10_000))),
        Err(Error::InvalidInput { .. })
    ));
}

#[test]
fn malformed_sql_is_a_typed_sql_error() {
    assert!(matches!(data().sql("SELEC * FROM events"), Err(Error::Sql { .. })));
    assert!(matches!(data().search("AND AND ("), Err(Error::Sql { .. })));
}

/// Hostile statements, one per line: each must be refused, and the data must not change. The
/// same list drives the command-line and Python tests.
const HOSTILE: &str = include_str!("hostile_sql.txt");

fn hostile() -> impl Iterator<Item = &'static str> {
    HOSTILE.lines().filter(|l| !l.trim().is_empty())
}

#[test]
fn writes_attach_pragma_writes_and_multiple_statements_are_refused_and_change_nothing() {
    let d = data();
    assert!(hostile().count() >= 30);
    for statement in hostile() {
        match d.sql(statement) {
            Err(Error::ReadOnly { .. }) | Err(Error::Sql { .. }) => {}
            other => panic!("{statement:?} was not refused: {other:?}"),
        }
    }
    assert!(!std::path::Path::new("/tmp/mongolia-relations-attack.db").exists());
    assert!(!std::path::Path::new("/tmp/mongolia-relations-copy.db").exists());
    assert_eq!(d.recompute_content_hash().unwrap(), CONTENT_HASH);
    assert_eq!(d.content_hash().unwrap(), CONTENT_HASH);
    assert!(matches!(d.sql("DROP TABLE events"), Err(Error::ReadOnly { .. })));
}

#[test]
fn read_only_sql_and_inspecting_pragmas_work() {
    let d = data();
    let rows = d.sql("SELECT kind, count(*) AS n FROM events GROUP BY kind ORDER BY kind").unwrap();
    assert_eq!(rows.columns, ["kind", "n"]);
    assert!(!d.sql("PRAGMA table_info(events)").unwrap().rows.is_empty());
}

#[test]
fn the_1986_treaty_is_in_force_in_1990_and_not_in_1996() {
    let d = data();
    let in_1990 = d.treaties(&Filter::new().polity("PRK").in_force_on("1990-06-01")).unwrap();
    let t = in_1990
        .iter()
        .find(|t| t.title.contains("1986"))
        .expect("the 1986 treaty is in force in 1990");
    assert_eq!(t.term_years, Some(20));
    assert_eq!(t.terminated.as_deref(), Some("1995"));
    let in_1996 = d.treaties(&Filter::new().polity("PRK").in_force_on("1996-06-01")).unwrap();
    assert!(!in_1996.iter().any(|t| t.title.contains("1986")));
}

#[test]
fn every_fact_row_is_cited() {
    let d = data();
    for table in mongolia_relations::builder::FACT_TABLES {
        let key = if *table == "polities" { "code" } else { "id" };
        let q = format!(
            "SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.record_table = '{table}' AND c.record_id = CAST(t.{key} AS TEXT))"
        );
        assert_eq!(d.sql(&q).unwrap().rows[0][0], 0, "uncited rows in {table}");
    }
}

#[test]
fn the_database_passes_integrity_and_foreign_key_checks_and_dates_are_ordered() {
    let d = data();
    assert_eq!(d.sql("PRAGMA integrity_check").unwrap().rows[0][0], "ok");
    assert!(d.sql("PRAGMA foreign_key_check").unwrap().rows.is_empty());
    assert_eq!(
        d.sql("SELECT count(*) FROM events WHERE date_end < date_start OR date_start IS NULL")
            .unwrap()
            .rows[0][0],
        0
    );
}

#[test]
fn named_disputes_list_both_sides_with_sources() {
    let disputes = data().disputes(&Filter::new()).unwrap();
    let find = |needle: &str| {
        disputes
            .iter()
            .find(|d| d.topic.contains(needle))
            .unwrap_or_else(|| panic!("no dispute about {needle}"))
    };
    let orphans = find("orphans");
    assert!(orphans.claims.len() >= 3 && orphans.claims.iter().all(|c| !c.sources.is_empty()));
    let closure = find("closed its embassy");
    assert!(closure.claims.iter().any(|c| c.sources.contains(&"doc001".into())));
    assert!(closure.claims.iter().any(|c| c.sources.contains(&"doc002".into())));
    assert!(find("austerity measures").claims.iter().any(|c| c.value.contains("2019")));
}

#[test]
fn trade_observations_keep_the_table_figures() {
    let obs = data().observations(&Filter::new().polity("PRK").start("1985").end("1985")).unwrap();
    assert_eq!(obs.len(), 1);
    assert_eq!(obs[0].value, Some(10.7));
    assert_eq!(obs[0].unit, "USD million");
}

#[test]
fn partial_dates_keep_their_precision_and_inferred_dates_their_reasoning() {
    let d = data();
    let summer = d
        .events(&Filter::new().person("Kim Il Sung").kind("visit").start("1988").end("1988"))
        .unwrap();
    assert!(summer.iter().any(|e| e.date == "1988-22" && e.precision == "season"));
    let inferred = d
        .sql("SELECT count(*) FROM events WHERE certainty = 'inferred' AND date_note IS NULL")
        .unwrap();
    assert_eq!(inferred.rows[0][0], 0);
}

#[test]
fn full_text_search_finds_summaries() {
    let hits = data().search("\"special train\"").unwrap();
    assert!(hits.iter().any(|e| e.date == "1988-22"));
}

#[test]
fn person_spellings_resolve_to_one_person() {
    let d = data();
    assert_eq!(d.resolve_person("Kim Il-sung").unwrap(), d.resolve_person("Kim Il Sung").unwrap());
}

#[test]
fn citations_of_a_record_carry_locators() {
    let d = data();
    let e = &d.events(&Filter::new().polity("PRK").kind("relations_established")).unwrap()[0];
    let cites = d.citations("events", &e.id.to_string()).unwrap();
    assert!(cites.iter().all(|c| !c.locator.is_empty()));
}

#[test]
fn postings_filter_by_sending_or_receiving_state() {
    let d = data();
    let to_pyongyang = d.postings(&Filter::new().sending("MNG").receiving("North Korea")).unwrap();
    assert!(to_pyongyang
        .iter()
        .any(|p| p.person == "J. Sambuu" && p.start.as_deref() == Some("1950")));
    assert!(to_pyongyang.iter().all(|p| p.sending == "MNG" && p.receiving == "PRK"));
    let from_pyongyang = d.postings(&Filter::new().sending("PRK")).unwrap();
    assert!(from_pyongyang.iter().all(|p| p.sending == "PRK") && !from_pyongyang.is_empty());
}

fn one(events: Vec<mongolia_relations::Event>, what: &str) -> mongolia_relations::Event {
    assert_eq!(events.len(), 1, "expected one event for {what}, got {events:#?}");
    events.into_iter().next().unwrap()
}

#[test]
fn doc000_dates_the_1991_investment_agreements_with_germany_and_france() {
    let d = data();
    for partner in ["Germany", "France"] {
        let e = one(
            d.events(&Filter::new().polity(partner).kind("treaty_signed").start("1991").end("1991"))
                .unwrap(),
            partner,
        );
        assert_eq!((e.date.as_str(), e.precision.as_str()), ("1991", "year"));
        assert!(e.sources.contains(&"doc000".into()));
    }
    let foss = d.memberships(&Filter::new().organization("Forum of Small States")).unwrap();
    assert_eq!(
        (foss[0].start.as_deref(), foss[0].status.as_str()),
        (Some("1992"), "founding_member")
    );
}

#[test]
fn doc001_records_the_end_of_1953_aid_agreement_and_its_10000_horses() {
    let d = data();
    let e = one(
        d.events(&Filter::new().polity("PRK").kind("treaty_signed").start("1953").end("1953"))
            .unwrap(),
        "1953 aid",
    );
    assert_eq!((e.date.as_str(), e.precision.as_str()), ("1953-36~", "quarter"));
    assert!(e.sources.contains(&"doc001".into()));
    let horses = d
        .sql(&format!("SELECT value, unit FROM quantities WHERE event = {}", e.id))
        .unwrap();
    assert_eq!(horses.rows[0][0], 10000.0);
}

#[test]
fn doc002_places_gombosurens_april_1989_visit_in_pyongyang() {
    let e = one(
        data().events(&Filter::new().person("Gombosuren").kind("visit")).unwrap(),
        "Gombosuren",
    );
    assert_eq!((e.date.as_str(), e.precision.as_str()), ("1989-04", "month"));
    assert_eq!(e.place.as_deref(), Some("Pyongyang"));
    assert_eq!(e.polities, ["MNG", "PRK"]);
    assert!(e.participants.iter().any(|p| p.id == "MNG" && p.role == "visitor"));
    let amarjargal = one(
        data()
            .events(&Filter::new().person("Amarjargal").kind("visit").polity("PRK"))
            .unwrap(),
        "Amarjargal",
    );
    assert_eq!(
        (amarjargal.date.as_str(), amarjargal.precision.as_str()),
        ("1999-11-04/1999-11-05", "interval")
    );
}

#[test]
fn doc003_infers_2023_for_the_7th_joint_committee_in_ulaanbaatar() {
    let meetings = data()
        .events(&Filter::new().polity("KOR").kind("meeting").start("2023").end("2023"))
        .unwrap();
    let e = one(
        meetings.into_iter().filter(|e| e.summary.contains("Joint Committee")).collect(),
        "joint committee",
    );
    assert_eq!((e.date.as_str(), e.certainty.as_str()), ("2023-06", "inferred"));
    assert!(e.date_note.unwrap().contains("last August"));
    assert_eq!(e.place.as_deref(), Some("Ulaanbaatar"));
    assert!(e.sources.contains(&"doc003".into()));
}

#[test]
fn doc004_dates_battulgas_invitation_to_kim_jong_un_to_october_2018() {
    let e = one(
        data().events(&Filter::new().person("Battulga").kind("statement")).unwrap(),
        "invitation",
    );
    assert_eq!(
        (e.date.as_str(), e.certainty.as_str(), e.precision.as_str()),
        ("2018-10", "inferred", "month")
    );
    assert!(e.date_note.unwrap().contains("70th anniversary"));
}

#[test]
fn coverage_dates_the_dprk_directly_and_russia_through_soviet_russia() {
    let cov = data().coverage().unwrap();
    let get = |c: &str| cov.iter().find(|x| x.polity == c).unwrap().clone();
    assert_eq!(get("PRK").date.as_deref(), Some("1948-10-15"));
    let russia = get("RUS");
    assert_eq!((russia.date.as_deref(), russia.via.as_deref()), (Some("1921-11-05"), Some("RSF")));
    assert_eq!(cov.len(), 194, "every UN member but Mongolia, the Holy See and Palestine");
    let undated: Vec<&str> = cov
        .iter()
        .filter(|c| c.date.is_none() || c.sources == 0)
        .map(|c| c.polity.as_str())
        .collect();
    assert!(undated.is_empty(), "partners without a cited date: {undated:?}");
    let bahamas = get("BHS");
    assert_eq!(
        (bahamas.date.as_deref(), bahamas.sources),
        (Some("2016-07-08"), 2),
        "both articles agree"
    );
}

#[test]
fn coverage_flags_dates_whose_sources_disagree_but_not_a_more_precise_day() {
    let cov = data().coverage().unwrap();
    let get = |c: &str| cov.iter().find(|x| x.polity == c).unwrap().clone();
    for disagreeing in ["MCO", "NAM", "SMR", "SYC", "TON", "ISL", "ESP", "SVN", "MNE", "SVK", "JAM"] {
        assert!(get(disagreeing).disputed, "{disagreeing}");
    }
    let denmark = get("DNK");
    assert_eq!((denmark.date.as_deref(), denmark.disputed), (Some("1968-08-05"), false));
    let d = data().disputes(&Filter::new().polity("DNK")).unwrap();
    let kinds: Vec<(&str, Vec<(&str, &str)>)> = d
        .iter()
        .map(|d| {
            (
                d.kind.as_str(),
                d.claims.iter().map(|c| (c.value.as_str(), c.rank.as_str())).collect(),
            )
        })
        .collect();
    assert_eq!(kinds, [("precision", vec![("1968-08-05", "preferred"), ("1968", "normal")])]);
}

#[test]
fn slovakia_and_unified_yemen_appear_only_from_their_own_founding() {
    let d = data();
    let slovakia = d.events(&Filter::new().polity("SVK").kind("relations_established")).unwrap();
    assert_eq!(slovakia.iter().map(|e| e.date.as_str()).collect::<Vec<_>>(), ["1993-01-01"]);
    assert!(d.events(&Filter::new().polity("YEM").end("1989")).unwrap().is_empty());
    let czechoslovakia = d.events(&Filter::new().polity("CSK").kind("relations_established")).unwrap();
    assert_eq!(czechoslovakia[0].date, "1950-04-25");
    let yemen = d.coverage().unwrap().into_iter().find(|c| c.polity == "YEM").unwrap();
    assert!(yemen.via.is_some(), "unified Yemen's date goes through a Yemen before 1990");
}

#[test]
fn verify_sources_reports_a_folder_without_the_texts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("other.txt"), "unrelated text").unwrap();
    let failures = data().verify_sources(&[dir.path()]).unwrap();
    for doc in ["doc000", "doc001", "doc002", "doc003", "doc004"] {
        assert!(failures.iter().any(|f| f.source == doc && f.problem.contains("SHA-256")), "{doc}");
    }
}

#[test]
fn eight_threads_querying_at_once_get_the_single_threaded_results() {
    let expected = data().events(&Filter::new().polity("PRK")).unwrap();
    let handles: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(|| {
                let d = Dataset::embedded().unwrap();
                (0..20).map(|_| d.events(&Filter::new().polity("PRK")).unwrap()).collect::<Vec<_>>()
            })
        })
        .collect();
    for h in handles {
        for result in h.join().unwrap() {
            assert_eq!(result, expected);
        }
    }
}

#[test]
fn a_users_database_file_refuses_every_hostile_statement() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.sqlite");
    std::fs::write(&path, data().file_bytes().unwrap()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let d = Dataset::open(&path).unwrap();
    for statement in hostile() {
        assert!(
            matches!(d.sql(statement), Err(Error::ReadOnly { .. }) | Err(Error::Sql { .. })),
            "{statement:?}"
        );
    }
    assert_eq!(d.recompute_content_hash().unwrap(), CONTENT_HASH);
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is byte-for-byte unchanged");
}

#[test]
fn truncated_and_newer_schema_files_give_errors_naming_file_and_problem() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = data().file_bytes().unwrap();
    let truncated = dir.path().join("truncated.sqlite");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    match Dataset::open(&truncated).and_then(|d| d.sql("SELECT count(*) FROM citations").map(|_| d)) {
        Err(Error::OpenFile { path, .. }) => assert_eq!(path, truncated),
        Err(Error::Sql { .. }) => {}
        other => panic!("a truncated file must not open cleanly: {other:?}"),
    }
    let newer = copy_with_schema_version(dir.path(), "99");
    match Dataset::open(&newer) {
        Err(Error::OpenFile { path, reason }) => assert!(path == newer && reason.contains("schema version 99")),
        other => panic!("expected a newer-schema error, got {other:?}"),
    }
}

#[test]
fn a_runaway_recursive_query_stops_with_an_error_instead_of_exhausting_memory() {
    let err = data()
        .sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c")
        .unwrap_err();
    // The row cap, or the deadline on a slow machine: either way a typed bound, not exhaustion.
    assert!(
        matches!(err, Error::ResultTooLarge { unit: "rows", .. } | Error::Timeout { .. }),
        "{err}"
    );
}

#[test]
fn bounded_date_ranges_return_exactly_the_events_that_may_fall_in_them() {
    let d = data();
    let ranges = [
        (Some("1950"), Some("1950")),
        (Some("1975"), None),
        (None, Some("1953-06")),
        (Some("1998-12-31"), Some("2000")),
        (Some("1949"), Some("1949-03")),
        (Some("1973-06-01"), Some("1973-06-01")),
        (Some("197X"), None),
    ];
    for (start, end) in ranges {
        // Every event, context ones too: the range is what is tested here.
        let mut f = Filter::new().context(true);
        f.start = start.map(str::to_string);
        f.end = end.map(str::to_string);
        let got: Vec<i64> = d.events(&f).unwrap().iter().map(|e| e.id).collect();
        let (first, last) = f.date_bounds().unwrap();
        let first = first.map_or("0000-01-01".to_string(), |x| x.to_string());
        let last = last.map_or("9999-12-31".to_string(), |x| x.to_string());
        let plain = d
            .sql(&format!(
                "SELECT id FROM events WHERE date_end >= '{first}' AND date_start <= '{last}' ORDER BY date_start, date_end, id"
            ))
            .unwrap();
        let want: Vec<i64> = plain.rows.iter().map(|r| r[0].as_i64().unwrap()).collect();
        assert_eq!(got, want, "range {start:?}..{end:?}");
        assert!(!got.is_empty(), "range {start:?}..{end:?} should find events");
    }
}

#[test]
fn a_file_of_an_older_schema_is_refused_with_a_rebuild_hint() {
    let dir = tempfile::tempdir().unwrap();
    match Dataset::open(copy_with_schema_version(dir.path(), "1")) {
        Err(Error::OpenFile { reason, .. }) => assert!(reason.contains("schema version 1") && reason.contains("build --extra")),
        other => panic!("expected an older-schema error, got {other:?}"),
    }
}

/// A copy of the embedded database in `dir` whose metadata claims another schema version.
fn copy_with_schema_version(dir: &std::path::Path, version: &str) -> std::path::PathBuf {
    let path = dir.join(format!("schema-{version}.sqlite"));
    std::fs::write(&path, data().file_bytes().unwrap()).unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE metadata SET value = ?1 WHERE key = 'schema_version'", [version])
        .unwrap();
    path
}

#[test]
fn drops_of_missing_objects_writing_table_valued_pragmas_and_load_extension_are_read_only_errors() {
    let d = data();
    for statement in [
        "DROP TRIGGER IF EXISTS no_such_trigger",
        "DROP TABLE IF EXISTS no_such_table",
        "/* comment */ drop view if exists v",
        "SELECT * FROM pragma_optimize",
        "SELECT * FROM pragma_user_version(5)",
        "SELECT load_extension('/tmp/evil.so')",
    ] {
        assert!(
            matches!(d.sql(statement), Err(Error::ReadOnly { .. })),
            "{statement:?}: {:?}",
            d.sql(statement)
        );
    }
}

#[test]
fn duplicate_column_names_in_a_result_are_kept_under_numbered_names() {
    let rows = data().sql("SELECT 1 AS id, 2 AS id, 3 AS id_2, 4 AS id").unwrap();
    assert_eq!(rows.columns, ["id", "id_2", "id_2_2", "id_3"]);
    assert_eq!(rows.rows[0], [1, 2, 3, 4].map(serde_json::Value::from));
}

#[test]
fn like_metacharacters_in_a_cameo_filter_are_taken_literally() {
    let d = data();
    assert!(!d.events(&Filter::new().cameo("05")).unwrap().is_empty());
    for pattern in ["%", "_5", "0_", "\\"] {
        assert!(d.events(&Filter::new().cameo(pattern)).unwrap().is_empty(), "{pattern:?}");
    }
}
