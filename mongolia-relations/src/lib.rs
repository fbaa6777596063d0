//! tmp
#![allow(missing_docs)]
pub mod dates;
pub mod builder;
pub use dates::{PartialDate, Precision};
