//! Locators: addresses in a source text that a program resolves (grammar in `docs/locators.md`).
//!
//! A locator is a list of steps separated by `", "`, each narrowing a span of lines: `§Heading`,
//! `table "Caption"`, `¶N`, `row N`, `footnote label`. It must end in a step that names a
//! paragraph, a row or a footnote, so that a quote can be checked against a few lines only.
//!
//! ```
//! use mongolia_relations::locator::{Locator, SourceText};
//! let text = SourceText::plain("Title\n\nHistory\n\nFirst paragraph.\n\nSecond one.\n");
//! let loc = Locator::parse("§History, ¶2").unwrap();
//! assert_eq!(text.resolve(&loc).unwrap(), "second one.");
//! assert!(Locator::parse("§History").is_err(), "a section alone is too wide");
//! ```

use std::fmt;
use std::ops::Range;

/// One step of a locator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `§Heading`: the section starting at the heading that begins with this text.
    Section(String),
    /// `table "Caption"`: the table whose caption line begins with this text.
    Table(String),
    /// `¶N`: the N-th paragraph (1-based) of the current span.
    Paragraph(usize),
    /// `row N`: the N-th row (1-based) of the first table in the current span.
    Row(usize),
    /// `footnote label`: the footnote line starting with `[label]`.
    Footnote(String),
}

/// A parsed locator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locator {
    /// The steps, applied from left to right.
    pub steps: Vec<Step>,
}

/// Why a locator does not parse or does not resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatorError(pub String);

impl fmt::Display for LocatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Locator {
    /// Parses a locator; the error says which step is malformed and what would be right.
    pub fn parse(text: &str) -> Result<Locator, LocatorError> {
        let fail = |m: String| Err(LocatorError(m));
        let mut steps = Vec::new();
        for raw in split_steps(text) {
            let part = raw.trim();
            let step = if let Some(h) = part.strip_prefix('§') {
                Step::Section(h.trim().to_string())
            } else if let Some(n) = part.strip_prefix('¶') {
                Step::Paragraph(number(n, part)?)
            } else if let Some(n) = part.strip_prefix("row ") {
                Step::Row(number(n, part)?)
            } else if let Some(l) = part.strip_prefix("footnote ") {
                Step::Footnote(l.trim().to_string())
            } else if let Some(c) = part.strip_prefix("table ") {
                match c.trim().strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
                    Some(c) => Step::Table(c.to_string()),
                    None => return fail(format!("{part:?}: a table caption goes in double quotes: table \"Caption\"")),
                }
            } else {
                return fail(format!(
                    "{part:?} is not a step; steps are §Heading, table \"Caption\", ¶N, row N, footnote label (docs/locators.md)"
                ));
            };
            if matches!(&step, Step::Section(s) | Step::Table(s) | Step::Footnote(s) if s.is_empty()) {
                return fail(format!("{part:?} names nothing"));
            }
            steps.push(step);
        }
        match steps.last() {
            Some(Step::Paragraph(_) | Step::Row(_) | Step::Footnote(_)) => Ok(Locator { steps }),
            _ => fail(format!(
                "{text:?} does not end in ¶N, row N or footnote label: a section alone is too wide to check a quote in"
            )),
        }
    }
}

/// Splits at `", "` outside double quotes, so that a caption or heading may hold a comma.
fn split_steps(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted && text[i + 1..].starts_with(' ') && starts_step(&text[i + 2..]) => {
                parts.push(&text[start..i]);
                start = i + 2;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Whether a step begins here: headings may hold ", " too ("Russia, Central Asia and West Asia").
fn starts_step(rest: &str) -> bool {
    ["§", "¶", "row ", "footnote ", "table \""].iter().any(|p| rest.starts_with(p))
}

fn number(digits: &str, part: &str) -> Result<usize, LocatorError> {
    digits
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| LocatorError(format!("{part:?}: expected a number from 1")))
}

/// Folds what copying changes (typographic quotes, dashes, runs of white space, letter case), so
/// a phrase matches its source.
pub fn normalize(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‛' | '`' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A source text split into lines, plain or wikitext (their headings and tables differ).
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The lines folded for matching.
    lines: Vec<String>,
    /// The lines as they stand, for headings in suggestions.
    raw: Vec<String>,
    wikitext: bool,
}

impl SourceText {
    /// A plain text: paragraphs are non-empty lines.
    pub fn plain(text: &str) -> SourceText {
        SourceText::new(text, false)
    }

    /// Wikitext: `== Heading ==` lines open sections; tables are `{| ... |}` with `|-` rows.
    pub fn wikitext(text: &str) -> SourceText {
        SourceText::new(text, true)
    }

    fn new(text: &str, wikitext: bool) -> SourceText {
        SourceText {
            lines: text.lines().map(normalize).collect(),
            raw: text.lines().map(|l| l.trim().to_string()).collect(),
            wikitext,
        }
    }

    /// Whether the folded phrase occurs anywhere in the text (a line break counts as a space).
    pub fn contains(&self, phrase: &str) -> bool {
        let needle = normalize(phrase);
        self.lines.iter().any(|l| l.contains(&needle)) || self.lines.join(" ").contains(&needle)
    }

    /// The folded text of the span the locator names.
    pub fn resolve(&self, locator: &Locator) -> Result<String, LocatorError> {
        let span = self.span(locator)?;
        Ok(self.lines[span]
            .iter()
            .filter(|l| !l.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" "))
    }

    /// Whether this is wikitext.
    pub fn is_wikitext(&self) -> bool {
        self.wikitext
    }

    /// The lines (0-based) the locator names.
    pub fn lines_of(&self, locator: &Locator) -> Result<Range<usize>, LocatorError> {
        self.span(locator)
    }

    /// The paragraphs of the whole text: (`¶N` counted from the top, its line, its first words).
    pub fn paragraphs(&self) -> Vec<(usize, usize, String)> {
        (0..self.lines.len())
            .filter(|&i| self.is_paragraph(i))
            .enumerate()
            .map(|(n, i)| (n + 1, i, self.raw[i].split_whitespace().take(8).collect::<Vec<_>>().join(" ")))
            .collect()
    }

    /// A locator for the first paragraph (or wikitext row) holding the phrase, in the same
    /// grammar: what a misplaced locator should say.
    pub fn suggest(&self, phrase: &str) -> Option<String> {
        let needle = normalize(phrase);
        let line = self.lines.iter().position(|l| l.contains(&needle))?;
        // Plain texts mark no headings, so only wikitext suggestions name a section.
        if let Some(h) = (0..line).rev().find(|&i| self.heading_level(i).is_some()) {
            let name = self.raw[h].trim_matches('=').trim();
            if let Some(table) = (h + 1..=line).find(|&i| self.lines[i].starts_with("{|")) {
                let row = self.rows(table..self.lines.len()).iter().position(|r| r.contains(&line));
                if let Some(r) = row {
                    return Some(format!("§{name}, row {}", r + 1));
                }
            }
            let n = (h + 1..=line).filter(|&i| self.is_paragraph(i)).count();
            return Some(format!("§{name}, ¶{n}"));
        }
        let n = (0..=line).filter(|&i| self.is_paragraph(i)).count();
        Some(format!("¶{n}"))
    }

    fn span(&self, locator: &Locator) -> Result<Range<usize>, LocatorError> {
        let mut span = 0..self.lines.len();
        for step in &locator.steps {
            span = match step {
                Step::Section(h) | Step::Table(h) => self.section(span, h, matches!(step, Step::Table(_)))?,
                Step::Paragraph(n) => self.paragraph(span, *n)?,
                Step::Row(n) if self.wikitext => {
                    let rows = self.rows(span.clone());
                    let count = rows.len();
                    rows.into_iter()
                        .nth(n - 1)
                        .ok_or_else(|| LocatorError(format!("row {n}: the first table of the span has {count} data rows")))?
                }
                Step::Row(n) => self.paragraph(span, *n)?,
                Step::Footnote(label) => {
                    let mark = format!("[{}]", label.to_lowercase());
                    let i = self
                        .lines
                        .iter()
                        .position(|l| l.starts_with(&mark))
                        .ok_or_else(|| LocatorError(format!("no footnote line starts with {mark}")))?;
                    i..i + 1
                }
            };
        }
        Ok(span)
    }

    /// The level of a wikitext heading line (`==X==` is 2); plain texts have no marked headings.
    fn heading_level(&self, i: usize) -> Option<usize> {
        let l = &self.lines[i];
        if !self.wikitext || !l.starts_with("==") || !l.ends_with("==") {
            return None;
        }
        Some(l.chars().take_while(|c| *c == '=').count())
    }

    fn is_paragraph(&self, i: usize) -> bool {
        let l = &self.lines[i];
        !l.is_empty() && !(self.wikitext && (["{|", "|-", "|}", "!"].iter().any(|m| l.starts_with(m)) || self.heading_level(i).is_some()))
    }

    fn section(&self, span: Range<usize>, heading: &str, table: bool) -> Result<Range<usize>, LocatorError> {
        let wanted = normalize(heading);
        let found = span.clone().find(|&i| {
            let l = &self.lines[i];
            match self.heading_level(i) {
                Some(_) if !table => l.trim_matches('=').trim().starts_with(&wanted),
                _ if self.wikitext && !table => false,
                _ => l.starts_with(&wanted),
            }
        });
        let Some(start) = found else {
            let what = if table { "table caption" } else { "heading" };
            return Err(LocatorError(format!("no {what} starting with {heading:?} in the span")));
        };
        let end = match self.heading_level(start) {
            Some(level) => (start + 1..span.end)
                .find(|&i| self.heading_level(i).is_some_and(|l| l <= level))
                .unwrap_or(span.end),
            None => span.end,
        };
        Ok(start + 1..end)
    }

    fn paragraph(&self, span: Range<usize>, n: usize) -> Result<Range<usize>, LocatorError> {
        let paragraphs: Vec<usize> = span.filter(|&i| self.is_paragraph(i)).collect();
        paragraphs
            .get(n - 1)
            .map(|&i| i..i + 1)
            .ok_or_else(|| LocatorError(format!("¶{n}: the span has {} paragraphs", paragraphs.len())))
    }

    /// The data rows of the first table in the span, each as its range of lines.
    fn rows(&self, span: Range<usize>) -> Vec<Range<usize>> {
        let Some(open) = span.clone().find(|&i| self.lines[i].starts_with("{|")) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        let (mut depth, mut start) = (0usize, open + 1);
        for i in open..span.end {
            let l = &self.lines[i];
            if l.starts_with("{|") {
                depth += 1;
            } else if l.starts_with("|}") {
                depth -= 1;
                if depth == 0 {
                    rows.push(start..i);
                    break;
                }
            } else if depth == 1 && l.starts_with("|-") {
                rows.push(start..i);
                start = i + 1;
            }
        }
        rows.retain(|r| {
            r.clone()
                .any(|i| self.lines[i].starts_with('|') && !["|-", "|}", "|+"].iter().any(|m| self.lines[i].starts_with(m)))
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIKI: &str = "intro\n==Americas==\n{| class=x\n|-\n! Country\n!Notes\n|- valign=top\n|{{flag|Canada}}||1973\n\nCanada has an embassy.\n|- valign=top\n|{{flag|Mexico}}||1975\n* Mexico is accredited from Seoul.\n|}\n\nAfter the table.\n==Europe==\n===Germany===\nGerman text.\n";

    #[test]
    fn steps_split_at_commas_that_open_a_step_only() {
        let loc = Locator::parse("§Russia, Central Asia and West Asia, row 3").unwrap();
        assert_eq!(
            loc.steps,
            vec![Step::Section("Russia, Central Asia and West Asia".into()), Step::Row(3)]
        );
        let loc = Locator::parse("table \"Trade, in USD\", row 2").unwrap();
        assert_eq!(loc.steps[0], Step::Table("Trade, in USD".into()));
    }

    #[test]
    fn malformed_locators_say_what_would_be_right() {
        assert!(Locator::parse("History paragraph").unwrap_err().0.contains("§Heading"));
        assert!(Locator::parse("¶0").unwrap_err().0.contains("from 1"));
        assert!(Locator::parse("§History").unwrap_err().0.contains("too wide"));
        assert!(Locator::parse("table Trade, row 1").unwrap_err().0.contains("double quotes"));
    }

    #[test]
    fn wikitext_rows_skip_headers_and_span_their_note_lines() {
        let text = SourceText::wikitext(WIKI);
        let row = |l: &str| text.resolve(&Locator::parse(l).unwrap()).unwrap();
        assert!(row("§Americas, row 1").contains("canada has an embassy."));
        assert!(row("§Americas, row 2").contains("accredited from seoul"));
        assert!(text.resolve(&Locator::parse("§Americas, row 3").unwrap()).is_err());
        assert_eq!(row("§Americas, ¶2"), "canada has an embassy.");
        assert_eq!(row("§Americas, ¶5"), "after the table.");
        assert_eq!(row("§Europe, §Germany, ¶1"), "german text.");
    }

    #[test]
    fn wikitext_sections_end_at_the_next_heading_of_their_level() {
        let text = SourceText::wikitext(WIKI);
        assert!(text.resolve(&Locator::parse("§Americas, ¶6").unwrap()).is_err());
    }

    #[test]
    fn plain_sections_tables_and_footnotes_resolve() {
        let text = SourceText::plain("Essay\n\nHopes dashed\n\nOne.\n\nTwo.\nTrade (USD)\n1985 1986\n10,7 18,7\n[xii] Treaty of 1986.\n");
        let at = |l: &str| text.resolve(&Locator::parse(l).unwrap()).unwrap();
        assert_eq!(at("¶1"), "essay");
        assert_eq!(at("§Hopes dashed, ¶2"), "two.");
        assert_eq!(at("§Hopes, table \"Trade\", row 2"), "10,7 18,7");
        assert_eq!(at("footnote xii"), "[xii] treaty of 1986.");
    }

    #[test]
    fn a_suggestion_names_the_paragraph_that_holds_the_phrase() {
        let text = SourceText::wikitext(WIKI);
        assert_eq!(text.suggest("accredited from Seoul").unwrap(), "§Americas, row 2");
        let plain = SourceText::plain("A\n\nB c\n");
        assert_eq!(plain.suggest("b C").unwrap(), "¶2");
    }
}
