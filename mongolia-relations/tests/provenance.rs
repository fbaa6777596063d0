//! `verify_sources` resolves locators in the texts we hold and catches copied prose.

use mongolia_relations::{Dataset, ProvenanceFailure};
use sha2::{Digest, Sha256};

/// A small source text with headings, kept beside an extension that cites it.
const TEXT: &str = "A report\n\nFirst section\n\nThe two states opened embassies in 1950 during the war.\n\n\
Second section\n\nA railway agreement was signed in Ulaanbaatar by both ministers of transport.\n";

/// Builds an extension citing the fixture text with `locator` for an event whose summary is
/// `summary`, and returns the failures that concern the fixture.
fn failures_for(locator: &str, summary: &str) -> Vec<ProvenanceFailure> {
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
    write(
        "events.csv",
        format!(
            "id,kind,date,certainty,summary\n1000001,treaty_signed,1955,stated,\"{}\"\n",
            summary.replace('"', "\"\"")
        ),
    );
    write(
        "event_participants.csv",
        "event,polity,role\n1000001,MNG,party\n1000001,PRK,party\n".into(),
    );
    write(
        "citations.csv",
        format!("id,source,record_table,record_id,locator,quote\n1000001,fixture-report,events,1000001,\"{locator}\",railway agreement was signed\n"),
    );
    let out = dir.path().join("extended.sqlite");
    Dataset::build_extended(&[ext.as_path()], &out).unwrap();
    let data = Dataset::open(&out).unwrap();
    let all = data.verify_sources(&[texts.as_path()]).unwrap();
    all.into_iter()
        .filter(|f| f.source == "fixture-report" || f.source == "report.txt")
        .collect()
}

#[test]
fn a_quote_inside_the_paragraph_its_locator_names_checks_out() {
    let failures = failures_for("§Second section, ¶1", "Mongolia and the DPRK sign a rail transport agreement.");
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn a_locator_one_paragraph_off_fails_and_names_the_right_one() {
    let failures = failures_for("§First section, ¶1", "Mongolia and the DPRK sign a rail transport agreement.");
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].citation, Some(1_000_001));
    assert!(
        failures[0].problem.contains("\"¶5\""),
        "the suggestion counts from the top: {}",
        failures[0].problem
    );
}

#[test]
fn a_locator_outside_the_grammar_or_the_text_fails() {
    let failures = failures_for("Second section paragraph", "A rail agreement.");
    assert!(failures[0].problem.contains("is not a step"), "{failures:?}");
    let failures = failures_for("§Third section, ¶1", "A rail agreement.");
    assert!(failures[0].problem.contains("does not resolve"), "{failures:?}");
}

#[test]
fn a_summary_copying_eight_words_of_a_source_fails() {
    let copied = "A railway agreement was signed in Ulaanbaatar by both ministers.";
    let failures = failures_for("§Second section, ¶1", copied);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].record.as_deref(), Some("events 1000001 summary"));
    assert_eq!(failures[0].source, "report.txt");
}

#[test]
fn an_official_title_in_quotes_is_not_a_copy() {
    let titled = "They sign the \"railway agreement was signed in Ulaanbaatar by both ministers\".";
    let failures = failures_for("§Second section, ¶1", titled);
    assert!(failures.is_empty(), "{failures:?}");
}
