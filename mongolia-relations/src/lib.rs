//! # mongolia-relations
//!
//! A curated, cited dataset of Mongolia's foreign relations — recognitions, treaties, visits,
//! ambassadors, missions, memberships, aid, trade — embedded as a read-only SQLite database, with typed
//! queries. Every fact row cites at least one source with a locator; disagreements between
//! sources are kept as disputes; dates keep the precision the sources give (EDTF).
//!
//! ```
//! use mongolia_relations::{Dataset, Filter};
//!
//! let data = Dataset::embedded()?;
//! let events = data.events(&Filter::new().polity("North Korea").kind("relations_established"))?;
//! assert_eq!(events[0].date, "1948-10-15");
//! assert_eq!(events[0].precision, "day");
//! assert!(events[0].sources.contains(&"doc001".to_string()));
//! # Ok::<(), mongolia_relations::Error>(())
//! ```
//!
//! The schema (`schema.sql`, also [`SCHEMA`]) is the codebook. [`Dataset::sql`] runs any
//! read-only query; [`Dataset::open`] opens a database built from a researcher's own seeds.
//!
//! The queries return typed records ([`Event`], [`Treaty`], [`Posting`], ...). All derive
//! `serde::Serialize`; dates carry the EDTF string as given plus its earliest and latest day
//! ([`PartialDate`] tells how partial dates are written and bounded). [`builder`] builds a
//! database from seed CSVs with the rules the embedded one was built by.
#![warn(missing_docs)]

// The command line names this crate by its public name, as the binary did before it moved here.
extern crate self as mongolia_relations;

#[cfg(feature = "export")]
mod arrow_rows;
mod bounds;
#[doc(inline)]
pub use mongolia_relations_builder::builder;
// The build script shares these with the library; the items users need are re-exported below.
use mongolia_relations_builder::{dates, output};
mod cite;
#[cfg(feature = "cli")]
pub mod cli;
mod codebook;
#[cfg(feature = "export")]
pub mod columns;
mod coverage;
mod dataset;
#[cfg(feature = "export")]
mod datasette;
mod error;
#[cfg(feature = "export")]
mod export;
mod filter;
mod guard;
pub mod locator;
mod missions;
mod names;
mod own_words;
mod panel;
mod provenance;
mod pygen;
mod query;
pub mod record;
mod records;
mod resolve;
mod unga;

#[cfg(feature = "export")]
pub use arrow_rows::SqlColumns;
pub use bounds::{set_process_heap_limit, Limits, DEFAULT_TIMEOUT};
pub use cite::CitationFormat;
pub use codebook::{Codebook, ColumnDoc, Rule, TableDoc, Vocabulary};
pub use dataset::{Dataset, InterruptHandle, Verification, CONTENT_HASH, FILE_SHA256, SCHEMA, SCHEMA_VERSION};
#[cfg(feature = "export")]
pub use datasette::DATASETTE_DATABASE;
pub use dates::{DateError, PartialDate, Precision};
pub use error::{Error, Result};
#[cfg(feature = "export")]
pub use export::{ExportFormat, Manifest};
pub use filter::{DateBound, Filter, FilterName, FilterValue, Polities, Query};
pub use names::{Conversion, Unmatched};
pub use output::Overwrite;
pub use panel::DyadYear;
pub use provenance::ProvenanceFailure;
pub use records::*;
