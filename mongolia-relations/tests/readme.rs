//! Every command of the README's shell blocks runs as written from the repository root, and the
//! main command's table fits 100 columns. The README's Python blocks run in
//! bindings-python/tests/test_readme.py.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Commands of the README this test does not run, with where they do run.
const RUN_ELSEWHERE: &[(&str, &str)] = &[
    ("bash scripts/test.sh", "CI runs it; it runs this test"),
    ("cargo install --path mongolia-relations", "scripts/check-packages.sh"),
    ("pip install ./bindings-python", "scripts/test.sh installs the package so"),
    (
        "pip install './bindings-python[pandas,polars,duckdb,plot]'",
        "scripts/test.sh; test_readme.py checks the extras",
    ),
];

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().unwrap()
}

/// The lines of the README's ```sh blocks, comments cut.
fn shell_lines(readme: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let fence = line.trim_start();
        if let Some(lang) = fence.strip_prefix("```") {
            in_sh = !in_sh && matches!(lang.trim(), "sh" | "bash" | "shell" | "console");
            continue;
        }
        if in_sh {
            let words = split(line);
            if !words.is_empty() {
                lines.push(words.join("\u{1f}"));
            }
        }
    }
    lines
}

/// The words of a shell line as sh splits them: single and double quotes, backslashes, and a
/// `#` at the start of a word beginning a comment.
fn split(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                words.extend(word.take());
            }
            '#' if word.is_none() => break,
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    w.push(q);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"' | '\\' | '$' | '`')) => w.push(chars.next().unwrap()),
                        q => w.push(q),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).extend(chars.next()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// A folder that stands for the repository root: a link to each of its entries, so that the
/// commands read the real files and write their outputs (export/, extended.sqlite) here, and
/// `../shared` beside it as beside the repository.
fn stand_in_root(tmp: &Path) -> PathBuf {
    let repo = repository();
    let root = tmp.join("repo");
    std::fs::create_dir(&root).unwrap();
    for entry in std::fs::read_dir(&repo).unwrap() {
        let entry = entry.unwrap();
        std::os::unix::fs::symlink(entry.path(), root.join(entry.file_name())).unwrap();
    }
    let shared = [repo.join("../shared"), PathBuf::from("/work/shared")]
        .into_iter()
        .find(|p| p.join("seeds").is_dir())
        .expect("the shared source texts stand beside the repository (../shared), as in CI");
    std::os::unix::fs::symlink(shared, tmp.join("shared")).unwrap();
    root
}

#[test]
fn every_readme_shell_command_runs_as_written_and_tables_fit_100_columns() {
    let readme = std::fs::read_to_string(repository().join("README.md")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let root = stand_in_root(tmp.path());
    let mut ran = 0;
    let mut tables = 0;
    for line in shell_lines(&readme) {
        let words: Vec<&str> = line.split('\u{1f}').collect();
        let args: &[&str] = match words.as_slice() {
            ["cargo", "run", "-p", "mongolia-relations", "--", rest @ ..] => rest,
            ["mongolia-relations", rest @ ..] => rest,
            _ => {
                let written = words.join(" ");
                assert!(
                    RUN_ELSEWHERE.iter().any(|(c, _)| split(c).join(" ") == written),
                    "the README command `{written}` is neither run by this test nor listed in RUN_ELSEWHERE"
                );
                continue;
            }
        };
        let out = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
            .args(args)
            .current_dir(&root)
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "`{}` failed: {}\n{stdout}",
            words.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        // A table: a title line, the header, then its rule of dashes.
        let table = !args.contains(&"--wide") && stdout.lines().nth(2).is_some_and(|l| l.starts_with("--"));
        if table {
            tables += 1;
            for l in stdout.lines() {
                assert!(
                    l.chars().count() <= 100,
                    "`{}` prints a line {} columns wide at COLUMNS=100:\n{l}",
                    words.join(" "),
                    l.chars().count()
                );
            }
        }
        ran += 1;
    }
    assert!(ran >= 30, "only {ran} README commands found");
    assert!(tables >= 20, "only {tables} of the README's commands printed a table");
}

#[test]
fn the_main_command_prints_a_titled_table_at_most_100_columns_wide() {
    let out = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
        .args(["events", "--polity", "North Korea"])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let n = mongolia_relations::Dataset::embedded()
        .unwrap()
        .events(&mongolia_relations::Filter::new().polity("North Korea"))
        .unwrap()
        .len();
    assert!(
        stdout.starts_with(&format!("events: Mongolia–North Korea, {n} rows\n")),
        "{}",
        &stdout[..200]
    );
    assert!(stdout.lines().all(|l| l.chars().count() <= 100));
    assert!(stdout.contains('…'), "long summaries are cut");
    let wide = Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
        .args(["events", "--polity", "North Korea", "--wide"])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    let wide = String::from_utf8(wide.stdout).unwrap();
    assert!(wide.lines().any(|l| l.chars().count() > 100), "--wide keeps every text whole");
    assert!(wide.lines().nth(1).unwrap().contains("place"), "--wide keeps every column");
}

#[test]
fn the_shell_splitter_reads_quotes_and_comments_as_sh_does() {
    assert_eq!(
        split(r#"mongolia-relations search '"special train"'   # FTS5"#),
        ["mongolia-relations", "search", "\"special train\""]
    );
    assert_eq!(split(r#"a "b \"c\"" d\ e"#), ["a", "b \"c\"", "d e"]);
}
