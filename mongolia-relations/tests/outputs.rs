//! Builds and exports never destroy: an existing file is refused unless replacing is asked for,
//! an input is never replaced, symlinks are not followed, and a killed build leaves the previous
//! file intact.

use mongolia_relations::{Dataset, Error, ExportFormat, Overwrite};
use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/example-extension")
}

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mongolia-relations"))
}

/// A copy of the example extension in `dir/name`.
fn extension(dir: &Path, name: &str) -> PathBuf {
    let ext = dir.join(name);
    std::fs::create_dir(&ext).unwrap();
    for entry in std::fs::read_dir(example()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, ext.join(p.file_name().unwrap())).unwrap();
    }
    ext
}

#[test]
fn building_onto_an_existing_file_is_refused_and_leaves_it_intact_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("thesis.txt");
    std::fs::write(&out, "three years of work").unwrap();
    match Dataset::build_extended(&[example().as_path()], &out) {
        Err(Error::OutputExists { path }) => assert_eq!(path, out),
        other => panic!("expected OutputExists, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "three years of work");
    let status = cli()
        .args(["build", "--extra", example().to_str().unwrap(), "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!status.status.success() && String::from_utf8_lossy(&status.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "three years of work");
    Dataset::build_extended_with(&[example().as_path()], &out, Overwrite::Replace).unwrap();
    assert!(Dataset::open(&out).unwrap().verify().unwrap().matches);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_seed_file_is_never_the_output_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let ext = extension(dir.path(), "mine");
    let seed = ext.join("events.csv");
    let before = std::fs::read(&seed).unwrap();
    for overwrite in [Overwrite::Refuse, Overwrite::Replace] {
        match Dataset::build_extended_with(&[ext.as_path()], &seed, overwrite) {
            Err(Error::OutputIsInput { what, .. }) => assert_eq!(what, "a seed file"),
            other => panic!("expected OutputIsInput, got {other:?}"),
        }
    }
    let link = dir.path().join("link.sqlite");
    std::os::unix::fs::symlink(&seed, &link).unwrap();
    assert!(matches!(
        Dataset::build_extended_with(&[ext.as_path()], &link, Overwrite::Replace),
        Err(Error::OutputIsInput { .. })
    ));
    let out = cli()
        .args([
            "build",
            "--force",
            "--extra",
            ext.to_str().unwrap(),
            "--out",
            seed.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&seed).unwrap(), before);
}

#[test]
fn an_extension_cannot_claim_the_core_datasets_name() {
    let dir = tempfile::tempdir().unwrap();
    let ext = extension(dir.path(), "Mongolia-Relations");
    assert!(matches!(
        Dataset::build_extended(&[ext.as_path()], &dir.path().join("x.sqlite")),
        Err(Error::InvalidInput { field: "extension", .. })
    ));
    let ext = extension(dir.path(), "honest-name");
    std::fs::write(
        ext.join("sources.csv"),
        "id,title,kind,language,dataset\nmine001,Mine,blog,en,mongolia-relations\n",
    )
    .unwrap();
    match Dataset::build_extended(&[ext.as_path()], &dir.path().join("y.sqlite")) {
        Err(Error::Seeds { problems }) => {
            assert!(
                problems.iter().any(|p| p.line == 2 && p.message.contains("names the core dataset")),
                "{problems:?}"
            )
        }
        other => panic!("expected a seed problem, got {other:?}"),
    }
}

#[test]
fn a_build_killed_mid_way_leaves_the_previous_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let ext = dir.path().join("large");
    std::fs::create_dir(&ext).unwrap();
    // Enough rows that the build is still running when it is killed.
    let mut sources = String::from("id,title,kind,language\n");
    let mut citations = String::from("id,source,record_table,record_id,locator\n");
    let mut events = String::from("id,kind,date,certainty,summary\n");
    let mut parts = String::from("event,polity,role\n");
    sources.push_str("big001,Big,blog,en\n");
    for i in 0..60_000 {
        let id = 2_000_000 + i;
        events.push_str(&format!("{id},visit,1990,stated,Visit number {i}\n"));
        parts.push_str(&format!("{id},MNG,host\n{id},PRK,visitor\n"));
        citations.push_str(&format!("{},big001,events,{id},news item\n", id + 1_000_000));
    }
    for (name, text) in [
        ("sources.csv", &sources),
        ("events.csv", &events),
        ("event_participants.csv", &parts),
        ("citations.csv", &citations),
    ] {
        std::fs::write(ext.join(name), text).unwrap();
    }
    let out = dir.path().join("previous.sqlite");
    Dataset::build_extended(&[example().as_path()], &out).unwrap();
    let before = std::fs::read(&out).unwrap();
    let mut killed_while_running = 0;
    for delay in [50, 400, 1500] {
        let mut child = cli()
            .args(["build", "--force", "--extra", ext.to_str().unwrap(), "--out", out.to_str().unwrap()])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let still_running = child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        child.wait().unwrap();
        if still_running {
            killed_while_running += 1;
            assert_eq!(std::fs::read(&out).unwrap(), before, "killed after {delay} ms");
            assert!(Dataset::open(&out).unwrap().verify().unwrap().matches);
        }
    }
    assert!(killed_while_running > 0, "no build was still running when killed");
}

#[test]
fn exporting_into_a_folder_with_files_is_refused_unless_forced_and_never_follows_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export");
    let data = Dataset::embedded().unwrap();
    data.export(&out, ExportFormat::Csv).unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "not yours").unwrap();
    std::fs::remove_file(out.join("events.csv")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("events.csv")).unwrap();
    match data.export(&out, ExportFormat::Csv) {
        Err(Error::OutputExists { .. }) => {}
        other => panic!("expected OutputExists, got {other:?}"),
    }
    let cli_out = cli().args(["export", "--out", out.to_str().unwrap()]).output().unwrap();
    assert!(!cli_out.status.success() && String::from_utf8_lossy(&cli_out.stderr).contains("--force"));
    data.export_with(&out, ExportFormat::Csv, Overwrite::Replace).unwrap();
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "not yours",
        "the link was replaced, not followed"
    );
    let events = std::fs::symlink_metadata(out.join("events.csv")).unwrap();
    assert!(events.file_type().is_file());
    let cli_out = cli().args(["export", "--force", "--out", out.to_str().unwrap()]).output().unwrap();
    assert!(cli_out.status.success(), "{}", String::from_utf8_lossy(&cli_out.stderr));
}

#[test]
fn exporting_over_the_database_file_being_read_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mongolia-relations.sqlite");
    std::fs::write(&path, Dataset::embedded().unwrap().file_bytes().unwrap()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let data = Dataset::open(&path).unwrap();
    match data.export_with(dir.path(), ExportFormat::Jsonl, Overwrite::Replace) {
        Err(Error::OutputIsInput { what, .. }) => assert_eq!(what, "the database file"),
        other => panic!("expected OutputIsInput, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_build_whose_output_cannot_be_written_says_which_step_failed_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no such folder").join("extended.sqlite");
    match Dataset::build_extended(&[example().as_path()], &out) {
        Err(err @ Error::OutputFailed { .. }) => {
            let message = err.to_string();
            let Error::OutputFailed { path, step, source } = err else {
                unreachable!()
            };
            assert_eq!(
                (path.as_path(), step, source.kind()),
                (out.as_path(), "stage", std::io::ErrorKind::NotFound)
            );
            assert!(
                message.contains("extended.sqlite") && message.contains("nothing was replaced"),
                "{message}"
            );
        }
        other => panic!("expected an output failure, got {other:?}"),
    }
}
