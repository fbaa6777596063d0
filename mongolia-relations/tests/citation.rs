//! The citation files of the repository agree with the embedded dataset, so they cannot go stale.

use mongolia_relations::{Dataset, CONTENT_HASH};

fn repository_file(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn citation_cff_names_the_embedded_dataset_version_and_content_hash() {
    let cff = repository_file("CITATION.cff");
    let version = cff
        .lines()
        .find_map(|l| l.strip_prefix("version: "))
        .expect("CITATION.cff has a top-level version")
        .trim()
        .trim_matches('"');
    let data = Dataset::embedded().unwrap();
    assert_eq!(
        version,
        data.dataset_version().unwrap(),
        "CITATION.cff's version is not the dataset's"
    );
    let hash = cff
        .split("content-hash:sha256:")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect::<String>())
        .expect("CITATION.cff names the content hash as content-hash:sha256:HEX");
    assert_eq!(
        hash, CONTENT_HASH,
        "CITATION.cff's content hash is not the embedded dataset's: run `mongolia-relations version`"
    );
}

#[test]
fn the_changelog_names_the_dataset_version() {
    let changelog = repository_file("CHANGELOG.md");
    let version = Dataset::embedded().unwrap().dataset_version().unwrap();
    assert!(
        changelog.contains(&format!("(dataset {version})")),
        "CHANGELOG.md has no entry for dataset {version}"
    );
}
