//! The codebook read out of `schema.sql`: the documentation comments of every table, view and
//! column, the CHECK lists and the vocabulary tables, joined with counts from the database. One
//! parse serves the `codebook` document (Markdown or HTML) and the Datasette `metadata.json`, so
//! the two never describe the schema differently.

use crate::dataset::Dataset;
use crate::error::Result;
use crate::filter::Filter;
use serde::Serialize;

/// What `schema.sql` says about one column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnDoc {
    /// The column's name.
    pub name: String,
    /// Its declared type (`TEXT`, `INTEGER`, ...), empty for the columns of views.
    pub declared_type: String,
    /// The comment beside it in `schema.sql`; where there is none, what its declaration says
    /// (primary key, the table it refers to).
    pub description: String,
    /// The table and column it refers to (`REFERENCES t(c)`), where it does.
    pub references: Option<(String, String)>,
    /// The values its `CHECK (x IN (...))` allows, each with the number of rows holding it.
    pub allowed: Vec<(String, i64)>,
}

/// What `schema.sql` says about one table or view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableDoc {
    /// The table's name.
    pub name: String,
    /// `table`, `view` or `virtual table`.
    pub kind: &'static str,
    /// The section of `schema.sql` it stands in (`vocabularies`, `entities`, ...).
    pub section: String,
    /// The comment above its `CREATE` statement.
    pub description: String,
    /// Its columns in order.
    pub columns: Vec<ColumnDoc>,
    /// Its rows in the database.
    pub rows: i64,
}

/// A vocabulary: a table whose rows `schema.sql` itself inserts, each value with the number of
/// rows of other tables that use it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vocabulary {
    /// The vocabulary table.
    pub table: String,
    /// The columns that refer to it (`events.kind`).
    pub used_by: Vec<String>,
    /// Each value, its description and how many rows use it.
    pub values: Vec<(String, String, i64)>,
}

/// A coding rule: a comment block of `schema.sql` that documents no single table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    /// The section it stands in.
    pub section: String,
    /// Its text, comment markers removed, lines joined.
    pub text: String,
}

/// The whole codebook.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Codebook {
    /// Dataset version.
    pub dataset_version: String,
    /// Content hash of the data described.
    pub content_hash: String,
    /// The licence the dataset states.
    pub license: Option<String>,
    /// The coding rules, in the order of `schema.sql`.
    pub rules: Vec<Rule>,
    /// Every table and view, in the order of `schema.sql`.
    pub tables: Vec<TableDoc>,
    /// The vocabulary tables.
    pub vocabularies: Vec<Vocabulary>,
    /// Every dispute: id, topic, kind, note and the number of its claims.
    pub disputes: Vec<(i64, String, String, String, usize)>,
}

/// One statement of `schema.sql` as the parser sees it.
#[derive(Debug, Default)]
struct ParsedTable {
    name: String,
    kind: &'static str,
    section: String,
    description: String,
    columns: Vec<ParsedColumn>,
    inserts_rows: bool,
}

#[derive(Debug)]
struct ParsedColumn {
    name: String,
    comment: Option<String>,
    references: Option<(String, String)>,
    allowed: Vec<String>,
    primary_key: bool,
}

#[derive(Debug, Default)]
struct ParsedSchema {
    tables: Vec<ParsedTable>,
    rules: Vec<Rule>,
}

/// Splits a line at its comment (`--` outside quotes).
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quoted = false;
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        match bytes[i] {
            b'\'' => quoted = !quoted,
            b'-' if !quoted && bytes.get(i + 1) == Some(&b'-') => return (&line[..i], Some(line[i + 2..].trim())),
            _ => {}
        }
    }
    (line, None)
}

/// Splits a column list at the commas outside parentheses and quotes.
fn split_top_level(def: &str) -> Vec<&str> {
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    let mut parts = Vec::new();
    for (i, c) in def.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                parts.push(def[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(def[start..].trim());
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// The quoted values of the `IN (...)` list of a column's CHECK.
fn check_values(def: &str) -> Vec<String> {
    let upper = def.to_ascii_uppercase();
    let Some(check) = upper.find("CHECK") else { return Vec::new() };
    let Some(open) = upper[check..].find(" IN (").map(|i| check + i + 5) else {
        return Vec::new();
    };
    let close = def[open..].find(')').map_or(def.len(), |i| open + i);
    def[open..close]
        .split(',')
        .filter_map(|v| v.trim().strip_prefix('\'')?.strip_suffix('\'').map(str::to_string))
        .collect()
}

fn references(def: &str) -> Option<(String, String)> {
    let at = def.to_ascii_uppercase().find("REFERENCES ")? + "REFERENCES ".len();
    let rest = &def[at..];
    let open = rest.find('(')?;
    let close = rest.find(')')?;
    Some((rest[..open].trim().to_string(), rest[open + 1..close].trim().to_string()))
}

fn parse_column(piece: &str, comment: Option<&str>) -> Option<ParsedColumn> {
    let first = piece.split_whitespace().next()?;
    if ["PRIMARY", "CHECK", "UNIQUE", "FOREIGN", "CONSTRAINT"].contains(&first.to_ascii_uppercase().as_str()) {
        return None;
    }
    let rest = piece[first.len()..].trim();
    Some(ParsedColumn {
        name: first.trim_matches('"').to_string(),
        comment: comment.filter(|c| !c.is_empty()).map(str::to_string),
        references: references(rest),
        allowed: check_values(rest),
        primary_key: rest.to_ascii_uppercase().contains("PRIMARY KEY"),
    })
}

/// The name after `CREATE TABLE` / `CREATE VIEW` / `CREATE VIRTUAL TABLE`.
fn created_name(rest: &str) -> String {
    rest.split(|c: char| c.is_whitespace() || c == '(')
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_string()
}

/// Drops a leading `name:` from a table's comment, which repeats the name.
fn strip_name(description: &str, name: &str) -> String {
    description
        .strip_prefix(name)
        .and_then(|d| d.strip_prefix(':'))
        .map_or(description, str::trim)
        .to_string()
}

/// Joins comment lines: an empty comment line ends a paragraph (`\n\n`), a `* ` line starts a
/// list item (`\n`), other lines continue the sentence.
fn join_comment(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        if line.is_empty() {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str("\n\n");
            }
            continue;
        }
        if line.starts_with("* ") && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        } else if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        out.push_str(line);
    }
    out.trim_end().to_string()
}

fn parse_schema(sql: &str) -> ParsedSchema {
    let mut out = ParsedSchema::default();
    let mut pending: Vec<String> = Vec::new();
    let mut section = String::from("introduction");
    let mut lines = sql.lines().peekable();
    while let Some(raw) = lines.next() {
        let line = raw.trim_end();
        if let Some(comment) = line.strip_prefix("--") {
            let comment = comment.trim();
            if comment.starts_with("====") {
                section = comment.trim_start_matches('=').trim().to_string();
                pending.clear();
            } else {
                pending.push(comment.to_string());
            }
            continue;
        }
        if line.trim().is_empty() {
            if !pending.is_empty() {
                out.rules.push(Rule {
                    section: section.clone(),
                    text: join_comment(&pending),
                });
                pending.clear();
            }
            continue;
        }
        let description = join_comment(&std::mem::take(&mut pending));
        let upper = line.to_ascii_uppercase();
        if let Some(rest) = upper.strip_prefix("CREATE TABLE ") {
            let name = created_name(&line[line.len() - rest.len()..]);
            let mut table = ParsedTable {
                description: strip_name(&description, &name),
                name,
                kind: "table",
                section: section.clone(),
                ..ParsedTable::default()
            };
            for body in lines.by_ref() {
                if body.starts_with(')') {
                    break;
                }
                let (def, comment) = split_comment(body);
                let pieces = split_top_level(def.trim());
                if pieces.is_empty() {
                    // A comment line of its own continues the comment of the column above.
                    if let (Some(c), Some(last)) = (comment, table.columns.last_mut()) {
                        let joined = [last.comment.take().unwrap_or_default(), c.to_string()].join(" ");
                        last.comment = Some(joined.trim().to_string());
                    }
                    continue;
                }
                table.columns.extend(pieces.into_iter().filter_map(|p| parse_column(p, comment)));
            }
            out.tables.push(table);
        } else if let Some(rest) = upper
            .strip_prefix("CREATE VIEW ")
            .map(|r| (r, "view"))
            .or_else(|| upper.strip_prefix("CREATE VIRTUAL TABLE ").map(|r| (r, "virtual table")))
        {
            let (rest, kind) = rest;
            let name = created_name(&line[line.len() - rest.len()..]);
            out.tables.push(ParsedTable {
                description: strip_name(&description, &name),
                name,
                kind,
                section: section.clone(),
                ..ParsedTable::default()
            });
        } else if let Some(rest) = upper.strip_prefix("INSERT INTO ") {
            let name = created_name(&line[line.len() - rest.len()..]);
            if let Some(t) = out.tables.iter_mut().find(|t| t.name == name) {
                t.inserts_rows = true;
            }
        }
    }
    if !pending.is_empty() {
        out.rules.push(Rule {
            section,
            text: join_comment(&pending),
        });
    }
    out
}

/// What a column without a comment is, from its declaration.
fn fallback_description(c: &ParsedColumn) -> String {
    match (&c.references, c.primary_key) {
        (Some((t, col)), _) => format!("refers to `{t}.{col}`"),
        (None, true) => "the row's key".to_string(),
        (None, false) if c.name == "note" => "a remark on the row, in our words".to_string(),
        _ => String::new(),
    }
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Dataset {
    /// The codebook of the database: every table, view and column as `schema.sql` documents
    /// them, the vocabularies with the number of rows using each value, the coding rules and
    /// every dispute. Render it with [`Codebook::markdown`] or [`Codebook::html`].
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// let book = data.codebook().unwrap();
    /// let events = book.tables.iter().find(|t| t.name == "events").unwrap();
    /// let summary = events.columns.iter().find(|c| c.name == "summary").unwrap();
    /// assert!(summary.description.contains("own words"));
    /// ```
    pub fn codebook(&self) -> Result<Codebook> {
        self.unhurried(|| self.codebook_now())
    }

    fn codebook_now(&self) -> Result<Codebook> {
        let parsed = parse_schema(crate::SCHEMA);
        let conn = self.connection();
        let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
        let mut tables = Vec::new();
        for t in &parsed.tables {
            let in_db: Vec<(String, String)> = conn
                .prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")?
                .query_map([&t.name], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<std::result::Result<_, _>>()?;
            let mut columns = Vec::new();
            for (name, declared) in in_db {
                let parsed = t.columns.iter().find(|c| c.name == name);
                let mut allowed = Vec::new();
                for value in parsed.map(|c| c.allowed.as_slice()).unwrap_or_default() {
                    let n = conn.query_row(
                        &format!("SELECT count(*) FROM {} WHERE {} = ?1", quote_ident(&t.name), quote_ident(&name)),
                        [value],
                        |r| r.get(0),
                    )?;
                    allowed.push((value.clone(), n));
                }
                columns.push(ColumnDoc {
                    description: parsed
                        .map(|c| c.comment.clone().unwrap_or_else(|| fallback_description(c)))
                        .unwrap_or_default(),
                    references: parsed.and_then(|c| c.references.clone()),
                    declared_type: declared,
                    name,
                    allowed,
                });
            }
            tables.push(TableDoc {
                name: t.name.clone(),
                kind: t.kind,
                section: t.section.clone(),
                description: t.description.clone(),
                rows: count(&format!("SELECT count(*) FROM {}", quote_ident(&t.name)))?,
                columns,
            });
        }
        let mut vocabularies = Vec::new();
        for v in parsed.tables.iter().filter(|t| t.inserts_rows) {
            let key = v.columns.iter().find(|c| c.primary_key).map(|c| c.name.clone()).unwrap_or_default();
            let described = v.columns.iter().any(|c| c.name == "description");
            let used_by: Vec<(String, String)> = parsed
                .tables
                .iter()
                .flat_map(|t| {
                    t.columns
                        .iter()
                        .filter(|c| c.references.as_ref().is_some_and(|(rt, _)| *rt == v.name))
                        .map(|c| (t.name.clone(), c.name.clone()))
                })
                .collect();
            let mut values = Vec::new();
            let rows: Vec<(String, String)> = conn
                .prepare(&format!(
                    "SELECT {k}, {d} FROM {t} ORDER BY rowid",
                    k = quote_ident(&key),
                    d = if described { "description" } else { "''" },
                    t = quote_ident(&v.name)
                ))?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<std::result::Result<_, _>>()?;
            for (value, description) in rows {
                let mut n = 0i64;
                for (t, c) in &used_by {
                    n += conn.query_row(
                        &format!("SELECT count(*) FROM {} WHERE {} = ?1", quote_ident(t), quote_ident(c)),
                        [&value],
                        |r| r.get::<_, i64>(0),
                    )?;
                }
                values.push((value, description, n));
            }
            vocabularies.push(Vocabulary {
                table: v.name.clone(),
                used_by: used_by.into_iter().map(|(t, c)| format!("{t}.{c}")).collect(),
                values,
            });
        }
        let disputes = self
            .disputes(&Filter::default())?
            .into_iter()
            .map(|d| (d.id, d.topic, d.kind, d.note, d.claims.len()))
            .collect();
        Ok(Codebook {
            dataset_version: self.dataset_version()?,
            content_hash: self.content_hash()?,
            license: self.metadata("license")?,
            rules: parsed.rules,
            tables,
            vocabularies,
            disputes,
        })
    }
}

/// A block of the codebook document, rendered as Markdown or HTML by one walk.
enum Block {
    Heading(u8, String),
    Paragraph(String),
    List(Vec<String>),
    Table(Vec<&'static str>, Vec<Vec<String>>),
}

impl Codebook {
    fn blocks(&self) -> Vec<Block> {
        use Block::*;
        let mut b = vec![
            Heading(1, "mongolia-relations: codebook".into()),
            Paragraph(format!(
                "Dataset version {}, content hash `{}`{}. Generated by `mongolia-relations codebook --format md` from \
                 `schema.sql` and the data; do not edit by hand.",
                self.dataset_version,
                self.content_hash,
                self.license.as_ref().map(|l| format!(", licence {l}")).unwrap_or_default()
            )),
            Heading(2, "Contents".into()),
            List(vec![
                "Coding rules".into(),
                "Tables and columns".into(),
                "Vocabularies".into(),
                "Disputes".into(),
            ]),
            Heading(2, "Coding rules".into()),
        ];
        let mut section = String::new();
        for rule in &self.rules {
            if rule.section != section {
                section = rule.section.clone();
                b.push(Heading(3, capitalised(&section)));
            }
            b.extend(prose(&rule.text));
        }
        b.push(Heading(2, "Tables and columns".into()));
        let mut section = String::new();
        for t in &self.tables {
            if t.section != section {
                section = t.section.clone();
                b.push(Heading(3, capitalised(&section)));
            }
            b.push(Heading(4, format!("`{}` ({}, {} rows)", t.name, t.kind, t.rows)));
            b.extend(prose(&capitalised(&t.description)));
            let rows = t
                .columns
                .iter()
                .map(|c| {
                    let allowed = c.allowed.iter().map(|(v, n)| format!("`{v}` ({n})")).collect::<Vec<_>>().join(", ");
                    vec![format!("`{}`", c.name), c.declared_type.clone(), c.description.clone(), allowed]
                })
                .collect();
            b.push(Table(vec!["column", "type", "meaning", "allowed values (rows)"], rows));
        }
        b.push(Heading(2, "Vocabularies".into()));
        b.push(Paragraph(
            "Each value of a vocabulary table, with the number of rows that use it.".into(),
        ));
        for v in &self.vocabularies {
            b.push(Heading(4, format!("`{}` (used by {})", v.table, v.used_by.join(", "))));
            b.push(Table(
                vec!["value", "meaning", "rows"],
                v.values
                    .iter()
                    .map(|(value, d, n)| vec![format!("`{value}`"), d.clone(), n.to_string()])
                    .collect(),
            ));
        }
        b.push(Heading(2, "Disputes".into()));
        b.push(Paragraph(format!(
            "{} disputes: where sources disagree (conflict), a text cannot be right (misprint) or one value \
             is more precise (precision). Every side is a row of `claims` with its sources; no side is silently \
             preferred.",
            self.disputes.len()
        )));
        b.push(Table(
            vec!["id", "kind", "topic", "claims", "note"],
            self.disputes
                .iter()
                .map(|(id, topic, kind, note, n)| vec![id.to_string(), kind.clone(), topic.clone(), n.to_string(), note.clone()])
                .collect(),
        ));
        b
    }

    /// The codebook as a Markdown document (`docs/codebook.md`).
    pub fn markdown(&self) -> String {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let mut out = String::new();
        for block in self.blocks() {
            match block {
                Block::Heading(level, text) => {
                    out.push_str(&format!("{} {}\n\n", "#".repeat(level.into()), text));
                }
                Block::Paragraph(text) => out.push_str(&format!("{text}\n\n")),
                Block::List(items) => {
                    for item in items {
                        out.push_str(&format!("- {item}\n"));
                    }
                    out.push('\n');
                }
                Block::Table(head, rows) => {
                    out.push_str(&format!("| {} |\n", head.join(" | ")));
                    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                        out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    }
                    out.push('\n');
                }
            }
        }
        out.trim_end().to_string() + "\n"
    }

    /// The codebook as one self-contained HTML page.
    pub fn html(&self) -> String {
        let mut out = String::from(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>mongolia-relations: codebook</title>\n\
             <style>body{font-family:sans-serif;max-width:72em;margin:auto;padding:1em;line-height:1.4}\
             table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top;text-align:left}\
             th{background:#eee}code{background:#f4f4f4}</style>\n</head>\n<body>\n",
        );
        for block in self.blocks() {
            match block {
                Block::Heading(level, text) => {
                    let id = anchor(&text);
                    out.push_str(&format!("<h{level} id=\"{id}\">{}</h{level}>\n", inline_html(&text)));
                }
                Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", inline_html(&text))),
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        out.push_str(&format!("<li>{}</li>\n", inline_html(&item)));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table(head, rows) => {
                    out.push_str("<table>\n<tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", inline_html(h)));
                    }
                    out.push_str("</tr>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for c in row {
                            out.push_str(&format!("<td>{}</td>", inline_html(&c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</table>\n");
                }
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// The blocks of a comment's text: its paragraphs, and its `* ` items as lists.
fn prose(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let (items, lines): (Vec<&str>, Vec<&str>) = paragraph.lines().partition(|l| l.starts_with("* "));
        if !lines.is_empty() {
            blocks.push(Block::Paragraph(lines.join(" ")));
        }
        if !items.is_empty() {
            blocks.push(Block::List(items.iter().map(|i| i[2..].to_string()).collect()));
        }
    }
    blocks
}

pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn anchor(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '_' | '-' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            ' ' => Some('-'),
            _ => None,
        })
        .collect()
}

/// Escapes text for HTML and turns `code` spans into `<code>` elements.
pub(crate) fn inline_html(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    let mut out = String::new();
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_several_derived_columns_gives_each_the_comment() {
        let parsed = parse_schema(
            "-- t: a table.\nCREATE TABLE t (\n    a TEXT, -- first\n    b_start TEXT, b_end TEXT,  -- bounds of `b`\n    c TEXT CHECK (c IN ('x', 'y')),\n    PRIMARY KEY (a)\n) STRICT;\n",
        );
        let t = &parsed.tables[0];
        assert_eq!(t.description, "a table.");
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "b_start", "b_end", "c"]);
        assert_eq!(t.columns[2].comment.as_deref(), Some("bounds of `b`"));
        assert_eq!(t.columns[3].allowed, ["x", "y"]);
    }

    #[test]
    fn a_comment_block_before_a_blank_line_is_a_rule_of_its_section() {
        let parsed = parse_schema("-- ===== facts\n\n-- Dates are EDTF.\n-- * one\n\n-- t: x\nCREATE TABLE t (\n a TEXT\n);\n");
        assert_eq!(parsed.rules.len(), 1);
        assert_eq!(parsed.rules[0].section, "facts");
        assert_eq!(parsed.rules[0].text, "Dates are EDTF.\n* one");
        assert_eq!(parsed.tables[0].section, "facts");
        let parsed = parse_schema("-- One.\n--\n-- Two.\n\n");
        assert_eq!(parsed.rules[0].text, "One.\n\nTwo.");
    }

    #[test]
    fn dashes_inside_quotes_are_not_a_comment() {
        assert_eq!(
            split_comment("a TEXT DEFAULT 'x--y', -- note"),
            ("a TEXT DEFAULT 'x--y', ", Some("note"))
        );
    }
}
