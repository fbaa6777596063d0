//! Checks that the dataset's citations hold against the source texts we keep.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// One citation or source that does not check out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProvenanceFailure {
    /// The source concerned.
    pub source: String,
    /// The citation concerned, where the failure is a citation's.
    pub citation: Option<i64>,
    /// What is wrong.
    pub problem: String,
}

/// Folds the typographic variants a copied text may carry, so a phrase matches its source.
fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '‘' | '’' | '‛' | '`' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect::<String>()
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Dataset {
    /// For every source whose text is in `dir` (matched by SHA-256), checks that each citation's
    /// identifying phrase occurs in it; a source with a hash but no matching file, and a web
    /// source without a URL, are failures too. An empty list means everything checks out.
    pub fn verify_sources(&self, dir: impl AsRef<Path>) -> Result<Vec<ProvenanceFailure>> {
        let dir = dir.as_ref();
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut texts: HashMap<String, String> = HashMap::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                texts.insert(
                    crate::builder::hex(&Sha256::digest(&bytes)),
                    normalize(&String::from_utf8_lossy(&bytes)),
                );
            }
        }
        let mut failures = Vec::new();
        for source in self.sources()? {
            let text = match (&source.sha256, &source.url) {
                (Some(hash), _) => match texts.get(hash) {
                    Some(t) => t,
                    None => {
                        failures.push(ProvenanceFailure {
                            source: source.id,
                            citation: None,
                            problem: format!("no file in {} has SHA-256 {hash}", dir.display()),
                        });
                        continue;
                    }
                },
                (None, Some(_)) => continue,
                (None, None) => {
                    failures.push(ProvenanceFailure {
                        source: source.id,
                        citation: None,
                        problem: "neither a text we hold nor a URL".into(),
                    });
                    continue;
                }
            };
            let mut stmt = self
                .connection()
                .prepare_cached("SELECT id, quote FROM citations WHERE source = ?1 AND quote IS NOT NULL ORDER BY id")?;
            let quotes = stmt
                .query_map([&source.id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            for (id, quote) in quotes {
                if !text.contains(&normalize(&quote)) {
                    failures.push(ProvenanceFailure {
                        source: source.id.clone(),
                        citation: Some(id),
                        problem: format!("phrase not found in the text: {quote:?}"),
                    });
                }
            }
        }
        Ok(failures)
    }
}
