//! The dyad-year panel pins real values of the embedded dataset; with it the rules the panel
//! shares with the queries: Mongolia's dyads by default, and treaties that lapse by a stated rule.

use mongolia_relations::{Dataset, DyadYear, Filter};

fn data() -> Dataset {
    Dataset::embedded().unwrap()
}

fn directed_panel(partner: &str) -> Vec<DyadYear> {
    data().dyad_years(&Filter::new().polity(partner).directed(true)).unwrap()
}

fn panel(partner: &str) -> Vec<DyadYear> {
    Dataset::embedded().unwrap().dyad_years(&Filter::new().polity(partner)).unwrap()
}

fn row(rows: &[DyadYear], year: i32) -> &DyadYear {
    rows.iter().find(|r| r.year == year).unwrap_or_else(|| panic!("no row for {year}"))
}

#[test]
fn the_dprk_rows_show_the_1986_treaty_in_force_in_1990_and_terminated_by_1996() {
    let data = Dataset::embedded().unwrap();
    let t1986 = data
        .treaties(&Filter::new().polity("PRK"))
        .unwrap()
        .into_iter()
        .find(|t| t.title.contains("1986"))
        .unwrap();
    let rows = panel("North Korea");
    assert!(row(&rows, 1990).treaties_in_force_ids.contains(&t1986.id));
    assert_eq!(row(&rows, 1995).treaties_terminated, 1);
    assert!(!row(&rows, 1996).treaties_in_force_ids.contains(&t1986.id));
    assert_eq!(row(&rows, 1996).treaties_in_force, row(&rows, 1990).treaties_in_force - 1);
    assert_eq!(row(&rows, 1990).relations, Some(true));
    assert_eq!(row(&rows, 1990).years_since_relations, Some(42));
}

#[test]
fn years_before_a_partner_existed_are_absent() {
    assert_eq!(panel("PRK").first().unwrap().year, 1948);
    let ussr = panel("USSR");
    assert_eq!((ussr.first().unwrap().year, ussr.last().unwrap().year), (1922, 1991));
    assert_eq!(
        row(&ussr, 1950).relations,
        Some(true),
        "relations come from Soviet Russia's 1921 agreement"
    );
    assert!(panel("DDR").iter().all(|r| r.year <= 1990));
}

#[test]
fn a_year_without_a_trade_figure_is_na_not_zero() {
    let rows = panel("PRK");
    assert_eq!(row(&rows, 1985).series["trade_turnover"], Some(10.7));
    assert_eq!(row(&rows, 1991).series["trade_turnover"], None);
    assert_eq!(row(&rows, 2000).series["trade_turnover"], Some(0.0));
}

#[test]
fn relations_are_false_before_establishment_and_during_a_break() {
    let kor = panel("South Korea");
    assert_eq!((row(&kor, 1989).relations, row(&kor, 1990).relations), (Some(false), Some(true)));
    let pak = panel("Pakistan");
    assert_eq!(
        (row(&pak, 1971).relations, row(&pak, 1973).relations, row(&pak, 1976).relations),
        (Some(true), Some(false), Some(true))
    );
    let bahamas = panel("Bahamas");
    assert_eq!(
        (row(&bahamas, 2015).relations, row(&bahamas, 2016).relations),
        (Some(false), Some(true))
    );
}

#[test]
fn visits_count_by_direction_and_postings_mark_ambassadors() {
    let rows = panel("PRK");
    assert!(row(&rows, 1988).visits_2_to_1 >= 1, "Kim Il Sung's state visit");
    assert!(row(&rows, 1989).visits_1_to_2 >= 1, "Gombosuren in Pyongyang");
    assert_eq!(row(&rows, 1951).ambassador_1_in_2, Some(true));
    assert_eq!(row(&rows, 1990).ambassador_2_in_1, Some(true));
}

#[test]
fn the_full_panel_covers_every_partner_with_years() {
    let rows = Dataset::embedded().unwrap().dyad_years(&Filter::new()).unwrap();
    let partners: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.partner.as_str()).collect();
    assert!(partners.len() > 190 && !partners.contains("MNG"));
    assert!(rows.iter().all(|r| r.year >= 1921));
}

#[test]
fn panel_rows_carry_the_cow_and_gw_numbers_of_the_year() {
    let d = Dataset::embedded().unwrap();
    let row = |partner: &str, year: i32| {
        let rows = d.dyad_years(&Filter::new().polity(partner).start(year).end(year)).unwrap();
        rows.first().map(|r| (r.ccode2, r.gwcode2))
    };
    assert_eq!(row("DDR", 1960), Some((Some(265), Some(265))));
    assert_eq!(row("SUN", 1950), Some((Some(365), Some(365))));
    assert_eq!(row("DEU", 1995), Some((Some(255), Some(260))));
    assert_eq!(row("FRG", 1956), Some((Some(260), Some(260))));
    assert_eq!(
        row("NLD", 1942),
        Some((None, Some(210))),
        "COW counts the Netherlands out during the occupation"
    );
}

#[test]
fn the_dprks_treaties_in_force_on_1990_07_01_are_mongolias_only_and_the_panel_agrees() {
    let data = data();
    let treaties = data.treaties(&Filter::new().polity("PRK").in_force_on("1990-07-01")).unwrap();
    assert!(!treaties.is_empty());
    assert!(treaties.iter().all(|t| t.parties.contains(&"MNG".to_string())), "{treaties:?}");
    assert!(!treaties.iter().any(|t| t.title.contains("USSR–DPRK")));
    let context = data
        .treaties(&Filter::new().polity("PRK").in_force_on("1990-07-01").context(true))
        .unwrap();
    assert!(
        context.iter().any(|t| t.title.contains("USSR–DPRK")),
        "context brings the USSR's treaty"
    );
    let rows = panel("PRK");
    let y1990 = row(&rows, 1990);
    let mut in_panel: Vec<i64> = y1990
        .treaties_in_force_ids
        .iter()
        .chain(&y1990.treaties_in_force_assumed_ids)
        .copied()
        .collect();
    in_panel.sort();
    let mut in_query: Vec<i64> = treaties.iter().map(|t| t.id).collect();
    in_query.sort();
    assert_eq!(in_panel, in_query, "the panel and the query count the same treaties");
}

#[test]
fn the_1957_annual_protocols_are_not_in_force_in_1960_as_no_renewal_is_recorded() {
    let data = data();
    let protocols = data
        .treaties(&Filter::new().polity("PRK").kind("protocol"))
        .unwrap()
        .into_iter()
        .find(|t| t.title.starts_with("Annual protocols"))
        .unwrap();
    assert_eq!((protocols.term_years, protocols.in_force_basis.as_deref()), (Some(1), Some("term")));
    assert_eq!(protocols.terminated_from.map(|d| d.to_string()).as_deref(), Some("1958-01-01"));
    let in_1960 = data.treaties(&Filter::new().polity("PRK").in_force_on("1960-07-01")).unwrap();
    assert!(!in_1960.iter().any(|t| t.id == protocols.id));
    let in_2019 = data.treaties(&Filter::new().polity("PRK").in_force_on("2019-07-01")).unwrap();
    assert!(!in_2019.iter().any(|t| t.id == protocols.id));
}

#[test]
fn the_five_year_agreement_of_1971_lapses_after_five_years() {
    let data = data();
    let ids = |day: &str| -> Vec<i64> {
        data.treaties(&Filter::new().polity("PRK").in_force_on(day))
            .unwrap()
            .into_iter()
            .filter(|t| t.title.starts_with("Five-year"))
            .map(|t| t.id)
            .collect()
    };
    assert_eq!(ids("1973-07-01").len(), 1);
    assert!(ids("1977-07-01").is_empty());
}

#[test]
fn every_treaty_says_by_which_rule_it_is_in_force() {
    let treaties = data().treaties(&Filter::new().context(true)).unwrap();
    for t in &treaties {
        let expected = match (t.in_force_from, t.terminated.is_some(), t.term_years.is_some()) {
            (None, ..) => None,
            (Some(_), true, _) => Some("recorded"),
            (Some(_), false, true) => Some("term"),
            (Some(_), false, false) => Some("assumed"),
        };
        assert_eq!(t.in_force_basis.as_deref(), expected, "{}", t.title);
    }
    let treaty = |start: &str| treaties.iter().find(|t| t.title.starts_with(start)).unwrap();
    // The 1986 treaty ends by its recorded termination (1995), before its twenty-year term.
    assert_eq!(
        treaty("Treaty of Friendship and Cooperation (Mongolia–DPRK, 1986)")
            .in_force_basis
            .as_deref(),
        Some("recorded")
    );
    // The aid agreement of 1953 has no recorded end nor term: in force only by assumption.
    assert_eq!(treaty("Agreement on aid to the DPRK").in_force_basis.as_deref(), Some("assumed"));
    // Agreements under negotiation have no start and are never in force.
    assert_eq!(treaty("Economic partnership agreement").in_force_basis, None);
}

#[test]
fn a_treaty_whose_instruments_were_exchanged_is_in_force_from_the_exchange_by_assumption() {
    let legal = data()
        .treaties(&Filter::new().polity("PRK").in_force_on("1990-07-01"))
        .unwrap()
        .into_iter()
        .find(|t| t.title.starts_with("Treaty on mutual legal assistance"))
        .expect("the legal assistance treaty, ratified in 1989, is in force in 1990");
    assert_eq!(legal.start_basis.as_deref(), Some("ratified"));
    assert_eq!(legal.in_force_basis.as_deref(), Some("assumed"));
}

#[test]
fn events_with_the_dprk_are_mongolias_unless_context_is_asked_for() {
    let data = data();
    let own = data.events(&Filter::new().polity("PRK")).unwrap();
    assert!(own.len() > 50);
    assert!(own.iter().all(|e| e.mongolia_role == "party" || e.mongolia_role == "host"));
    let soviet_recognition = |events: &[mongolia_relations::Event]| {
        events
            .iter()
            .any(|e| e.kind == "recognition" && e.polities.contains(&"SUN".to_string()))
    };
    assert!(!soviet_recognition(&own), "the USSR's recognition of the DPRK is not Mongolia's");
    let with_context = data.events(&Filter::new().polity("PRK").context(true)).unwrap();
    assert!(soviet_recognition(&with_context));
    assert!(with_context.iter().any(|e| e.mongolia_role == "none"));
    assert!(with_context.len() > own.len());
    let involving = data.events(&Filter::new().involving("PRK")).unwrap();
    assert_eq!(
        involving.iter().map(|e| e.id).collect::<Vec<_>>(),
        with_context.iter().map(|e| e.id).collect::<Vec<_>>()
    );
    // Without a polity, the default is Mongolia's own events too.
    assert!(data
        .events(&Filter::new())
        .unwrap()
        .iter()
        .all(|e| e.mongolia_role == "party" || e.mongolia_role == "host"));
}

#[test]
fn a_meeting_mongolia_only_hosted_is_not_a_bilateral_meeting() {
    let data = data();
    let hosted: Vec<_> = data
        .events(&Filter::new().polity("JPN").kind("meeting").start("2018-10").end("2018-10"))
        .unwrap();
    assert!(
        hosted.iter().any(|e| e.mongolia_role == "host"),
        "the Japan–DPRK talks in Ulaanbaatar"
    );
    for partner in ["JPN", "PRK"] {
        let rows = panel(partner);
        let y2018 = row(&rows, 2018);
        assert!(y2018.meetings_hosted >= 1, "{partner}");
        let bilateral = data
            .events(&Filter::new().polity(partner).kind("meeting").start("2018").end("2018"))
            .unwrap()
            .iter()
            .filter(|e| e.mongolia_role == "party" && e.start.to_string().starts_with("2018"))
            .count() as i64;
        assert_eq!(y2018.meetings, bilateral, "{partner}: hosted meetings are counted apart");
    }
}

#[test]
fn level_and_channel_filters_keep_the_coded_events() {
    let data = data();
    let heads = data.events(&Filter::new().polity("PRK").level("head_of_state")).unwrap();
    assert!(!heads.is_empty() && heads.iter().all(|e| e.level.as_deref() == Some("head_of_state")));
    let party = data.events(&Filter::new().polity("PRK").channel("party")).unwrap();
    assert!(!party.is_empty() && party.iter().all(|e| e.channel.as_deref() == Some("party")));
    assert!(matches!(
        data.events(&Filter::new().level("king")),
        Err(mongolia_relations::Error::UnknownValue {
            vocabulary: "event level",
            ..
        })
    ));
}

#[test]
fn a_directed_panel_has_both_directions_with_sides_and_directed_columns_swapped() {
    let undirected = panel("PRK");
    let directed = directed_panel("PRK");
    assert_eq!(directed.len(), 2 * undirected.len());
    let pair: Vec<&DyadYear> = directed.iter().filter(|r| r.year == 1988).collect();
    let (out, back) = (pair[0], pair[1]);
    assert_eq!((out.polity1.as_str(), out.polity2.as_str()), ("MNG", "PRK"));
    assert_eq!((back.polity1.as_str(), back.polity2.as_str()), ("PRK", "MNG"));
    assert_eq!(
        (out.ccode1, out.ccode2, back.ccode1, back.ccode2),
        (Some(712), Some(731), Some(731), Some(712))
    );
    assert_eq!((out.gwcode1, back.gwcode2), (Some(712), Some(712)));
    assert!(back.visits_1_to_2 >= 1, "Kim Il Sung's state visit to Mongolia");
    assert_eq!((out.visits_1_to_2, out.visits_2_to_1), (back.visits_2_to_1, back.visits_1_to_2));
    assert_eq!(out.meetings, back.meetings);
    assert_eq!(out, row(&undirected, 1988));
}

#[test]
fn years_since_relations_is_negative_before_establishment_and_na_only_without_a_date() {
    let kor = panel("KOR");
    assert_eq!(
        (row(&kor, 1989).years_since_relations, row(&kor, 1990).years_since_relations),
        (Some(-1), Some(0))
    );
    let pak = panel("Pakistan");
    assert_eq!(row(&pak, 1973).relations, Some(false));
    assert!(row(&pak, 1973).years_since_relations.is_some(), "counts on through a break");
    let all = data().dyad_years(&Filter::new()).unwrap();
    assert!(all.iter().all(|r| r.years_since_relations.is_some() || r.relations.is_none()));
}

#[test]
fn ambassadors_are_false_between_recorded_postings_and_na_outside_them() {
    let rows = panel("PRK");
    assert_eq!(row(&rows, 1951).ambassador_1_in_2, Some(true));
    assert_eq!(row(&rows, 1948).ambassador_1_in_2, None, "before the first recorded posting");
    assert_eq!(row(&rows, 2023).ambassador_1_in_2, None, "after the last recorded posting");
    let spans: Vec<(i32, Option<bool>)> = rows.iter().map(|r| (r.year, r.ambassador_1_in_2)).collect();
    let first = spans.iter().find(|(_, a)| *a == Some(true)).unwrap().0;
    let last = spans.iter().rev().find(|(_, a)| *a == Some(true)).unwrap().0;
    assert!(spans.iter().all(|(y, a)| (a.is_some()) == (first <= *y && *y <= last)));
}

#[test]
fn embassies_are_dated_each_way_from_the_missions_table() {
    let rows = panel("PRK");
    // The DPRK's embassy in Ulaanbaatar: opened 1950 or 1951, closed 1999, reopened about 2004.
    assert_eq!(row(&rows, 1960).embassy_2_in_1, Some(true));
    assert_eq!(row(&rows, 2001).embassy_2_in_1, Some(false));
    assert_eq!(row(&rows, 2010).embassy_2_in_1, Some(true));
    let kor = panel("KOR");
    assert_eq!(
        (row(&kor, 1989).embassy_2_in_1, row(&kor, 1990).embassy_2_in_1),
        (Some(false), Some(true))
    );
    assert_eq!(
        (row(&kor, 1990).embassy_1_in_2, row(&kor, 1991).embassy_1_in_2),
        (Some(false), Some(true))
    );
}

#[test]
fn un_columns_equal_the_shared_table_for_the_seat_holder_and_are_na_before_membership() {
    // (our polity, year, n_votes, identical_share, agreement_index) as in shared/data/unga_agreement.csv.
    let expected = [
        ("PRK", 1991, 51, 0.9216, 0.9412),
        ("PRK", 2000, 53, 0.8302, 0.8962),
        ("SUN", 1970, 63, 0.9683, 0.9841),
        ("RUS", 1995, 75, 0.5733, 0.74),
        ("USA", 1965, 42, 0.2619, 0.4048),
    ];
    for (partner, year, n, share, index) in expected {
        let rows = panel(partner);
        let r = row(&rows, year);
        assert_eq!(
            (r.unga_n_votes, r.unga_identical_share, r.unga_agreement_index),
            (Some(n), Some(share), Some(index)),
            "{partner} {year}"
        );
    }
    // The Koreas vote from 1991; Mongolia from 1961.
    let prk = panel("PRK");
    assert_eq!(row(&prk, 1990).unga_agreement_index, None);
    assert_eq!(row(&prk, 1990).unga_n_votes, None);
    assert_eq!(row(&panel("USA"), 1958).unga_n_votes, None);
    // The seat the source calls Russia's is the USSR's to 1991: Russia's values start in 1992.
    let rus = panel("RUS");
    assert!(rus.iter().filter(|r| r.year <= 1991).all(|r| r.unga_n_votes.is_none()));
    assert!(row(&rus, 1992).unga_n_votes.is_some());
}
