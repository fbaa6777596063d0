//! How to cite the dataset.

use crate::dataset::Dataset;
use crate::error::Result;

/// Output format of [`Dataset::cite`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CitationFormat {
    /// A plain-text reference.
    Text,
    /// A BibTeX entry.
    Bibtex,
}

impl Dataset {
    /// The citation of the dataset, with its version and content hash.
    ///
    /// ```
    /// use mongolia_relations::{CitationFormat, Dataset};
    /// let bib = Dataset::embedded().unwrap().cite(CitationFormat::Bibtex).unwrap();
    /// assert!(bib.starts_with("@dataset{mongolia_relations_"));
    /// ```
    pub fn cite(&self, format: CitationFormat) -> Result<String> {
        let version = self.dataset_version()?;
        let hash = self.content_hash()?;
        let title = self.metadata("title")?.unwrap_or_default();
        Ok(match format {
            CitationFormat::Text => format!(
                "{} Version {version} (content hash {}). Each fact cites its own sources: see the sources and citations tables.",
                self.metadata("citation")?.unwrap_or_default(),
                &hash[..hash.len().min(12)]
            ),
            CitationFormat::Bibtex => format!(
                "@dataset{{mongolia_relations_{},\n  title = {{{{{title}}}}},\n  author = {{{{mongolia-relations contributors}}}},\n  year = {{{}}},\n  version = {{{version}}},\n  note = {{content hash {hash}}}\n}}",
                version.replace('.', "_"),
                version.split('.').next().unwrap_or_default()
            ),
        })
    }
}
