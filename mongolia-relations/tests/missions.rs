//! Diplomatic missions, against the real embedded dataset.

use mongolia_relations::{Dataset, Error, Filter, Mission};
use std::collections::BTreeSet;

fn data() -> Dataset {
    Dataset::embedded().unwrap()
}

fn missions(f: Filter) -> Vec<Mission> {
    data().missions(&f).unwrap()
}

/// The states of the missions, one side each, as a sorted set.
fn states(records: &[Mission], side: impl Fn(&Mission) -> &str) -> BTreeSet<String> {
    records.iter().map(|m| side(m).to_string()).collect()
}

fn cited_by(m: &Mission, source: &str) -> bool {
    m.sources.iter().any(|s| s == source)
}

#[test]
fn the_united_states_keeps_a_resident_embassy_in_ulaanbaatar_opened_in_1988() {
    let found = missions(Filter::new().sending("United States").receiving("MNG").kind("embassy"));
    let [us] = found.as_slice() else {
        panic!("expected one US embassy, got {found:?}")
    };
    assert_eq!(us.city.as_deref(), Some("Ulaanbaatar"));
    assert_eq!((us.opened.as_deref(), us.status.as_str()), (Some("1988-09"), "open"));
    assert!(cited_by(us, "wp-mongolia"));
    assert_eq!(us.accredited_from, None);
}

#[test]
fn every_resident_embassy_in_ulaanbaatar_the_mongolia_article_names_is_present() {
    // By hand from the article's regional tables: a state with an embassy in Ulaanbaatar.
    let named = [
        "AUS", "BGR", "CAN", "CZE", "DEU", "FRA", "GBR", "HUN", "ITA", "JPN", "KAZ", "KOR", "POL", "RUS", "TUR", "USA",
    ];
    let open: Vec<Mission> = missions(Filter::new().receiving("MNG").kind("embassy"))
        .into_iter()
        .filter(|m| m.status == "open" && cited_by(m, "wp-mongolia"))
        .collect();
    assert_eq!(states(&open, |m| &m.sending), named.iter().map(|s| s.to_string()).collect());
    assert!(open.iter().all(|m| m.city.as_deref() == Some("Ulaanbaatar")), "{open:?}");
}

#[test]
fn every_mongolian_embassy_abroad_the_mongolia_article_names_is_present() {
    let named = [
        "AFG", "AUS", "AUT", "BEL", "BGR", "BRA", "CAN", "DEU", "EGY", "FRA", "GBR", "HUN", "IDN", "ITA", "JPN", "KAZ", "KOR", "LAO",
        "POL", "PRK", "RUS", "SGP", "SWE", "TUR", "USA", "VNM",
    ];
    let open: Vec<Mission> = missions(Filter::new().sending("Mongolia").kind("embassy"))
        .into_iter()
        .filter(|m| m.status == "open" && cited_by(m, "wp-mongolia"))
        .collect();
    assert_eq!(states(&open, |m| &m.receiving), named.iter().map(|s| s.to_string()).collect());
    let closed = missions(Filter::new().sending("MNG").kind("embassy"))
        .into_iter()
        .filter(|m| m.status == "closed")
        .map(|m| (m.receiving, m.city, m.closed))
        .collect::<Vec<_>>();
    assert!(
        closed.contains(&("ROU".into(), Some("Bucharest".into()), Some("1997".into()))),
        "{closed:?}"
    );
    assert!(closed.contains(&("UKR".into(), Some("Kyiv".into()), None)), "{closed:?}");
}

#[test]
fn states_covered_from_beijing_seoul_or_moscow_are_recorded_as_accredited_from() {
    let covered = missions(Filter::new().kind("accredited_from"));
    let find = |sending: &str, receiving: &str| {
        covered
            .iter()
            .find(|m| m.sending == sending && m.receiving == receiving)
            .map(|m| (m.accredited_from.as_deref().unwrap(), m.city.as_deref()))
    };
    assert_eq!(find("MEX", "MNG"), Some(("KOR", Some("Seoul"))));
    assert_eq!(find("SWE", "MNG"), Some(("CHN", Some("Beijing"))));
    assert_eq!(find("MNG", "ARM"), Some(("RUS", Some("Moscow"))));
    // Told only by the partner articles.
    assert_eq!(find("NOR", "MNG"), Some(("CHN", Some("Beijing"))));
    assert_eq!(find("MNG", "IRL"), Some(("GBR", Some("London"))));
    assert!(covered
        .iter()
        .all(|m| m.accredited_from.is_some() && m.accredited_from.as_deref() != Some(&m.receiving)));
    let beijing = covered
        .iter()
        .filter(|m| m.receiving == "MNG" && m.accredited_from.as_deref() == Some("CHN"))
        .count();
    assert!(beijing >= 15, "{beijing} states covered from Beijing");
}

#[test]
fn a_partner_article_adds_a_second_citation_to_the_same_mission() {
    let spain = missions(Filter::new().sending("Spain").receiving("Mongolia"));
    let [from_beijing] = spain.as_slice() else { panic!("{spain:?}") };
    assert!(cited_by(from_beijing, "wp-mongolia") && cited_by(from_beijing, "wp-spain"));
    let cites = data().citations("missions", &from_beijing.id.to_string()).unwrap();
    assert!(cites.iter().all(|c| c.locator.contains(", row ") && c.quote.is_some()), "{cites:?}");
}

#[test]
fn polity_matches_either_side_and_sending_or_receiving_one_side() {
    let romania = missions(Filter::new().polity("Romania"));
    assert!(romania.iter().any(|m| m.sending == "ROU") && romania.iter().any(|m| m.receiving == "ROU"));
    assert!(romania.iter().all(|m| m.sending == "ROU" || m.receiving == "ROU"));
    let to_romania = missions(Filter::new().polity("Romania").receiving("ROU"));
    assert!(!to_romania.is_empty() && to_romania.iter().all(|m| m.sending == "MNG" && m.receiving == "ROU"));
}

#[test]
fn a_date_range_keeps_missions_that_may_have_been_open_then() {
    let in_1996 = missions(Filter::new().polity("ROU").kind("embassy").start("1996").end("1996"));
    // Romania's embassy closed in 1995; Mongolia's in Bucharest only in 1997.
    assert_eq!(
        in_1996.iter().map(|m| m.sending.as_str()).collect::<Vec<_>>(),
        ["MNG"],
        "{in_1996:?}"
    );
    let in_2000 = missions(Filter::new().sending("AUS").receiving("MNG").end("2000"));
    assert!(in_2000.is_empty(), "Australia opened its embassy only in 2015: {in_2000:?}");
    let undated = missions(Filter::new().sending("FRA").receiving("MNG").start("1960").end("1960"));
    assert_eq!(undated.len(), 1, "an undated mission may have been open at any time");
}

#[test]
fn the_disputed_opening_of_the_korean_war_embassies_keeps_both_years() {
    let d = data();
    let pyongyang = d.missions(&Filter::new().sending("MNG").receiving("PRK").kind("embassy")).unwrap();
    let [embassy] = pyongyang.as_slice() else { panic!("{pyongyang:?}") };
    assert_eq!(embassy.opened.as_deref(), Some("[1950,1951]"));
    let disputes = d.disputes_of("missions", &embassy.id.to_string()).unwrap();
    let values: BTreeSet<&str> = disputes[0]
        .claims
        .iter()
        .filter(|c| c.record_table.as_deref() == Some("missions"))
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(values, BTreeSet::from(["1950", "1951"]));
    assert!(d
        .disputes(&Filter::new().polity("PRK"))
        .unwrap()
        .iter()
        .any(|x| x.id == disputes[0].id));
}

#[test]
fn a_mission_kind_outside_the_vocabulary_is_a_typed_error_listing_the_kinds() {
    match data().missions(&Filter::new().kind("embasy")) {
        Err(Error::UnknownValue { vocabulary, known, .. }) => {
            assert_eq!(vocabulary, "mission kind");
            assert!(known.iter().any(|k| k == "embassy") && known.iter().any(|k| k == "accredited_from"));
        }
        other => panic!("expected an unknown mission kind, got {other:?}"),
    }
    assert!(matches!(
        data().missions(&Filter::new().sending("Mongolai")),
        Err(Error::UnknownPolity { .. })
    ));
}
