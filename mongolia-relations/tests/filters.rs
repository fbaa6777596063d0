//! Each query takes the filters `Query::filters` lists for it, and refuses the others.

use mongolia_relations::{Dataset, Error, Filter, FilterName, FilterValue, Query};

/// Runs `query` with `filter` and returns how many rows it gave.
fn run(data: &Dataset, query: Query, filter: &Filter) -> Result<usize, Error> {
    Ok(match query {
        Query::Events => data.events(filter)?.len(),
        Query::Treaties => data.treaties(filter)?.len(),
        Query::Postings => data.postings(filter)?.len(),
        Query::Missions => data.missions(filter)?.len(),
        Query::Memberships => data.memberships(filter)?.len(),
        Query::Observations => data.observations(filter)?.len(),
        Query::Polities => data.polities(filter)?.len(),
        Query::Codes => data.codes(filter)?.len(),
        Query::Persons => data.persons(filter)?.len(),
        Query::Organizations => data.organizations(filter)?.len(),
        Query::Disputes => data.disputes(filter)?.len(),
        Query::UngaVotes => data.unga_votes(filter)?.len(),
        Query::UngaAgreement => data.unga_agreement(filter)?.len(),
        Query::DyadYears => data.dyad_years(filter)?.len(),
        other => panic!("{other:?} has no call here"),
    })
}

#[test]
fn every_query_refuses_every_filter_it_does_not_take_naming_those_it_does() {
    let data = Dataset::embedded().unwrap();
    for query in Query::ALL {
        for name in FilterName::ALL.iter().filter(|n| !query.filters().contains(n)) {
            let mut filter = Filter::new();
            filter
                .set(*name, if name.value() == FilterValue::Flag { "true" } else { "x" })
                .unwrap();
            match run(&data, *query, &filter) {
                Err(Error::FilterNotApplicable {
                    query: q,
                    filter: f,
                    accepted,
                }) => {
                    assert_eq!((q, f), (query.name(), name.name()));
                    assert_eq!(accepted, query.filters().iter().map(|n| n.name()).collect::<Vec<_>>());
                }
                other => panic!("{query:?} with {name:?}: {other:?}"),
            }
        }
    }
}

#[test]
fn polities_with_a_kind_and_a_person_is_refused_not_all_rows() {
    let data = Dataset::embedded().unwrap();
    let err = data.polities(&Filter::new().kind("visit").person("Sambuu")).unwrap_err();
    assert_eq!(err.to_string(), "polities takes no kind filter; it takes polity");
}

#[test]
fn polity_takes_a_code_a_name_a_cow_number_or_a_list() {
    let data = Dataset::embedded().unwrap();
    let by_name = data.events(&Filter::new().polity("North Korea")).unwrap();
    assert_eq!(data.events(&Filter::new().polity(731)).unwrap(), by_name);
    assert_eq!(data.events(&Filter::new().polity("PRK")).unwrap(), by_name);
    let rok = data.events(&Filter::new().polity("KOR")).unwrap();
    let both = data.events(&Filter::new().polity(["PRK", "KOR"])).unwrap();
    assert!(both.len() > by_name.len().max(rok.len()) && both.len() <= by_name.len() + rok.len());
    assert!(both.iter().all(|e| e.polities.iter().any(|p| p == "PRK" || p == "KOR")));
    let partners: Vec<String> = data
        .dyad_years(&Filter::new().polity(vec!["PRK", "KOR"]).start(1990).end(1990))
        .unwrap()
        .into_iter()
        .map(|r| r.partner)
        .collect();
    assert_eq!(partners, ["KOR", "PRK"]);
}

#[test]
fn start_and_end_take_a_year_an_edtf_string_or_a_day() {
    let data = Dataset::embedded().unwrap();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let by_text = data.treaties(&Filter::new().start("1986").end("1986").context(true)).unwrap();
    assert_eq!(data.treaties(&Filter::new().start(1986).end(1986).context(true)).unwrap(), by_text);
    assert_eq!(
        data.treaties(&Filter::new().start(day(1986, 1, 1)).end(day(1986, 12, 31)).context(true))
            .unwrap(),
        by_text
    );
    let panel = data
        .dyad_years(&Filter::new().polity("PRK").start(day(1990, 6, 1)).end("1991-03"))
        .unwrap();
    assert_eq!(panel.iter().map(|r| r.year).collect::<Vec<_>>(), [1990, 1991]);
}
