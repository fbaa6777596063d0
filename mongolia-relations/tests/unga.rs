//! The UN General Assembly tables, against the real embedded database.

use mongolia_relations::{Dataset, Error, Filter};

fn data() -> Dataset {
    Dataset::embedded().unwrap()
}

fn count(data: &Dataset, sql: &str) -> i64 {
    data.sql(sql).unwrap().rows[0][0].as_i64().unwrap()
}

#[test]
fn mongolia_voted_in_exactly_5177_roll_calls_each_with_its_own_vote_row() {
    let data = data();
    assert_eq!(count(&data, "SELECT count(*) FROM unga_roll_calls"), 5177);
    let mongolia = data.unga_votes(&Filter::new().polity("Mongolia")).unwrap();
    assert_eq!(mongolia.len(), 5177);
    assert!(mongolia.iter().all(|v| v.vote == v.mongolia_vote && v.source_country == "MN"));
    assert_eq!(mongolia[0].date.to_string(), "1961-10-06");
    assert_eq!(mongolia.last().unwrap().date.to_string(), "2020-01-14");
    let first = &mongolia[0];
    assert_eq!(
        (first.rcid, first.source.as_str(), first.locator.as_str()),
        (735, "unvotes_voeten", "rcid 735")
    );
}

#[test]
fn agreement_rows_equal_the_shared_file_mapped_to_the_holder_of_the_seat() {
    let data = data();
    // (our polity, year, source code, n_votes, identical_share, agreement_index) as in unga_agreement.csv.
    let expected = [
        ("PRK", 2000, "KP", 53, 0.8302, 0.8962),
        ("USA", 1965, "US", 42, 0.2619, 0.4048),
        ("SUN", 1970, "RU", 63, 0.9683, 0.9841),
        ("RUS", 1995, "RU", 75, 0.5733, 0.74),
        ("TWN", 1965, "TW", 41, 0.4634, 0.5976),
        ("CHN", 1971, "CN", 50, 0.8, 0.86),
    ];
    for (polity, year, code, n, share, index) in expected {
        let rows = data
            .unga_agreement(&Filter::new().polity(polity).start(year.to_string()).end(year.to_string()))
            .unwrap();
        assert_eq!(rows.len(), 1, "{polity} {year}");
        let a = &rows[0];
        assert_eq!((a.source_country.as_str(), a.n_votes), (code, n), "{polity} {year}");
        assert_eq!((a.identical_share, a.agreement_index), (share, index), "{polity} {year}");
        assert_eq!(a.locator, format!("country_code {code}, year {year}"));
    }
    assert!(data.unga_agreement(&Filter::new().polity("RUS").end("1991")).unwrap().is_empty());
    assert!(data.unga_agreement(&Filter::new().polity("SUN").start("1992")).unwrap().is_empty());
}

#[test]
fn the_seat_of_yugoslavia_goes_to_serbia_in_2006_with_a_note_on_the_change() {
    let rows = data().unga_agreement(&Filter::new().polity("Serbia")).unwrap();
    assert_eq!(rows[0].year, 2006);
    assert!(
        rows[0].note.as_deref().unwrap().contains("YUG on 2 of the 98"),
        "{:?}",
        rows[0].note
    );
    assert!(rows.iter().all(|a| a.source_country == "YU"));
    let yugoslavia = data().unga_agreement(&Filter::new().polity("YUG")).unwrap();
    assert_eq!(yugoslavia.last().unwrap().year, 2005);
}

#[test]
fn no_vote_or_agreement_row_names_a_polity_outside_its_years() {
    let data = data();
    let outside = "SELECT count(*) FROM unga_votes v JOIN unga_roll_calls r USING (rcid) JOIN polities p ON p.code = v.polity \
                   WHERE p.start_year > CAST(substr(r.date, 1, 4) AS INTEGER) OR p.end_year < CAST(substr(r.date, 1, 4) AS INTEGER)";
    assert_eq!(count(&data, outside), 0);
    let outside =
        "SELECT count(*) FROM unga_agreement a JOIN polities p ON p.code = a.polity WHERE p.start_year > a.year OR p.end_year < a.year";
    assert_eq!(count(&data, outside), 0);
    // The source's Russia is the USSR's seat to its last day and Russia's from the next.
    let russia_seat = data.unga_votes(&Filter::new().polity("USSR")).unwrap();
    assert!(russia_seat
        .iter()
        .all(|v| v.date.to_string().as_str() <= "1991-12-25" && v.source_country == "RU"));
    let russia = data.unga_votes(&Filter::new().polity("Russia")).unwrap();
    assert!(russia.iter().all(|v| v.date.to_string().as_str() >= "1991-12-26"));
    assert_eq!(russia_seat.len() + russia.len(), 5136);
    assert_eq!(
        count(
            &data,
            "SELECT count(*) FROM unga_agreement WHERE polity IN ('BLR', 'UKR') AND year < 1991"
        ),
        0
    );
}

#[test]
fn the_korean_question_roll_calls_of_1969_to_1975_are_there_with_mongolias_votes() {
    let votes = data().unga_votes(&Filter::new().polity("MNG").start("1969").end("1975")).unwrap();
    let korea: Vec<_> = votes
        .iter()
        .filter(|v| v.title.as_deref().is_some_and(|t| t.contains("KOREA")))
        .map(|v| (v.rcid, v.symbol.as_deref(), v.vote.as_str()))
        .collect();
    assert_eq!(korea.len(), 10, "{korea:?}");
    assert!(korea.contains(&(1531, Some("R/29/3333"), "no")));
    // 1975: against the resolution backed by the West (3390 A), for the one backed by the DPRK's friends (3390 B).
    assert!(korea.contains(&(1589, Some("R/30/3390A"), "no")));
    assert!(korea.contains(&(1590, Some("R/30/3390B"), "yes")));
    let r1974 = data().unga_votes(&Filter::new().start("1974-12-03").end("1974-12-03")).unwrap();
    let voters: Vec<(&str, &str)> = r1974
        .iter()
        .filter(|v| v.rcid == 1531)
        .map(|v| (v.polity.as_str(), v.vote.as_str()))
        .collect();
    assert_eq!(
        voters,
        [("MNG", "no"), ("SUN", "no"), ("CHN", "no"), ("USA", "yes"), ("JPN", "yes")]
    );
}

#[test]
fn the_issue_filter_keeps_roll_calls_with_that_code_and_bad_filters_are_typed_errors() {
    let data = data();
    let human_rights = data.unga_votes(&Filter::new().polity("KOR").issue("hr")).unwrap();
    assert!(!human_rights.is_empty() && human_rights.iter().all(|v| v.issues.contains(&"hr".to_string())));
    assert!(matches!(
        data.unga_votes(&Filter::new().issue("korea")),
        Err(Error::UnknownValue { known, .. }) if known.contains(&"nu".to_string())
    ));
    assert!(matches!(
        data.unga_votes(&Filter::new().polity("France")),
        Err(Error::UnknownValue { known, .. }) if known.contains(&"PRK".to_string())
    ));
    assert!(matches!(
        data.unga_votes(&Filter::new().start("1980").end("1970")),
        Err(Error::InvertedRange { .. })
    ));
    assert!(matches!(
        data.unga_agreement(&Filter::new().polity("Nort Korea")),
        Err(Error::UnknownPolity { .. })
    ));
}

#[test]
fn the_build_refuses_a_vote_by_a_polity_outside_its_years() {
    let dir = tempfile::tempdir().unwrap();
    let extension = dir.path().join("late-gdr");
    std::fs::create_dir(&extension).unwrap();
    // rcid 4238 is a roll call of 2000, ten years after the GDR's end.
    std::fs::write(
        extension.join("unga_votes.csv"),
        "rcid,polity,vote,source_country\n4238,DDR,yes,DD\n",
    )
    .unwrap();
    match Dataset::build_extended(&[extension.as_path()], &dir.path().join("out.sqlite")) {
        Err(Error::Seeds { problems }) => assert!(
            problems
                .iter()
                .any(|p| p.file.ends_with("unga_votes.csv") && p.line == 2 && p.message.contains("did not exist")),
            "{problems:?}"
        ),
        other => panic!("expected the build to fail, got {other:?}"),
    }
}
