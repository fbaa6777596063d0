//! # mongolia-relations-builder
//!
//! The part of [mongolia-relations](https://crates.io/crates/mongolia-relations) that its build
//! script shares with the library: the seed validator and database builder ([`builder`]), the
//! EDTF date parser it validates dates with ([`dates`]) and the writes that never destroy a file
//! ([`output`]). The build script builds the embedded database with it, and the library's
//! `build --extra` builds researchers' extensions with the same rules. Use `mongolia-relations`
//! itself, which re-exports what a user needs.
#![warn(missing_docs)]

pub mod builder;
pub mod dates;
pub mod output;
