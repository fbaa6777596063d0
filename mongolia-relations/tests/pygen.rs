//! The checked-in Python record classes are the ones the record definitions make now.

use std::path::PathBuf;

#[test]
fn records_py_is_what_the_codegen_example_writes_now() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bindings-python/python/mongolia_relations/_records.py");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == mongolia_relations::record::python_records(),
        "_records.py is stale: regenerate it with\n  cargo run -p mongolia-relations --example codegen"
    );
}

#[test]
fn every_field_of_every_python_record_class_is_annotated_and_documented() {
    let source = mongolia_relations::record::python_records();
    use mongolia_relations::record::Record;
    for field in mongolia_relations::Event::FIELDS {
        assert!(
            source.contains(&format!("    {}: ", field.name)),
            "{} has no annotation",
            field.name
        );
        assert!(
            source.contains(&format!("    {} : ", field.name)),
            "{} has no docstring entry",
            field.name
        );
        assert!(!field.doc.trim().is_empty(), "{} has no doc", field.name);
    }
    assert!(source.contains("participants: tuple[dict[str, str], ...]") && source.contains("\"search\": Event,"));
}
