//! Spot checks, document by document, of the kinds of fact the five source documents hold:
//! (a) context events, (b) proposals and plans, (c) agreements and joint bodies mentioned in
//! passing, (d) projects, (e) numbers, (f) the paragraphs that carry no fact, with the reason.

use mongolia_relations::{Dataset, Event, Filter};

fn data() -> Dataset {
    Dataset::embedded().unwrap()
}

/// The one event of `kind` whose summary holds `needle`, checked to cite `source` (context
/// events included: many of the documents' facts are).
fn event(kind: &str, needle: &str, source: &str) -> Event {
    let found: Vec<Event> = data()
        .events(&Filter::new().kind(kind).context(true))
        .unwrap()
        .into_iter()
        .filter(|e| e.summary.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "one {kind} event about {needle:?}: {found:#?}");
    let e = found.into_iter().next().unwrap();
    assert!(e.sources.iter().any(|s| s == source), "{needle:?} cites {source}: {:?}", e.sources);
    e
}

/// The quantities attached to an event: (value, qualifier, unit).
fn quantities(event: i64) -> Vec<(f64, String, String)> {
    let rows = data()
        .sql(&format!(
            "SELECT value, qualifier, unit FROM quantities WHERE event = {event} ORDER BY id"
        ))
        .unwrap();
    rows.rows
        .iter()
        .map(|r| {
            (
                r[0].as_f64().unwrap(),
                r[1].as_str().unwrap().to_string(),
                r[2].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The paragraphs of a document listed as carrying no fact: (locator, reason).
fn factless(source: &str) -> Vec<(String, String)> {
    let rows = data()
        .sql(&format!(
            "SELECT locator, reason FROM uncited_paragraphs WHERE source = '{source}' ORDER BY locator"
        ))
        .unwrap();
    rows.rows
        .iter()
        .map(|r| (r[0].as_str().unwrap().to_string(), r[1].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn doc000_context_projects_numbers_and_its_title_line() {
    let reunification = event("state_founded", "two German states are reunified", "doc000");
    assert_eq!(
        (reunification.date.as_str(), reunification.mongolia_role.as_str()),
        ("1990", "none")
    );
    let bri = event("project", "Belt and Road", "doc000");
    assert!(bri.polities.contains(&"CHN".to_string()));
    let forum = event("body_established", "Forum of Small States", "doc000");
    assert_eq!(forum.date, "1992");
    let states = event("other", "more than 180", "doc000");
    assert_eq!(
        quantities(states.id),
        [(
            180.0,
            "more_than".into(),
            "countries with which Mongolia has diplomatic relations".into()
        )]
    );
    assert!(factless("doc000").iter().any(|(l, r)| l == "¶1" && r.contains("title")));
}

#[test]
fn doc001_context_numbers_and_site_furniture() {
    let split = event("relations_worsened", "Soviet Union and China fall out", "doc001");
    assert_eq!(split.mongolia_role, "none", "the USSR and China fall out without Mongolia");
    let refugees = event("other", "500 North Korean refugees", "doc001");
    assert_eq!(quantities(refugees.id)[0].0, 500.0);
    assert_eq!(quantities(refugees.id)[0].1, "approximately");
    let furniture = factless("doc001");
    assert!(
        furniture.len() >= 8,
        "the mirror's menu, share buttons and references: {furniture:?}"
    );
}

#[test]
fn doc002_context_proposals_bodies_projects_numbers_and_headings() {
    let war = event("armed_conflict", "Korean War", "doc002");
    assert_eq!((war.date.as_str(), war.mongolia_role.as_str()), ("1950/1953", "none"));
    let founded = event("state_founded", "Democratic People's Republic of Korea is proclaimed", "doc002");
    assert_eq!(founded.date, "1948-09-09");
    let death = event("leader_change", "Kim Il Sung dies", "doc002");
    assert_eq!(death.date, "1994");
    let treaty_proposal = event("proposal", "new basic legal document", "doc002");
    assert_eq!(treaty_proposal.date, "1999-11-04/1999-11-05");
    let transit = event("body_established", "working group on transit transport", "doc002");
    assert_eq!(transit.date, treaty_proposal.date, "agreed during the Prime Minister's visit");
    let tumen = event("project", "Tumen-Gol", "doc002");
    assert!(tumen.polities.contains(&"PRK".to_string()));
    let closures = event("embassy_closed", "18 of its embassies", "doc002");
    assert_eq!(
        quantities(closures.id),
        [(18.0, "exact".into(), "embassies closed by North Korea".into())]
    );
    let notes = factless("doc002");
    assert!(
        notes.iter().filter(|(_, r)| r.contains("section heading")).count() >= 14,
        "{notes:?}"
    );
    assert!(notes.iter().any(|(l, r)| l == "§Outlook, ¶2" && r.contains("opinion")), "{notes:?}");
}

#[test]
fn doc003_proposals_plans_agreements_projects_and_numbers() {
    let epa = event("proposal", "speed up the negotiation", "doc003");
    assert_eq!((epa.date.as_str(), epa.certainty.as_str()), ("2023-06", "inferred"));
    let trilateral = event("plan", "trilateral meeting", "doc003");
    assert_eq!(
        trilateral.date, "2023-06-27",
        "a meeting scheduled for a day is a fact about a plan"
    );
    for p in ["KOR", "USA", "MNG"] {
        assert!(trilateral.polities.contains(&p.to_string()), "{p}");
    }
    let climate = event("treaty_in_force", "climate change", "doc003");
    assert_eq!(climate.date, "2023-06");
    let kharkhorin = event("project", "Korea International Cooperation Agency", "doc003");
    assert!(kharkhorin.participants.iter().any(|p| p.id == "KOR" && p.role == "donor"));
    assert!(kharkhorin.participants.iter().any(|p| p.kind == "organization" && p.id == "KOICA"));
    event("project", "Plant a Billion Trees", "doc003");
    let committee = event("meeting", "Joint Committee", "doc003");
    assert_eq!(quantities(committee.id)[0].0, 7.0, "the 7th meeting");
    assert!(factless("doc003").iter().any(|(l, r)| l == "¶9" && r.contains("site furniture")));
}

#[test]
fn doc004_context_plans_a_hosted_meeting_and_its_repeated_paragraphs() {
    let singapore = event("meeting", "Kim Jong Un", "doc004");
    assert_eq!((singapore.date.as_str(), singapore.mongolia_role.as_str()), ("2018-06", "none"));
    let second = event("plan", "second Trump", "doc004");
    assert_eq!(second.mongolia_role, "none");
    let hosted = event("meeting", "hosts talks between Japan and North Korea", "doc004");
    assert_eq!(hosted.mongolia_role, "host", "Mongolia only the venue");
    let repeats: Vec<(String, String)> = factless("doc004").into_iter().filter(|(_, r)| r.contains("repeat")).collect();
    assert_eq!(repeats.len(), 6, "paragraphs 8-13 repeat 2-7: {repeats:?}");
}

#[test]
fn a_visit_to_mongolia_is_bilateral_though_mongolia_hosts_it() {
    let visits = data()
        .events(&Filter::new().polity("PRK").kind("visit").start("1988").end("1988"))
        .unwrap();
    let kim = visits.iter().find(|e| e.summary.contains("special train")).unwrap();
    assert_eq!(kim.mongolia_role, "party");
}

/// The dispute whose topic holds `needle`: its kind, and each claim's value, rank and sources.
fn dispute(needle: &str) -> (String, Vec<(String, String, Vec<String>)>) {
    let all = data().disputes(&Filter::new()).unwrap();
    let found: Vec<_> = all.into_iter().filter(|d| d.topic.contains(needle)).collect();
    assert_eq!(found.len(), 1, "one dispute about {needle:?}");
    let d = found.into_iter().next().unwrap();
    let claims = d.claims.into_iter().map(|c| (c.value, c.rank, c.sources)).collect();
    (d.kind, claims)
}

#[test]
fn the_disputes_the_documents_raise_keep_both_sides_with_their_sources() {
    for (needle, kind) in [
        ("second to recognize Mongolia", "conflict"),
        ("closure of the North Korean embassy", "conflict"),
        ("strained or unchanged", "conflict"),
        ("Mongolia and Russia have had relations", "conflict"),
        ("Tsedenbal backed in 1971", "misprint"),
        ("WPK guest thanked", "misprint"),
        ("World Festival of Youth and Students", "misprint"),
    ] {
        let (k, claims) = dispute(needle);
        assert_eq!(k, kind, "{needle}");
        assert!(claims.len() >= 2, "{needle}: {claims:?}");
        assert!(
            claims.iter().all(|(_, _, sources)| !sources.is_empty()),
            "{needle}: every side cites a source"
        );
    }
    let (_, festival) = dispute("World Festival of Youth and Students");
    let printed = festival.iter().find(|(v, ..)| v.contains("8th")).unwrap();
    assert_eq!(
        (printed.1.as_str(), printed.2.as_slice()),
        ("deprecated", &["doc002".to_string()][..])
    );
    let (_, second) = dispute("second to recognize Mongolia");
    assert!(second
        .iter()
        .any(|(v, _, s)| v.contains("Republic of China") && s.contains(&"web048".to_string())));
}
