//! The code crosswalk (ISO 3166, COW, Gleditsch-Ward) against the real embedded dataset.

use mongolia_relations::{Dataset, Error, Filter};

fn data() -> Dataset {
    Dataset::embedded().expect("the embedded dataset opens")
}

#[test]
fn cow_365_is_the_ussr_in_1960_and_russia_in_2000() {
    let d = data();
    assert_eq!(d.polity_for_code("cow", "365", Some("1960")).unwrap(), "SUN");
    assert_eq!(d.polity_for_code("cow", "365", Some("2000")).unwrap(), "RUS");
    assert_eq!(d.polity_for_code("gw", "365", Some("1960-05-01")).unwrap(), "SUN");
    assert_eq!(d.polity_for_code("cow_abbrev", "RUS", Some("1970")).unwrap(), "SUN");
}

#[test]
fn germany_and_yemen_codes_follow_unification_day() {
    let d = data();
    assert_eq!(d.polity_for_code("gw", "260", Some("1990-10-02")).unwrap(), "FRG");
    assert_eq!(d.polity_for_code("gw", "260", Some("1990-10-03")).unwrap(), "DEU");
    assert_eq!(d.polity_for_code("cow", "265", Some("1980")).unwrap(), "DDR");
    assert_eq!(d.polity_for_code("gw", "678", Some("1980")).unwrap(), "YAR");
    assert_eq!(d.polity_for_code("gw", "678", Some("2000")).unwrap(), "YEM");
    assert_eq!(d.polity_for_code("cow", "680", Some("1980")).unwrap(), "YMD");
}

#[test]
fn a_reused_iso_code_resolves_by_date() {
    let d = data();
    assert_eq!(d.polity_for_code("iso2", "CS", Some("1980")).unwrap(), "CSK");
    assert_eq!(d.polity_for_code("iso3", "SCG", Some("2005")).unwrap(), "YUG");
    assert_eq!(d.polity_for_code("iso2", "cs", Some("2005")).unwrap(), "YUG");
}

#[test]
fn a_year_that_straddles_two_polities_is_ambiguous_and_names_both_periods() {
    match data().polity_for_code("cow", "365", Some("1991")) {
        Err(Error::AmbiguousPolity { candidates, .. }) => {
            assert_eq!(candidates.len(), 2);
            assert!(candidates[0].starts_with("SUN") && candidates[0].contains("1991-12-25"));
            assert!(candidates[1].starts_with("RUS") && candidates[1].contains("1991-12-26"));
        }
        other => panic!("expected an ambiguity, got {other:?}"),
    }
}

#[test]
fn a_code_outside_its_spells_is_unknown_and_the_error_gives_the_spells() {
    match data().polity_for_code("cow", "210", Some("1942")) {
        Err(Error::UnknownPolity { suggestions, .. }) => {
            assert_eq!(suggestions.len(), 2, "the Netherlands' two COW spells: {suggestions:?}");
            assert!(suggestions[0].contains("1940-07-14") && suggestions[1].contains("1945-06-26"));
        }
        other => panic!("expected an unknown polity, got {other:?}"),
    }
}

#[test]
fn bad_schemes_and_non_numeric_numbers_are_typed_errors() {
    let d = data();
    match d.polity_for_code("cwo", "365", None) {
        Err(Error::UnknownValue { known, .. }) => assert!(known.contains(&"cow".to_string())),
        other => panic!("expected an unknown scheme, got {other:?}"),
    }
    assert!(matches!(
        d.polity_for_code("cow", "Russia", None),
        Err(Error::InvalidInput { field: "code", .. })
    ));
    assert!(matches!(
        d.polity_for_code("cow", "365", Some("1960-13")),
        Err(Error::InvalidDate { .. })
    ));
}

#[test]
fn numeric_codes_match_with_or_without_leading_zeros() {
    let d = data();
    assert_eq!(d.polity_for_code("iso_numeric", "004", None).unwrap(), "AFG");
    assert_eq!(d.polity_for_code("iso_numeric", "4", None).unwrap(), "AFG");
}

#[test]
fn former_iso_codes_and_gw_numbers_resolve_as_polity_names() {
    let d = data();
    assert_eq!(d.resolve_polity("ZAR").unwrap(), "COD");
    assert_eq!(d.resolve_polity("BUR").unwrap(), "MMR");
    assert_eq!(d.resolve_polity("gw:712").unwrap(), "MNG");
    assert_eq!(d.resolve_polity("cow:712").unwrap(), "MNG");
}

#[test]
fn every_un_member_has_a_gw_number_and_every_polity_column_matches_a_crosswalk_row() {
    let d = data();
    let polities = d.polities(&Filter::new()).unwrap();
    let codes = d.codes(&Filter::new()).unwrap();
    let has = |polity: &str, scheme: &str, code: String| {
        codes
            .iter()
            .any(|c| c.polity == polity && c.scheme == scheme && c.code == code && !c.sources.is_empty())
    };
    for p in &polities {
        if p.is_un_member {
            assert!(p.gw_code.is_some(), "{} has no G&W number", p.code);
        }
        if let Some(n) = p.gw_code {
            assert!(has(&p.code, "gw", n.to_string()), "{} gw {n}", p.code);
        }
        if let Some(n) = p.cow_code {
            assert!(has(&p.code, "cow", n.to_string()), "{} cow {n}", p.code);
        }
        if let Some(iso3) = &p.iso3 {
            assert!(has(&p.code, "iso3", iso3.clone()), "{} iso3 {iso3}", p.code);
        }
    }
}

#[test]
fn cow_spells_keep_wartime_gaps_and_withdrawn_iso_codes_their_withdrawal_day() {
    let d = data();
    let nl = d.codes(&Filter::new().polity("NLD").scheme("cow")).unwrap();
    let spans: Vec<_> = nl.iter().map(|c| (c.valid_from.as_deref(), c.valid_to.as_deref())).collect();
    assert_eq!(spans, [(Some("1816-01-01"), Some("1940-07-14")), (Some("1945-06-26"), None)]);
    let ussr = d.codes(&Filter::new().polity("SUN").scheme("iso3")).unwrap();
    assert_eq!(ussr[0].valid_to.as_deref(), Some("1992-08-30"));
    let in_1950 = d.codes(&Filter::new().scheme("cow").start("1950").end("1950")).unwrap();
    assert!(in_1950.iter().any(|c| c.polity == "SUN"));
    assert!(!in_1950.iter().any(|c| c.polity == "RUS"));
}

#[test]
fn converters_that_disagree_with_the_gw_list_are_disputes_with_both_numbers() {
    let d = data();
    for (polity, ours, theirs) in [("VNM", "816", "817"), ("YEM", "678", "680"), ("CZE", "316", "315")] {
        let disputes = d.disputes_of("polities", polity).unwrap();
        let values: Vec<&str> = disputes
            .iter()
            .flat_map(|x| x.claims.iter())
            .filter(|c| c.property == "gw_code")
            .map(|c| c.value.as_str())
            .collect();
        assert!(values.contains(&ours) && values.contains(&theirs), "{polity}: {values:?}");
        assert!(disputes.iter().flat_map(|x| x.claims.iter()).all(|c| !c.sources.is_empty()));
    }
    let vnm = d.polities(&Filter::new().polity("VNM")).unwrap();
    assert_eq!(vnm[0].gw_code, Some(816));
}
