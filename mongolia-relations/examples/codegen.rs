//! Rewrites the Python record classes (`bindings-python/python/mongolia_relations/_records.py`)
//! from the record definitions: `cargo run -p mongolia-relations --example codegen`.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bindings-python/python/mongolia_relations/_records.py");
    // Written beside the target and renamed over it: a reader never sees half a file.
    let staged = target.with_extension("py.tmp");
    std::fs::write(&staged, mongolia_relations::record::python_records())?;
    std::fs::rename(&staged, &target)?;
    println!("wrote {}", target.display());
    Ok(())
}
