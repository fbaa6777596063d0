//! Builds the embedded database from `schema.sql` and `seeds/`, failing with `file:line: what is
//! wrong` on any invalid row.

// The library's own builder, so that the build and `build --extra` share one set of rules.
use mongolia_relations_builder::builder;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let schema_path = manifest.join("schema.sql");
    let seeds = manifest.join("seeds");
    println!("cargo::rerun-if-changed={}", schema_path.display());
    println!("cargo::rerun-if-changed={}", seeds.display());

    let schema = std::fs::read_to_string(&schema_path).unwrap_or_else(|e| fail(&format!("{}: {e}", schema_path.display())));
    let out = out_dir.join("mongolia-relations.sqlite");
    // The previous build's file, in cargo's own output folder: the builder never replaces a file
    // unless told to, and this one is always rebuilt.
    if let Err(e) = std::fs::remove_file(&out) {
        if e.kind() != std::io::ErrorKind::NotFound {
            fail(&format!("{}: {e}", out.display()));
        }
    }
    let summary = match builder::build_database(&schema, &[seeds.as_path()], &out) {
        Ok(s) => s,
        Err(e) => fail(&e.to_string()),
    };
    let bytes = std::fs::read(&out).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    let file_hash = builder::hex(&Sha256::digest(&bytes));
    println!("cargo::rustc-env=MONGOLIA_RELATIONS_CONTENT_HASH={}", summary.content_hash);
    println!("cargo::rustc-env=MONGOLIA_RELATIONS_FILE_SHA256={file_hash}");
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    std::process::exit(1)
}
