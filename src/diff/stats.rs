//! The figures of a comparison: word counts, words added and removed, hunks, and the
//! one similarity measure every part of diverge uses.

use serde::Serialize;

use super::block::{Block, Kind, count_style_hunks};
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

/// The figures of numbered blocks with `hunks` changes.
pub(super) fn stats_of(blocks: &[Block], hunks: usize) -> Stats {
    let mut words = Pair::new(0, 0);
    let (mut added, mut removed, mut common) = (0, 0, 0);
    for block in blocks {
        let w = &block.words;
        // A moved pair's diff sits in both of its blocks: each side counts its own half,
        // and the words they share count once.
        if block.kind != Kind::MovedIn {
            words.left += w.on(Side::Left);
            removed += w.deleted;
            common += w.common();
        }
        if block.kind != Kind::MovedOut {
            words.right += w.on(Side::Right);
            added += w.inserted;
        }
    }
    Stats {
        similarity: dice(common, words.left + words.right),
        words_added: added,
        words_removed: removed,
        hunks,
        style_hunks: count_style_hunks(blocks),
        words,
    }
}
