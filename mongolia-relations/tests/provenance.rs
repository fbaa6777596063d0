//! `verify_sources` resolves locators in the texts we hold, accounts for every paragraph and
//! catches copied prose.

use mongolia_relations::{Dataset, ProvenanceFailure};
use sha2::{Digest, Sha256};

/// A small source text with headings, kept beside an extension that cites it.
const TEXT: &str = "A report\n\nFirst section\n\nThe two states opened embassies in 1950 during the war.\n\n\
Second section\n\nA railway agreement was signed in Ulaanbaatar by both ministers of transport.\n";

/// The paragraphs of the fixture that carry no fact (the fifth is the one the event cites).
const FACTLESS: &[&str] = &["¶1", "¶2", "§First section, ¶1", "¶4"];

/// Builds an extension citing the fixture text with `locator` for an event whose summary is
/// `summary`, listing `factless` paragraphs, and returns the failures that concern the fixture.
fn failures_for(locator: &str, summary: &str, factless: &[&str]) -> Vec<ProvenanceFailure> {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    std::fs::create_dir(&texts).unwrap();
    std::fs::write(texts.join("report.txt"), TEXT).unwrap();
    let hash: String = Sha256::digest(TEXT.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let ext = dir.path().join("fixture-coding");
    std::fs::create_dir(&ext).unwrap();
    let write = |name: &str, body: String| std::fs::write(ext.join(name), body).unwrap();
    write(
        "sources.csv",
        format!("id,title,kind,language,sha256\nfixture-report,A report,news,en,{hash}\n"),
    );
    let summary = summary.replace('"', "\"\"");
    write(
        "events.csv",
        format!("id,kind,date,certainty,summary\n1000001,treaty_signed,1955,stated,\"{summary}\"\n"),
    );
    write(
        "event_participants.csv",
        "event,polity,role\n1000001,MNG,party\n1000001,PRK,party\n".into(),
    );
    write(
        "citations.csv",
        format!("id,source,record_table,record_id,locator,quote\n1000001,fixture-report,events,1000001,\"{locator}\",railway agreement was signed\n"),
    );
    let listed: String = factless.iter().map(|l| format!("fixture-report,\"{l}\",no fact here\n")).collect();
    write("uncited_paragraphs.csv", format!("source,locator,reason\n{listed}"));
    let out = dir.path().join("extended.sqlite");
    Dataset::build_extended(&[ext.as_path()], &out).unwrap();
    let data = Dataset::open(&out).unwrap();
    let all = data.verify_sources(&[texts.as_path()]).unwrap();
    all.into_iter()
        .filter(|f| f.source == "fixture-report" || f.source == "report.txt")
        .collect()
}

const OWN_WORDS: &str = "Mongolia and the DPRK sign a rail transport agreement.";

#[test]
fn a_quote_inside_the_paragraph_its_locator_names_checks_out() {
    let failures = failures_for("§Second section, ¶1", OWN_WORDS, FACTLESS);
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn a_locator_one_paragraph_off_fails_and_names_the_right_one() {
    let failures = failures_for("§First section, ¶1", OWN_WORDS, FACTLESS);
    assert_eq!(failures[0].citation, Some(1_000_001), "{failures:?}");
    assert!(
        failures[0].problem.contains("\"¶5\""),
        "the suggestion counts from the top: {}",
        failures[0].problem
    );
    assert!(
        failures[1].problem.starts_with("¶5 "),
        "a misplaced citation covers nothing: {failures:?}"
    );
    assert_eq!(failures.len(), 2);
}

#[test]
fn a_locator_outside_the_grammar_or_the_text_fails() {
    let failures = failures_for("Second section paragraph", OWN_WORDS, FACTLESS);
    assert!(failures[0].problem.contains("is not a step"), "{failures:?}");
    let failures = failures_for("§Third section, ¶1", OWN_WORDS, FACTLESS);
    assert!(failures[0].problem.contains("does not resolve"), "{failures:?}");
}

#[test]
fn a_paragraph_neither_cited_nor_listed_as_factless_fails() {
    let failures = failures_for("§Second section, ¶1", OWN_WORDS, &["¶1", "¶2", "¶4"]);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].problem.starts_with("¶3 (\"The two states opened embassies"),
        "{failures:?}"
    );
}

#[test]
fn a_factless_paragraph_whose_locator_does_not_resolve_fails() {
    let failures = failures_for("§Second section, ¶1", OWN_WORDS, &["¶1", "¶2", "¶3", "¶4", "¶9"]);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].record.as_deref(), Some("uncited_paragraphs ¶9"));
}

#[test]
fn a_summary_copying_eight_words_of_a_source_fails() {
    let copied = "A railway agreement was signed in Ulaanbaatar by both ministers.";
    let failures = failures_for("§Second section, ¶1", copied, FACTLESS);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].record.as_deref(), Some("events 1000001 summary"));
    assert_eq!(failures[0].source, "report.txt");
}

#[test]
fn an_official_title_in_quotes_is_not_a_copy() {
    let titled = "They sign the \"railway agreement was signed in Ulaanbaatar by both ministers\".";
    let failures = failures_for("§Second section, ¶1", titled, FACTLESS);
    assert!(failures.is_empty(), "{failures:?}");
}
