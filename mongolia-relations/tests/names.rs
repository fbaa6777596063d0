//! Names and codes pasted from other datasets, convention by convention, and the vectorised
//! conversion between code schemes, against the real embedded dataset.

use mongolia_relations::{Dataset, Error};

fn data() -> Dataset {
    Dataset::embedded().expect("the embedded dataset opens")
}

fn resolves(names: &[(&str, &str)]) {
    let d = data();
    for (name, code) in names {
        match d.resolve_polity(name) {
            Ok(got) => assert_eq!(got, *code, "{name:?}"),
            Err(e) => panic!("{name:?} should resolve to {code}: {e}"),
        }
    }
}

#[test]
fn world_bank_names_resolve() {
    resolves(&[
        ("Korea, Rep.", "KOR"),
        ("Korea, Dem. People's Rep.", "PRK"),
        ("Lao PDR", "LAO"),
        ("Iran, Islamic Rep.", "IRN"),
        ("Egypt, Arab Rep.", "EGY"),
        ("Venezuela, RB", "VEN"),
        ("Gambia, The", "GMB"),
        ("Congo, Dem. Rep.", "COD"),
        ("Congo, Rep.", "COG"),
        ("Micronesia, Fed. Sts.", "FSM"),
        ("Yemen, Rep.", "YEM"),
        ("Russian Federation", "RUS"),
        ("Viet Nam", "VNM"),
        ("Turkiye", "TUR"),
        ("Kyrgyz Republic", "KGZ"),
        ("Slovak Republic", "SVK"),
        ("St. Lucia", "LCA"),
    ]);
}

#[test]
fn imf_names_resolve() {
    resolves(&[
        ("Korea, Rep. of", "KOR"),
        ("Lao P.D.R.", "LAO"),
        ("Moldova, Rep. of", "MDA"),
        ("Tanzania, United Rep.", "TZA"),
        ("Kyrgyz Rep.", "KGZ"),
    ]);
}

#[test]
fn un_names_resolve() {
    resolves(&[
        ("Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("Türkiye", "TUR"),
        ("Côte d’Ivoire", "CIV"),
        ("São Tomé and Príncipe", "STP"),
    ]);
}

#[test]
fn cia_world_factbook_names_resolve() {
    resolves(&[
        ("Korea, North", "PRK"),
        ("Korea, South", "KOR"),
        ("Burma", "MMR"),
        ("Czechia", "CZE"),
        ("Macedonia", "MKD"),
        ("Congo, Democratic Republic of the", "COD"),
        ("Congo, Republic of the", "COG"),
        ("Bahamas, The", "BHS"),
    ]);
}

#[test]
fn cow_and_gleditsch_ward_list_names_resolve_with_their_dates() {
    let d = data();
    resolves(&[("Korea, People's Republic of", "PRK"), ("German Democratic Republic", "DDR")]);
    // COW's and G&W's "Russia" span the USSR and Russia: the date decides.
    assert_eq!(d.resolve_name("Russia", Some("1960")).unwrap(), "SUN");
    assert_eq!(d.resolve_name("Russia", Some("2000")).unwrap(), "RUS");
    assert_eq!(d.resolve_name("Russia (Soviet Union)", Some("1975-06")).unwrap(), "SUN");
    // Undated, our own alias speaks: "Russia" is Russia, never silently the USSR's successor.
    assert_eq!(d.resolve_name("Russia", None).unwrap(), "RUS");
    // G&W keep 260 from the FRG into unified Germany, under the FRG's name.
    assert_eq!(d.resolve_name("German Federal Republic", Some("1975")).unwrap(), "FRG");
    assert!(matches!(
        d.resolve_name("Russia (Soviet Union)", None),
        Err(Error::AmbiguousPolity { candidates, .. }) if candidates.len() == 2
    ));
}

#[test]
fn an_unknown_name_gets_suggestions_closest_first() {
    match data().resolve_polity("North Kroea") {
        Err(Error::UnknownPolity { suggestions, .. }) => assert!(suggestions[0].starts_with("PRK"), "{suggestions:?}"),
        other => panic!("expected an unknown polity, got {other:?}"),
    }
    match data().resolve_polity("Kazakstan") {
        Err(Error::UnknownPolity { suggestions, .. }) => assert!(suggestions[0].starts_with("KAZ"), "{suggestions:?}"),
        other => panic!("expected an unknown polity, got {other:?}"),
    }
}

fn strings(values: &[&str]) -> Vec<Option<String>> {
    values.iter().map(|v| Some(v.to_string())).collect()
}

#[test]
fn countrycode_converts_names_to_cow_numbers_and_lists_the_unmatched() {
    let out = data()
        .countrycode(
            &strings(&["Korea, Rep.", "Korea, Dem. People's Rep.", "Narnia", "Lao PDR"]),
            "name",
            "cown",
            &[],
        )
        .unwrap();
    assert_eq!(out.values, [Some("732".into()), Some("731".into()), None, Some("812".into())]);
    assert_eq!(out.unmatched.len(), 1);
    assert_eq!((out.unmatched[0].index, out.unmatched[0].value.as_str()), (2, "Narnia"));
}

#[test]
fn countrycode_uses_the_date_for_codes_that_change() {
    let d = data();
    let on = strings(&["1960", "2000"]);
    let out = d.countrycode(&strings(&["365", "365"]), "cown", "polity", &on).unwrap();
    assert_eq!(out.values, [Some("SUN".into()), Some("RUS".into())]);
    let out = d
        .countrycode(&strings(&["260", "260"]), "gwn", "iso3c", &strings(&["1975", "2000"]))
        .unwrap();
    assert_eq!(out.values, [None, Some("DEU".into())], "the FRG has no ISO code of its own here");
    let out = d.countrycode(&strings(&["DEU"]), "polity", "cown", &strings(&["1995"])).unwrap();
    assert_eq!(out.values, [Some("255".into())]);
    let out = d.countrycode(&strings(&["365"]), "cown", "polity", &[]).unwrap();
    assert_eq!(out.values, [None]);
    assert!(out.unmatched[0].reason.contains("give a date"), "{:?}", out.unmatched);
}

#[test]
fn countrycode_converts_between_every_scheme() {
    let d = data();
    let prk = |origin: &str, value: &str| d.countrycode(&strings(&[value]), origin, "polity", &[]).unwrap().values[0].clone();
    for (origin, value) in [
        ("name", "North Korea"),
        ("polity", "PRK"),
        ("iso3c", "PRK"),
        ("iso2c", "KP"),
        ("iso3n", "408"),
        ("cown", "731"),
        ("cowc", "PRK"),
        ("gwn", "731"),
        ("gwc", "PRK"),
    ] {
        assert_eq!(prk(origin, value).as_deref(), Some("PRK"), "{origin} {value}");
    }
    let to = |destination: &str| d.countrycode(&strings(&["KOR"]), "polity", destination, &[]).unwrap().values[0].clone();
    assert_eq!(to("gwc").as_deref(), Some("ROK"));
    assert_eq!(to("cowc").as_deref(), Some("ROK"));
    assert_eq!(to("iso3n").as_deref(), Some("410"));
    assert_eq!(to("name").as_deref(), Some("South Korea"));
}

#[test]
fn countrycode_refuses_unknown_schemes_and_mismatched_dates_with_typed_errors() {
    let d = data();
    match d.countrycode(&strings(&["x"]), "ccode", "iso3c", &[]) {
        Err(Error::UnknownValue { known, .. }) => assert!(known.contains(&"cown".to_string())),
        other => panic!("expected an unknown scheme, got {other:?}"),
    }
    assert!(matches!(
        d.countrycode(&strings(&["a", "b", "c"]), "name", "iso3c", &strings(&["1960", "1970"])),
        Err(Error::InvalidInput { field: "on", .. })
    ));
    assert!(matches!(
        d.countrycode(&strings(&["a"]), "name", "iso3c", &strings(&["1960-13"])),
        Err(Error::InvalidDate { .. })
    ));
    let out = d.countrycode(&[None, Some("Mongolia".into())], "name", "iso2c", &[]).unwrap();
    assert_eq!(out.values, [None, Some("MN".into())]);
    assert!(out.unmatched.is_empty(), "a missing value is not an unmatched one");
}
