//! How to cite the dataset, and the sources behind a result (as peacesciencer's `ps_cite`).

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::records::Source;
use serde_json::Value;
use std::collections::BTreeSet;

/// Output format of [`Dataset::cite`] and [`Dataset::cite_sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CitationFormat {
    /// A plain-text reference.
    Text,
    /// A BibTeX entry (`@misc`): what BibTeX, natbib and every reference manager read.
    Bibtex,
    /// A biblatex entry (`@dataset` for the dataset, `@online` for a source with a URL).
    Biblatex,
}

impl CitationFormat {
    /// The format named `text`, `bibtex` or `biblatex`.
    pub fn parse(name: &str) -> Result<CitationFormat> {
        match name {
            "text" => Ok(CitationFormat::Text),
            "bibtex" => Ok(CitationFormat::Bibtex),
            "biblatex" => Ok(CitationFormat::Biblatex),
            other => Err(Error::UnknownValue {
                vocabulary: "citation format",
                input: other.to_string(),
                known: vec!["text".into(), "bibtex".into(), "biblatex".into()],
            }),
        }
    }
}

/// One BibTeX or biblatex entry, its fields in the order written; empty values are left out.
struct Entry {
    kind: &'static str,
    key: String,
    fields: Vec<(&'static str, String)>,
}

impl Entry {
    fn new(kind: &'static str, key: String) -> Entry {
        Entry {
            kind,
            key,
            fields: Vec::new(),
        }
    }

    /// Adds a field whose value is already in BibTeX syntax (braces balanced, specials escaped).
    fn raw(mut self, name: &'static str, value: Option<String>) -> Entry {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.fields.push((name, v));
        }
        self
    }

    /// Adds a field of plain text.
    fn text(self, name: &'static str, value: Option<&str>) -> Entry {
        self.raw(name, value.map(escape))
    }

    fn render(&self) -> String {
        let fields: Vec<String> = self.fields.iter().map(|(k, v)| format!("  {k} = {{{v}}}")).collect();
        format!("@{}{{{},\n{}\n}}", self.kind, self.key, fields.join(",\n"))
    }
}

/// Escapes the characters TeX gives a meaning to; the text keeps its words and capitals.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL as a field value: braces would end the field, so they are percent-encoded.
fn url(u: &str) -> String {
    u.replace('{', "%7B").replace('}', "%7D")
}

/// A citation key from an id: the characters BibTeX allows in keys, others as `_`.
fn key(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() || "-_:.".contains(c) { c } else { '_' })
        .collect()
}

/// The authors as BibTeX names: `;` separates people; a name that is not a person's (lower-case
/// words, brackets: "Correlates of War Project", "Wikipedia contributors") is braced so that
/// BibTeX prints it whole instead of as "Contributors, W.".
fn authors(field: &str) -> String {
    field
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| {
            let personal = a.split_whitespace().count() <= 4
                && a.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && a.chars().all(|c| c.is_alphabetic() || " .-'".contains(c));
            if personal {
                escape(a)
            } else {
                format!("{{{}}}", escape(a))
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The year of an EDTF date, where it begins with one (`2018-10-19?` gives 2018).
fn year(edtf: &str) -> Option<String> {
    let digits: String = edtf.chars().take(4).collect();
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// The month of an EDTF date that names one (01..12), as BibTeX's three-letter macro.
fn month(edtf: &str) -> Option<String> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let m: usize = edtf.get(5..7)?.parse().ok()?;
    NAMES.get(m.checked_sub(1)?).map(|s| s.to_string())
}

impl Dataset {
    /// The citation of the dataset, with its version and content hash, and its URL where the
    /// dataset's metadata names one. BibTeX gives `@misc` (what BibTeX itself reads), biblatex
    /// `@dataset`.
    ///
    /// ```
    /// use mongolia_relations::{CitationFormat, Dataset};
    /// let data = Dataset::embedded().unwrap();
    /// let bib = data.cite(CitationFormat::Bibtex).unwrap();
    /// assert!(bib.starts_with("@misc{mongolia_relations_"));
    /// assert!(bib.contains(mongolia_relations::CONTENT_HASH));
    /// assert!(data.cite(CitationFormat::Biblatex).unwrap().starts_with("@dataset{"));
    /// ```
    pub fn cite(&self, format: CitationFormat) -> Result<String> {
        let version = self.dataset_version()?;
        let hash = self.content_hash()?;
        let title = self.metadata("title")?.unwrap_or_default();
        let link = self.metadata("url")?;
        let key = format!("mongolia_relations_{}", key(&version.replace('.', "_")));
        let author = Some("{mongolia-relations contributors}".to_string());
        let title = Some(format!("{{{}}}", escape(&title)));
        let year = year(&version);
        Ok(match format {
            CitationFormat::Text => format!(
                "{} Version {version} (content hash {}).{} Each fact cites its own sources: see the sources and citations tables.",
                self.metadata("citation")?.unwrap_or_default(),
                &hash[..hash.len().min(12)],
                link.as_deref().map(|u| format!(" {u}.")).unwrap_or_default()
            ),
            CitationFormat::Bibtex => Entry::new("misc", key)
                .raw("author", author)
                .raw("title", title)
                .raw("year", year)
                .text("version", Some(&version))
                .raw("howpublished", link.as_deref().map(|u| format!("\\url{{{}}}", url(u))))
                .raw("url", link.as_deref().map(url))
                .text("note", Some(&format!("Version {version}, content hash {hash}")))
                .render(),
            CitationFormat::Biblatex => Entry::new("dataset", key)
                .raw("author", author)
                .raw("title", title)
                .raw("date", year)
                .text("version", Some(&version))
                .raw("url", link.as_deref().map(url))
                .text("note", Some(&format!("Content hash {hash}")))
                .render(),
        })
    }

    /// The references of the sources with these ids, sorted by id, each once: BibTeX `@misc`
    /// entries keyed by the source's id (stable across versions), biblatex entries (`@online`
    /// where the source has a URL), or one plain-text line each. An id that names no source is
    /// [`Error::NotFound`].
    ///
    /// ```
    /// use mongolia_relations::{CitationFormat, Dataset};
    /// let data = Dataset::embedded().unwrap();
    /// let bib = data.cite_sources(&["doc001"], CitationFormat::Bibtex).unwrap();
    /// assert!(bib.starts_with("@misc{doc001,"));
    /// ```
    pub fn cite_sources<S: AsRef<str>>(&self, ids: &[S], format: CitationFormat) -> Result<String> {
        let wanted: BTreeSet<&str> = ids.iter().map(AsRef::as_ref).collect();
        let all = self.sources()?;
        let mut entries = Vec::with_capacity(wanted.len());
        for id in wanted {
            let source = all.iter().find(|s| s.id == id).ok_or_else(|| Error::NotFound {
                table: "sources".into(),
                id: id.to_string(),
            })?;
            entries.push(reference(source, format));
        }
        let separator = if format == CitationFormat::Text { "\n" } else { "\n\n" };
        Ok(entries.join(separator))
    }

    /// The ids of the sources behind rows of a result, sorted, each once. `rows` are records
    /// as serialized by serde (what the command line prints as JSON and the Python package
    /// holds); `kind` names them (`events`, `treaties`, ..., `polities`, `sources`). A row's
    /// sources are its `sources` lists and `source` fields, nested ones included (a dispute's
    /// claims); a polity's are the citations of its row; a source row is its own `id`. Rows
    /// that carry no source at all (persons, organizations, counts) are
    /// [`Error::InvalidInput`], so that a result is never cited by nothing.
    pub fn sources_behind(&self, kind: &str, rows: &[Value]) -> Result<Vec<String>> {
        let mut ids = BTreeSet::new();
        for row in rows {
            match kind {
                "sources" => ids.extend(row.get("id").and_then(Value::as_str).map(str::to_string)),
                "polities" => {
                    if let Some(code) = row.get("code").and_then(Value::as_str) {
                        ids.extend(self.citations("polities", code)?.into_iter().map(|c| c.source));
                    }
                }
                _ => collect_sources(row, &mut ids),
            }
        }
        if ids.is_empty() && !rows.is_empty() {
            return Err(Error::InvalidInput {
                field: "result",
                reason: format!(
                    "{} rows carry no source ids; cite the sources of a result of events, treaties, postings, \
                     missions, memberships, observations, codes, disputes, polities, unga_votes or unga_agreement",
                    if kind.is_empty() { "these" } else { kind }
                ),
            });
        }
        Ok(ids.into_iter().collect())
    }
}

/// The `sources` lists and `source` fields anywhere in a serialized record.
fn collect_sources(value: &Value, ids: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("source", Value::String(id)) => {
                        ids.insert(id.clone());
                    }
                    ("sources", Value::Array(items)) => {
                        ids.extend(items.iter().filter_map(Value::as_str).map(str::to_string));
                        items.iter().for_each(|i| collect_sources(i, ids));
                    }
                    _ => collect_sources(v, ids),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_sources(i, ids)),
        _ => {}
    }
}

/// The reference of one source in `format`.
fn reference(s: &Source, format: CitationFormat) -> String {
    let published = s.published.as_deref();
    match format {
        CitationFormat::Text => {
            let mut parts = Vec::new();
            if let Some(a) = &s.author {
                parts.push(a.replace(';', ","));
            }
            if let Some(y) = published.and_then(year) {
                parts.push(format!("({y})"));
            }
            parts.push(format!("{}.", s.title.trim_end_matches('.')));
            if let Some(p) = &s.publisher {
                parts.push(format!("{p}."));
            }
            if let Some(u) = &s.url {
                parts.push(format!("{u}."));
            }
            format!("[{}] {}", s.id, parts.join(" "))
        }
        CitationFormat::Bibtex => Entry::new("misc", key(&s.id))
            .raw("author", s.author.as_deref().map(authors))
            .raw("title", Some(format!("{{{}}}", escape(&s.title))))
            .text("howpublished", s.publisher.as_deref())
            .raw("year", published.and_then(year))
            .raw("month", published.and_then(month))
            .raw("url", s.url.as_deref().map(url))
            .text("note", Some(&format!("Source {} of the mongolia-relations dataset", s.id)))
            .render(),
        CitationFormat::Biblatex => Entry::new(if s.url.is_some() { "online" } else { "misc" }, key(&s.id))
            .raw("author", s.author.as_deref().map(authors))
            .raw("title", Some(format!("{{{}}}", escape(&s.title))))
            .text("organization", s.publisher.as_deref())
            // biblatex reads EDTF dates, uncertain (`?`) and approximate (`~`) ones too.
            .text("date", published)
            .raw("url", s.url.as_deref().map(url))
            .text("langid", Some(&s.language))
            .text("note", Some(&format!("Source {} of the mongolia-relations dataset", s.id)))
            .render(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_specials_are_escaped_and_words_kept() {
        assert_eq!(escape("50% & more_{x}"), "50\\% \\& more\\_\\{x\\}");
    }

    #[test]
    fn people_are_split_and_bodies_braced() {
        assert_eq!(
            authors("Kristian Skrede Gleditsch; Michael D. Ward"),
            "Kristian Skrede Gleditsch and Michael D. Ward"
        );
        assert_eq!(authors("Wikipedia contributors"), "{Wikipedia contributors}");
        assert_eq!(authors("Correlates of War Project"), "{Correlates of War Project}");
    }

    #[test]
    fn partial_dates_give_what_they_state() {
        assert_eq!(year("2018-10-19?").as_deref(), Some("2018"));
        assert_eq!(month("2018-10-19?").as_deref(), Some("oct"));
        assert_eq!(month("2023?"), None);
        assert_eq!(month("1988-22"), None, "a season is no month");
        assert_eq!(year("[1972,1973]"), None);
    }
}
