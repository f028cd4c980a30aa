//! Reuse between reports, as text-reuse tools measure it: the share of one report's
//! words that stand in a run of at least [`RUN`] words the other report has too. It is
//! asymmetric: a reprint reuses most of its source, the source little of a longer piece.

use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault};

use super::Doc;
use super::intern::FxHasher;
use crate::text::{TokenKind, tokenize};

/// Fewest words in a run for it to count as reuse rather than a common phrase.
pub const RUN: usize = 8;

type FastSet = HashSet<u64, BuildHasherDefault<FxHasher>>;

/// A report's words as hashes of their lower-case spelling, and the hashes of every run
/// of [`RUN`] of them.
pub struct Shingles {
    words: Vec<u64>,
    runs: FastSet,
}

impl Shingles {
    pub fn of(doc: &Doc) -> Shingles {
        let hasher = BuildHasherDefault::<FxHasher>::default();
        let words: Vec<u64> = doc
            .paragraphs()
            .into_iter()
            .flat_map(|p| {
                tokenize(p)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .filter_map(move |t| p.get(t.range))
            })
            .map(|w| hasher.hash_one(w.to_lowercase()))
            .collect();
        let runs = words.windows(RUN).map(|run| hasher.hash_one(run)).collect();
        Shingles { words, runs }
    }

    /// Share of this report's words that stand in a run `other` has too, 0..1.
    pub fn reused_from(&self, other: &Shingles) -> f64 {
        let hasher = BuildHasherDefault::<FxHasher>::default();
        let mut covered = vec![false; self.words.len()];
        for (i, run) in self.words.windows(RUN).enumerate() {
            if other.runs.contains(&hasher.hash_one(run)) {
                for c in covered.iter_mut().skip(i).take(RUN) {
                    *c = true;
                }
            }
        }
        if self.words.is_empty() {
            return 0.0;
        }
        covered.iter().filter(|&&c| c).count() as f64 / self.words.len() as f64
    }
}

/// `grid[row][column]`: the share of the column report's words found in runs of at
/// least [`RUN`] words in the row report; the diagonal is 1.
pub fn reuse_grid(docs: &[Doc]) -> Vec<Vec<f64>> {
    let shingles: Vec<Shingles> = docs.iter().map(Shingles::of).collect();
    shingles
        .iter()
        .enumerate()
        .map(|(row, source)| {
            shingles
                .iter()
                .enumerate()
                .map(|(column, copy)| {
                    if row == column {
                        1.0
                    } else {
                        copy.reused_from(source)
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reprint_reuses_its_source_and_not_the_other_way_round() {
        let source = "Lee and Xi spoke by phone on Tuesday about trade and security on the \
                      peninsula, the presidential office said in a statement.";
        let reprint = format!(
            "{source} Analysts in Seoul and Beijing welcomed the call and \
                      expect a summit in Gyeongju later this year, with trade high on the list."
        );
        let other = "The weather in Seoul was fine and the markets closed higher on Tuesday.";
        let grid = reuse_grid(&[
            Doc::from_text(source),
            Doc::from_text(reprint),
            Doc::from_text(other),
        ]);
        assert!((grid[0][1] - 21.0 / 43.0).abs() < 0.05, "{grid:?}");
        assert!(
            (grid[1][0] - 1.0).abs() < 1e-9,
            "all of the source is in the reprint"
        );
        assert_eq!(grid[0][2], 0.0);
        assert_eq!(grid[2][2], 1.0);
    }

    #[test]
    fn runs_shorter_than_eight_words_are_not_reuse() {
        let a = Doc::from_text("said the South Korean president on the phone");
        let b = Doc::from_text("the South Korean president on the phone today");
        let grid = reuse_grid(&[a, b]);
        // "the South Korean president on the phone" is seven words.
        assert_eq!(grid[0][1], 0.0);
    }
}
