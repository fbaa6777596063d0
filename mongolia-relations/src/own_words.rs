//! The own-words check: no field we write shares a run of [`RUN`] words with a source text.
//!
//! Every run of eight consecutive words of every text at hand goes into a set of hashes; a field
//! fails when any of its own eight-word runs is in the set. Words are compared folded (letter
//! case, punctuation and quote marks do not hide a copy). An official title may be quoted: a
//! passage in double quotes of at most [`MAX_TITLE_WORDS`] words is not checked.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The length of a copied run that fails the check.
pub(crate) const RUN: usize = 8;

/// The longest double-quoted passage taken as a marked title rather than copied prose.
pub(crate) const MAX_TITLE_WORDS: usize = 15;

/// The eight-word runs of a set of texts, each remembering the first text it came from.
#[derive(Default)]
pub(crate) struct Runs {
    runs: HashMap<u64, usize>,
    names: Vec<String>,
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn hash(run: &[String]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    run.hash(&mut h);
    h.finish()
}

/// The parts of a field that are checked: the prose between short double-quoted titles. A title
/// splits the prose around it, so the words on either side never make one run.
fn checked_parts(text: &str) -> Vec<String> {
    let folded = text.replace(['“', '”'], "\"");
    folded
        .split('"')
        .enumerate()
        .filter(|(i, piece)| i % 2 == 0 || words(piece).len() > MAX_TITLE_WORDS)
        .map(|(_, piece)| piece.to_string())
        .collect()
}

impl Runs {
    /// Adds every run of a text, naming the text for reports.
    pub(crate) fn add(&mut self, name: &str, text: &str) {
        let index = self.names.len();
        self.names.push(name.to_string());
        for run in words(text).windows(RUN) {
            self.runs.entry(hash(run)).or_insert(index);
        }
    }

    /// The first run of `field` that a text holds too, with that text's name.
    pub(crate) fn copied(&self, field: &str) -> Option<(String, &str)> {
        for part in checked_parts(field) {
            for run in words(&part).windows(RUN) {
                if let Some(&i) = self.runs.get(&hash(run)) {
                    return Some((run.join(" "), &self.names[i]));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs() -> Runs {
        let mut r = Runs::default();
        r.add(
            "doc",
            "Kim Il Sung paid a state visit to Mongolia in the summer of 1988 in his special train.",
        );
        r
    }

    #[test]
    fn a_copied_run_of_eight_words_is_found_whatever_the_case_and_punctuation() {
        let runs = runs();
        let (run, from) = runs
            .copied("In 1988, KIM IL SUNG paid a state-visit to Mongolia (by train).")
            .unwrap();
        assert_eq!(run, "kim il sung paid a state visit to");
        assert_eq!(from, "doc");
    }

    #[test]
    fn seven_shared_words_pass() {
        assert!(runs().copied("Kim Il Sung paid a state visit, by rail, to Ulaanbaatar.").is_none());
    }

    #[test]
    fn a_short_quoted_title_is_not_checked_but_a_quoted_sentence_is() {
        let mut r = Runs::default();
        r.add(
            "doc",
            "the Treaty of Friendship and Cooperation between the two republics of the east",
        );
        assert!(r
            .copied("They sign the \"Treaty of Friendship and Cooperation between the two republics\".")
            .is_none());
        let long = "\"the Treaty of Friendship and Cooperation between the two republics of the east and more words here now\"";
        assert!(r.copied(long).is_some());
    }
}
