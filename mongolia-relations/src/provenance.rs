//! Checks that the dataset's citations hold against the source texts we keep, and that what we
//! wrote ourselves is in our own words.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::locator::{Locator, SourceText};
use crate::own_words::{Runs, RUN};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// One citation, source or field that does not check out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProvenanceFailure {
    /// The source concerned (for a copied field: the text it copies, by source id or file name).
    pub source: String,
    /// The citation concerned, where the failure is a citation's.
    pub citation: Option<i64>,
    /// The field concerned, where the failure is one of our own texts (`events 12 summary`).
    pub record: Option<String>,
    /// What is wrong, and what would be right where it can be said.
    pub problem: String,
}

/// Columns holding our own prose, checked against every text: summaries, notes, date notes,
/// dispute topics and claim values.
const OWN_WORDS_COLUMNS: &[&str] = &["summary", "note", "date_note", "topic"];

/// The texts read from the folders: by SHA-256 (to find a source's text) and as runs of words.
struct Texts {
    by_hash: HashMap<String, SourceText>,
    runs: Runs,
}

fn read_texts(dirs: &[&Path]) -> Result<Texts> {
    let mut texts = Texts {
        by_hash: HashMap::new(),
        runs: Runs::default(),
    };
    for dir in dirs {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let text = String::from_utf8_lossy(&bytes);
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            texts.runs.add(&name, &text);
            let parsed = if path.extension().is_some_and(|x| x == "wiki") {
                SourceText::wikitext(&text)
            } else {
                SourceText::plain(&text)
            };
            texts.by_hash.insert(crate::builder::hex(&Sha256::digest(&bytes)), parsed);
        }
    }
    Ok(texts)
}

impl Dataset {
    /// Checks the dataset against the source texts in `dirs` (the five documents, the Wikipedia
    /// articles, the notes of the shared data), and returns every failure; an empty list means
    /// everything checks out:
    ///
    /// - every source with a SHA-256 has its text in one of the folders;
    /// - every citation of such a source has a locator in the grammar of `docs/locators.md` that
    ///   resolves in the text, and its quote stands inside the span the locator names (the failure
    ///   suggests the paragraph that holds it);
    /// - no summary, note, date note, dispute topic or claim value shares a run of eight words
    ///   with any text in the folders (an official title in double quotes excepted);
    /// - a web source without a text has a URL.
    pub fn verify_sources<P: AsRef<Path>>(&self, dirs: &[P]) -> Result<Vec<ProvenanceFailure>> {
        let dirs: Vec<&Path> = dirs.iter().map(AsRef::as_ref).collect();
        let texts = read_texts(&dirs)?;
        let mut failures = Vec::new();
        let failure = |source: &str, citation: Option<i64>, problem: String| ProvenanceFailure {
            source: source.to_string(),
            citation,
            record: None,
            problem,
        };
        let folders = dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", ");
        let sources = self.sources()?;
        for source in &sources {
            let text = match (&source.sha256, &source.url) {
                (Some(hash), _) => match texts.by_hash.get(hash) {
                    Some(t) => t,
                    None => {
                        failures.push(failure(&source.id, None, format!("no file in {folders} has SHA-256 {hash}")));
                        continue;
                    }
                },
                (None, Some(_)) => continue,
                (None, None) => {
                    failures.push(failure(&source.id, None, "neither a text we hold nor a URL".into()));
                    continue;
                }
            };
            let mut stmt = self
                .connection()
                .prepare_cached("SELECT id, locator, quote FROM citations WHERE source = ?1 ORDER BY id")?;
            let citations = stmt
                .query_map([&source.id], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let mut covered = vec![false; text.paragraphs().last().map_or(0, |p| p.1 + 1)];
            for (id, locator, quote) in citations {
                match check_citation(text, &locator, quote.as_deref()) {
                    Ok(lines) => lines.for_each(|i| covered.get_mut(i).into_iter().for_each(|c| *c = true)),
                    Err(problem) => failures.push(failure(&source.id, Some(id), problem)),
                }
            }
            if !text.is_wikitext() {
                failures.extend(self.uncovered(&source.id, text, covered)?);
            }
        }
        failures.extend(self.copied_fields(&texts.runs)?);
        Ok(failures)
    }

    /// Every field of our own prose that shares a run of words with a text.
    fn copied_fields(&self, runs: &Runs) -> Result<Vec<ProvenanceFailure>> {
        let conn = self.connection();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut failures = Vec::new();
        for table in tables {
            let columns: Vec<String> = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")?
                .query_map([&table], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let checked = columns
                .iter()
                .filter(|c| OWN_WORDS_COLUMNS.contains(&c.as_str()) || (table == "claims" && c.as_str() == "value"));
            for column in checked {
                let mut stmt = conn.prepare(&format!(
                    "SELECT CAST(rowid AS TEXT), \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL ORDER BY rowid"
                ))?;
                let mut rows = stmt.query([])?;
                while let Some(row) = rows.next()? {
                    let text: String = row.get(1)?;
                    if let Some((run, from)) = runs.copied(&text) {
                        let key: String = row.get(0)?;
                        failures.push(ProvenanceFailure {
                            source: from.to_string(),
                            citation: None,
                            record: Some(format!("{table} {key} {column}")),
                            problem: format!(
                                "shares {RUN} or more consecutive words with the source ({run:?}); write it in our own words, or quote an official title in double quotes"
                            ),
                        });
                    }
                }
            }
        }
        Ok(failures)
    }
}

/// The lines a citation of a text we hold names, or what is wrong with it.
fn check_citation(text: &SourceText, locator: &str, quote: Option<&str>) -> std::result::Result<Range<usize>, String> {
    let parsed = Locator::parse(locator).map_err(|e| format!("locator {locator:?}: {e}"))?;
    let lines = text
        .lines_of(&parsed)
        .map_err(|e| format!("locator {locator:?} does not resolve: {e}"))?;
    let Some(quote) = quote else {
        return Err(format!(
            "locator {locator:?} has no quote: a citation of a text we hold gives the identifying phrase, so that the place can be checked"
        ));
    };
    let span = text.resolve(&parsed).map_err(|e| e.to_string())?;
    if span.contains(&crate::locator::normalize(quote)) {
        return Ok(lines);
    }
    Err(match text.suggest(quote) {
        Some(right) => format!("the quote {quote:?} is not in {locator:?} but in {right:?}"),
        None if text.contains(quote) => format!("the quote {quote:?} runs across paragraphs; quote within one"),
        None => format!("phrase not found in the text: {quote:?}"),
    })
}

impl Dataset {
    /// Paragraphs of a held plain text that no citation names and `uncited_paragraphs` does not
    /// list: a fact may have been left out. Listed locators must resolve too.
    fn uncovered(&self, source: &str, text: &SourceText, mut covered: Vec<bool>) -> Result<Vec<ProvenanceFailure>> {
        let mut failures = Vec::new();
        let mut stmt = self
            .connection()
            .prepare_cached("SELECT locator FROM uncited_paragraphs WHERE source = ?1 ORDER BY locator")?;
        let listed = stmt
            .query_map([source], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        for locator in listed {
            let lines = Locator::parse(&locator)
                .map_err(|e| e.to_string())
                .and_then(|l| text.lines_of(&l).map_err(|e| e.to_string()));
            match lines {
                Ok(lines) => lines.for_each(|i| covered.get_mut(i).into_iter().for_each(|c| *c = true)),
                Err(e) => failures.push(ProvenanceFailure {
                    source: source.to_string(),
                    citation: None,
                    record: Some(format!("uncited_paragraphs {locator}")),
                    problem: format!("the listed locator does not resolve: {e}"),
                }),
            }
        }
        for (n, line, start) in text.paragraphs() {
            if !covered.get(line).copied().unwrap_or(false) {
                failures.push(ProvenanceFailure {
                    source: source.to_string(),
                    citation: None,
                    record: None,
                    problem: format!(
                        "¶{n} ({start:?}...) is neither cited nor listed in uncited_paragraphs: code its facts or say why it has none"
                    ),
                });
            }
        }
        Ok(failures)
    }
}
