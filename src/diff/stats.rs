//! The figures of a comparison: word counts, words added and removed, hunks, and the
//! one similarity measure every part of diverge uses.

use serde::Serialize;

use super::block::{Block, Kind, style_runs};
use crate::side::{Pair, Side};

/// Dice similarity: 2·common / total, 0..1; two empty texts are identical (1).
pub fn dice(common: usize, total: usize) -> f64 {
    if total == 0 {
        return 1.0;
    }
    ((2 * common) as f64 / total as f64).min(1.0)
}

/// Word counts and change counts of a comparison. Serialises as `diverge diff --format
/// json` gives them; the word counts go with each side's name there.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Stats {
    /// Share of words the two versions have in common, 0..1.
    pub similarity: f64,
    pub words_added: usize,
    pub words_removed: usize,
    /// Changes a reader steps through with `n`: see `block::number_hunks`.
    pub hunks: usize,
    /// Differences that normalisation counts as style (0 when normalisation is off).
    pub style_hunks: usize,
    #[serde(skip)]
    pub words: Pair<usize>,
}

/// The figures of a comparison, gathered block by block as the blocks are filled.
#[derive(Debug, Default)]
pub(super) struct Tally {
    words: Pair<usize>,
    added: usize,
    removed: usize,
    common: usize,
    style_hunks: usize,
}

impl Tally {
    pub fn add(&mut self, block: &Block) {
        let w = &block.words;
        // A moved pair's diff sits in both of its blocks: each side counts its own half,
        // and the words they share count once.
        if block.kind != Kind::MovedIn {
            self.words.left += w.on(Side::Left);
            self.removed += w.deleted;
            self.common += w.common();
        }
        if block.kind != Kind::MovedOut {
            self.words.right += w.on(Side::Right);
            self.added += w.inserted;
        }
        self.style_hunks += style_runs(block);
    }

    /// The figures of the blocks added, which hold `hunks` changes.
    pub fn finish(self, hunks: usize) -> Stats {
        Stats {
            similarity: dice(self.common, self.words.left + self.words.right),
            words_added: self.added,
            words_removed: self.removed,
            hunks,
            style_hunks: self.style_hunks,
            words: self.words,
        }
    }
}
