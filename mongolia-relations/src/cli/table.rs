//! Tables that fit the terminal: a title line saying what is shown, columns without a value left
//! out, long texts cut with an ellipsis so that no line is wider than the terminal (`$COLUMNS`,
//! else the terminal's own width, else 100); `--wide` shows every column at full width.

use clap::parser::ValueSource;
use clap::ArgMatches;
use mongolia_relations::{Dataset, Error, Filter};

/// The width a table fits when neither `$COLUMNS` nor the terminal says one (output to a pipe).
const DEFAULT_WIDTH: usize = 100;

/// Between two columns.
const GAP: &str = "  ";

/// How a table is laid out.
pub(super) struct Layout {
    /// What is shown, without the row count (which the title line adds).
    pub title: Option<String>,
    /// The widest a line may be; `None` for `--wide`.
    pub width: Option<usize>,
}

impl Layout {
    /// The layout of `--wide` (every column, full width) or of a table fitting the terminal.
    pub(crate) fn new(wide: bool, title: &str) -> Layout {
        Layout {
            title: (!title.is_empty()).then(|| title.to_string()),
            width: (!wide).then(terminal_width),
        }
    }

    /// The table of `cells` (one `Vec` per row, in the order of `columns`), with its title line.
    pub(crate) fn render(&self, columns: &[String], cells: &[Vec<String>]) -> String {
        let rows = cells.len();
        let mut lines = Vec::new();
        if let Some(title) = &self.title {
            let count = format!("{rows} row{}", if rows == 1 { "" } else { "s" });
            lines.push(self.cut(&format!("{title}, {count}")));
        }
        if rows == 0 && self.title.is_some() {
            return lines.join("\n");
        }
        let cells: Vec<Vec<String>> = cells
            .iter()
            .map(|r| r.iter().map(|c| c.replace(['\n', '\r', '\t'], " ")).collect())
            .collect();
        // One wide row (`version`, `stats`) reads better as one field a line than cut.
        if let (Some(limit), [row]) = (self.width, cells.as_slice()) {
            let total: usize = row.iter().zip(columns).map(|(v, c)| width(v).max(width(c)) + GAP.len()).sum();
            if total > limit {
                let names = columns.iter().map(|c| width(c)).max().unwrap_or(0);
                for (name, value) in columns.iter().zip(row).filter(|(_, v)| !v.is_empty()) {
                    let value = cut(value, limit.saturating_sub(names + GAP.len()).max(1));
                    lines.push(format!("{}{GAP}{value}", pad(name, names)).trim_end().to_string());
                }
                return lines.join("\n");
            }
        }
        // Columns without a single value say nothing; --wide keeps them.
        let (shown, empty): (Vec<usize>, Vec<usize>) =
            (0..columns.len()).partition(|&i| self.width.is_none() || rows == 0 || cells.iter().any(|r| !r[i].is_empty()));
        let measured: Vec<Column> = shown
            .iter()
            .map(|&i| {
                let header = width(&columns[i]);
                let mut sizes: Vec<usize> = cells.iter().map(|r| width(&r[i])).collect();
                sizes.sort_unstable();
                let at = |q: usize| sizes.get((sizes.len() * q / 10).min(sizes.len().saturating_sub(1))).copied();
                Column {
                    natural: sizes.last().copied().unwrap_or(0).max(header),
                    usual: at(9).unwrap_or(0).max(header),
                    header,
                    prose: is_prose(cells.iter().map(|r| r[i].matches(' ').count())),
                    numeric: cells.iter().all(|r| r[i].is_empty() || r[i].parse::<f64>().is_ok()),
                    dates: cells.iter().all(|r| is_date(&r[i])),
                }
            })
            .collect();
        let natural: Vec<usize> = measured.iter().map(|c| c.natural).collect();
        let widths = match self.width {
            Some(limit) => fit(&measured, limit),
            None => natural.clone(),
        };
        let line = |values: Vec<&str>| {
            values
                .iter()
                .zip(&widths)
                .map(|(v, &w)| pad(&cut(v, w), w))
                .collect::<Vec<_>>()
                .join(GAP)
                .trim_end()
                .to_string()
        };
        lines.push(line(shown.iter().map(|&i| columns[i].as_str()).collect()));
        lines.push(widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join(GAP));
        for r in &cells {
            lines.push(line(shown.iter().map(|&i| r[i].as_str()).collect()));
        }
        let mut notes = Vec::new();
        if !empty.is_empty() {
            let names: Vec<&str> = empty.iter().map(|&i| columns[i].as_str()).collect();
            notes.push(format!("left out, having no value: {}", names.join(", ")));
        }
        if widths != natural {
            notes.push(format!("long texts cut to fit {} columns", self.width.unwrap_or_default()));
        }
        if !notes.is_empty() {
            lines.push(self.cut(&format!(
                "({}; --wide shows all, --format csv or json every field)",
                notes.join("; ")
            )));
        }
        lines.join("\n")
    }

    fn cut(&self, text: &str) -> String {
        match self.width {
            Some(w) => cut(text, w),
            None => text.to_string(),
        }
    }
}

/// How wide each column is, and how far it may narrow.
struct Column {
    /// Its widest value or header.
    natural: usize,
    /// The width nine values in ten fit (at least the header's).
    usual: usize,
    /// Its header's width.
    header: usize,
    /// Whether it holds prose (summaries, titles): words, not codes or dates.
    prose: bool,
    /// Whether every value is a number (ids, counts): a cut number would read as another.
    numeric: bool,
    /// Whether every value is an EDTF date: a cut date loses the part that says when.
    dates: bool,
}

/// Whether a cell holds an EDTF date, an interval or a set of dates (or nothing).
fn is_date(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_digit() || "X?~%-/.,[]{} ".contains(c))
}

/// The widths that make the line fit `limit`: codes narrow to the width nine values in ten fit
/// (the rare long one is cut); then prose gives up what is still too much, down to a third of
/// the line; then codes, widest first, down to their headers; then prose down to its header;
/// then dates. Numbers are never cut (a cut number would read as another).
fn fit(columns: &[Column], limit: usize) -> Vec<usize> {
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP.len() * w.len().saturating_sub(1);
    let mut widths: Vec<usize> = columns.iter().map(|c| c.natural).collect();
    if total(&widths) <= limit {
        return widths;
    }
    for (w, c) in widths.iter_mut().zip(columns) {
        if !c.prose && !c.numeric {
            *w = c.usual;
        }
    }
    let floor = |pass: usize, c: &Column| match pass {
        _ if c.numeric => None,
        0 => c.prose.then_some(c.header.max(limit / 3)),
        1 => (!c.prose && !c.dates).then_some(c.header.max(6)),
        2 => c.prose.then_some(c.header.max(4)),
        _ => Some(c.header.max(4)),
    };
    for pass in 0..4 {
        while total(&widths) > limit {
            let shrinkable = (0..widths.len())
                .filter(|&i| floor(pass, &columns[i]).is_some_and(|f| widths[i] > f))
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
            match shrinkable {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
    }
    // Room left over after the codes narrowed goes back to the prose.
    while total(&widths) < limit {
        match (0..widths.len()).find(|&i| columns[i].prose && widths[i] < columns[i].natural) {
            Some(i) => widths[i] += 1,
            None => break,
        }
    }
    widths
}

/// Whether a column holds prose: on average three or more spaces a value.
fn is_prose(values: impl Iterator<Item = usize>) -> bool {
    let (mut spaces, mut n) = (0, 0);
    for s in values {
        spaces += s;
        n += 1;
    }
    n > 0 && spaces >= 3 * n
}

/// The terminal's width: `$COLUMNS`, else what the terminal on stdout says, else 100.
fn terminal_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()) {
        if n > 0 {
            return n;
        }
    }
    // SAFETY: TIOCGWINSZ only writes a winsize into the struct given; on a non-terminal it fails.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0 && size.ws_col > 0 {
        return size.ws_col.into();
    }
    DEFAULT_WIDTH
}

/// The columns a character takes on a terminal: two for East Asian wide characters, none for
/// combining marks, one otherwise.
fn char_width(c: char) -> usize {
    match c as u32 {
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// The columns `text` takes on a terminal.
pub(super) fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` cut to `max` columns, an ellipsis marking the cut.
fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

fn pad(text: &str, w: usize) -> String {
    format!("{text}{}", " ".repeat(w.saturating_sub(width(text))))
}

/// The arguments every command takes; they shape the output, not what is shown.
const GLOBAL: &[&str] = &[
    "db",
    "format",
    "wide",
    "timeout",
    "max_rows",
    "max_bytes",
    "max_value_bytes",
    "max_memory",
];

/// What a query command shows, from the arguments given on the command line: "events:
/// Mongolia–North Korea, kind visit, start 1985".
pub(super) fn title(data: &Dataset, matches: &ArgMatches) -> Result<String, Error> {
    let Some((name, sub)) = matches.subcommand() else {
        return Ok(String::new());
    };
    let polity_name = |given: &str| {
        data.polities(&Filter::new().polity(given))
            .ok()
            .and_then(|p| p.into_iter().next())
            .map_or_else(|| given.to_string(), |p| p.name)
    };
    let mut parts = Vec::new();
    for id in sub.ids() {
        let id = id.as_str();
        // Upper-case ids are the groups clap makes of flattened structs (`Filters`), not arguments.
        if id.starts_with(char::is_uppercase) || GLOBAL.contains(&id) || sub.value_source(id) != Some(ValueSource::CommandLine) {
            continue;
        }
        let Ok(Some(raw)) = sub.try_get_raw(id) else {
            continue;
        };
        let values: Vec<String> = raw.map(|v| v.to_string_lossy().into_owned()).collect();
        let joined = values.join(", ");
        parts.push(match id {
            "polity" => values
                .iter()
                .map(|v| match polity_name(v).as_str() {
                    "Mongolia" => "Mongolia".to_string(),
                    other => format!("Mongolia–{other}"),
                })
                .collect::<Vec<_>>()
                .join(", "),
            "partners" => values
                .iter()
                .map(|v| format!("Mongolia–{}", polity_name(v)))
                .collect::<Vec<_>>()
                .join(", "),
            "sending" => format!("from {}", polity_name(&joined)),
            "receiving" => format!("to {}", polity_name(&joined)),
            "text" | "query" | "file" | "dirs" => joined,
            "bibtex" | "force" => continue,
            other => format!("{} {joined}", other.replace('_', " ")),
        });
    }
    Ok(if parts.is_empty() {
        name.to_string()
    } else {
        format!("{name}: {}", parts.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(width: Option<usize>) -> String {
        let layout = Layout {
            title: Some("events: Mongolia–North Korea".into()),
            width,
        };
        let columns: Vec<String> = ["id", "place", "summary"].map(String::from).to_vec();
        let cells = vec![
            vec!["1".into(), String::new(), "a long summary ".repeat(10)],
            vec!["2".into(), String::new(), "short".into()],
        ];
        layout.render(&columns, &cells)
    }

    #[test]
    fn a_narrow_table_cuts_long_texts_and_leaves_out_empty_columns() {
        let text = table(Some(40));
        assert!(text.lines().all(|l| width(l) <= 40), "{text}");
        assert!(text.starts_with("events: Mongolia–North Korea, 2 rows"), "{text}");
        assert!(!text.lines().nth(1).unwrap().contains("place"), "{text}");
        assert!(text.lines().nth(3).unwrap().ends_with('…') && text.contains("(left out"), "{text}");
    }

    #[test]
    fn a_wide_table_keeps_every_column_and_every_word() {
        let text = table(None);
        assert!(text.lines().nth(1).unwrap().contains("place"), "{text}");
        assert!(text.contains(&"a long summary ".repeat(10).trim_end().to_string()), "{text}");
    }

    #[test]
    fn one_row_too_wide_for_the_line_is_shown_one_field_a_line_uncut() {
        let layout = Layout {
            title: Some("version".into()),
            width: Some(60),
        };
        let columns: Vec<String> = ["content_hash", "file_sha256"].map(String::from).to_vec();
        let hash = "53ea2be5c1791464bd2a1ccf5b590f166da463c1265092e15ee90f3807c2f0b7".to_string();
        let text = layout.render(&columns, &[vec![hash.clone(), hash[..40].to_string()]]);
        assert!(text.starts_with("version, 1 row\ncontent_hash"), "{text}");
        assert!(text.lines().all(|l| width(l) <= 60 + 14), "{text}");
        assert!(text.contains(&hash[..40]), "{text}");
    }

    #[test]
    fn dates_are_cut_last_and_prose_keeps_a_third_of_the_line() {
        let columns: Vec<String> = ["id", "date", "kind", "polities", "place", "summary", "sources"]
            .map(String::from)
            .to_vec();
        let row = [
            "1865",
            "[1948..2018]",
            "relations_established",
            "JPN;PRK;MNG",
            "Ulaanbaatar",
            "Mongolia hosts talks between Japan and North Korea on the abductions",
            "doc004;wp-mongolia",
        ];
        let cells = vec![row.map(String::from).to_vec(); 3];
        let text = Layout {
            title: None,
            width: Some(100),
        }
        .render(&columns, &cells);
        let line = text.lines().nth(2).unwrap();
        assert!(width(line) <= 100 && line.contains("[1948..2018]"), "{text}");
        assert!(line.contains("Mongolia hosts talks between"), "{text}");
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("モンゴル"), 8);
        assert_eq!(cut("モンゴル", 5), "モン…");
    }
}
