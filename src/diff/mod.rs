//! The diff engine, pure and terminal-free: paragraphs are paired first, then words are
//! compared inside each pair.

mod align;
pub(crate) mod block;
mod doc;
mod fill;
mod flat;
mod intern;
mod near;
mod normalize;
pub mod overview;
mod plan;
pub mod reuse;
pub mod sentences;
mod span;
mod stats;
mod told;
mod words;

pub use align::Alignment;
pub use block::{Block, Kind};
pub use doc::{Doc, docs};
pub use flat::{FlatOps, flat_ops};
pub use normalize::style_key;
pub use similar::Algorithm;
pub use span::{Span, SpanWords, Tag, rebuild};
pub use stats::{Stats, dice};
pub use told::{Diffs, Lone, Matched, Scope, Told, corpus, paired_paragraphs, told};
pub use words::{WordOptions, diff_words};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::side::{Pair, Side};
use align::align;
use block::number_block_hunks;
use fill::{Spans, fill_blocks, two_threads};
pub use plan::para_ids;
use plan::{Words, link_partners, plan_blocks};
use stats::Tally;

/// How two versions are compared.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Count house-style differences (case, quotes, honorifics, spelling) as equal.
    pub normalize: bool,
    pub algorithm: Algorithm,
    /// Time after which the word diff settles for a coarser result instead of going on.
    pub budget: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            normalize: false,
            algorithm: Algorithm::Histogram,
            budget: Duration::from_secs(2),
        }
    }
}

/// Two versions compared: blocks in reading order and their statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub blocks: Vec<Block>,
    pub stats: Stats,
    /// The sentence layer, once attached by whoever holds the story's sentence corpus
    /// (see [`told`]); `None` until then.
    pub told: Option<Told>,
}

/// Compares two versions paragraph by paragraph, then word by word.
pub fn compare(left: &Doc, right: &Doc, options: &Options) -> Comparison {
    compare_counting(left, right, options, &AtomicUsize::new(0))
}

/// Compares as [`compare`] does, adding to `done` the bytes of each block's paragraphs,
/// both sides, as soon as its word diff is known: how far a long comparison has got, out
/// of the bytes of all paragraphs.
pub fn compare_counting(
    left: &Doc,
    right: &Doc,
    options: &Options,
    done: &AtomicUsize,
) -> Comparison {
    // A comparison kept whole (the reader's) holds every span of both texts, each grown
    // a token at a time: the room growing left over is given back.
    let docs = Pair::new(left, right);
    let ids = para_ids(docs);
    run(
        docs,
        ids.as_ref().map(Vec::as_slice),
        options,
        Spans::Kept,
        |block| {
            let bytes = Side::BOTH
                .iter()
                .flat_map(|&side| block.paras[side].clone().map(move |p| (side, p)))
                .filter_map(|(side, p)| docs[side].para(p))
                .map(str::len)
                .sum();
            done.fetch_add(bytes, Ordering::Relaxed);
        },
    )
}

/// Compares as [`compare`] does, handing each block to `each` in reading order as soon
/// as its word diff and hunk numbers are known, then dropping its spans: the returned
/// comparison keeps only the blocks' outline (kinds, paragraphs, partners, word counts)
/// and the statistics, so a long text is never held as spans all at once. `ids` are the
/// paragraphs' [`para_ids`], which a caller may need beside the comparison.
pub fn compare_each(
    docs: Pair<&Doc>,
    ids: Pair<&[u32]>,
    options: &Options,
    mut each: impl FnMut(&Block),
) -> Comparison {
    run(docs, ids, options, Spans::Dropped, |block| {
        each(block);
        block.hunks = Vec::new();
    })
}

/// How the paragraphs of two versions pair, the first stage of [`compare`].
pub fn pair_paragraphs(docs: Pair<&Doc>, normalize: bool, deadline: Option<Instant>) -> Alignment {
    let ids = para_ids(docs);
    pair_by_ids(docs, ids.as_ref().map(Vec::as_slice), normalize, deadline)
}

/// [`pair_paragraphs`] given the paragraphs' [`para_ids`].
fn pair_by_ids(
    docs: Pair<&Doc>,
    ids: Pair<&[u32]>,
    normalize: bool,
    deadline: Option<Instant>,
) -> Alignment {
    align(ids, &Words { docs, normalize }, deadline)
}

fn run(
    docs: Pair<&Doc>,
    ids: Pair<&[u32]>,
    options: &Options,
    spans: Spans,
    mut each: impl FnMut(&mut Block),
) -> Comparison {
    let deadline = Instant::now().checked_add(options.budget);
    let word_options = WordOptions {
        normalize: options.normalize,
        algorithm: options.algorithm,
        deadline,
    };
    let alignment = pair_by_ids(docs, ids, options.normalize, deadline);
    let mut blocks = plan_blocks(&alignment, docs.map(|d| d.paras.len()));
    link_partners(&mut blocks);
    let mut hunks = 0;
    let mut tally = Tally::default();
    fill_blocks(
        &mut blocks,
        docs,
        &word_options,
        two_threads(docs),
        spans,
        |block| {
            hunks = number_block_hunks(block, hunks);
            tally.add(block);
            each(block);
        },
    );
    let stats = tally.finish(hunks);
    Comparison {
        blocks,
        stats,
        told: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::side::Side;

    fn kinds(left: &[&str], right: &[&str]) -> Vec<Kind> {
        let c = compare(
            &Doc::from_paragraphs(left),
            &Doc::from_paragraphs(right),
            &Options::default(),
        );
        c.blocks.iter().map(|b| b.kind).collect()
    }

    const A: &str = "Lee and Xi spoke by phone on Tuesday about trade and security.";
    const B: &str = "China is South Korea's biggest trading partner by a wide margin.";
    const C: &str = "The call lasted thirty minutes, the presidential office said.";
    const D: &str = "Analysts expect a summit in Gyeongju later in the year.";

    #[test]
    fn identical_paragraphs_are_same() {
        assert_eq!(kinds(&[A, B], &[A, B]), vec![Kind::Same, Kind::Same]);
    }

    #[test]
    fn an_edited_paragraph_is_changed() {
        let edited = A.replace("Tuesday", "June 10");
        assert_eq!(
            kinds(&[A, B], &[&edited, B]),
            vec![Kind::Changed, Kind::Same]
        );
    }

    #[test]
    fn added_and_dropped_paragraphs_face_nothing() {
        assert_eq!(
            kinds(&[A, B], &[A, D, B]),
            vec![Kind::Same, Kind::RightOnly, Kind::Same]
        );
        assert_eq!(
            kinds(&[A, C, B], &[A, B]),
            vec![Kind::Same, Kind::LeftOnly, Kind::Same]
        );
    }

    #[test]
    fn a_comparison_counts_each_paragraph_s_bytes_once_as_it_goes() {
        let split = format!("{A} {B}");
        let edited = C.replace("thirty", "forty");
        for (left, right) in [
            (vec![A, B, C, D], vec![B, &edited, D, A]),
            (vec![A, B, C], vec![split.as_str(), C, D]),
            (vec![], vec![A, D]),
        ] {
            let docs = Pair::new(Doc::from_paragraphs(&left), Doc::from_paragraphs(&right));
            let done = AtomicUsize::new(0);
            let counted = compare_counting(&docs.left, &docs.right, &Options::default(), &done);
            assert_eq!(
                counted,
                compare(&docs.left, &docs.right, &Options::default())
            );
            let bytes: usize = left.iter().chain(&right).map(|p| p.len()).sum();
            assert_eq!(done.into_inner(), bytes, "{left:?} / {right:?}");
        }
    }

    #[test]
    fn a_reordered_paragraph_is_moved_with_linked_partners() {
        let c = compare(
            &Doc::from_paragraphs(&[A, B, C, D]),
            &Doc::from_paragraphs(&[B, C, D, A]),
            &Options::default(),
        );
        let kinds: Vec<Kind> = c.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::MovedOut,
                Kind::Same,
                Kind::Same,
                Kind::Same,
                Kind::MovedIn
            ]
        );
        assert_eq!(c.blocks[0].partner, Some(4));
        assert_eq!(c.blocks[4].partner, Some(0));
        assert_eq!(c.stats.words_added + c.stats.words_removed, 0);
        assert!((c.stats.similarity - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_paragraph_split_in_two_pairs_as_split() {
        let joined = format!("{A} {B}");
        let c = compare(
            &Doc::from_paragraphs(&[joined.as_str(), C]),
            &Doc::from_paragraphs(&[A, B, C]),
            &Options::default(),
        );
        assert_eq!(c.blocks[0].kind, Kind::Split);
        assert_eq!(c.blocks[0].paras, Pair::new(0..1, 0..2));
    }

    #[test]
    fn two_paragraphs_merged_into_one_pair_as_merged() {
        let joined = format!("{A} {B}");
        assert_eq!(
            kinds(&[A, B, C], &[joined.as_str(), C]),
            vec![Kind::Merged, Kind::Same]
        );
    }

    #[test]
    fn flat_ops_rebuild_both_texts_with_their_separators() {
        let left = Doc::from_text("  First para.\n\nSecond para here.\n\n\nThird.\n");
        let right = Doc::from_text("Third.\n\nFirst para, edited.\n\nNew one.");
        let c = compare(&left, &right, &Options::default());
        let ops = flat_ops(&c.blocks, Pair::new(&left, &right));
        assert_eq!(rebuild(&ops, Side::Left), left.text);
        assert_eq!(rebuild(&ops, Side::Right), right.text);
    }

    #[test]
    fn other_blank_lines_and_indents_between_paragraphs_are_no_change() {
        let left = Doc::from_text("  Title\n\n\nFirst para.\n\nSecond.\n");
        let right = Doc::from_text("\n    Title\n\nFirst para.\n\n\n\nSecond.");
        let c = compare(&left, &right, &Options::default());
        let ops = flat_ops(&c.blocks, Pair::new(&left, &right));
        assert!(ops.iter().all(|op| !op.is_change()), "{ops:?}");
        assert_eq!(rebuild(&ops, Side::Left), left.text);
        assert_eq!(rebuild(&ops, Side::Right), right.text);
    }

    #[test]
    fn a_spent_budget_gives_a_coarser_diff_that_still_rebuilds() {
        let words: Vec<String> = (0..3000).map(|i| format!("w{}", i % 97)).collect();
        let left = Doc::from_text(words.join(" "));
        let right = Doc::from_text(words.iter().rev().cloned().collect::<Vec<_>>().join(" "));
        let spent = Options {
            budget: Duration::ZERO,
            ..Options::default()
        };
        let c = compare(&left, &right, &spent);
        let ops = flat_ops(&c.blocks, Pair::new(&left, &right));
        assert_eq!(rebuild(&ops, Side::Left), left.text);
        assert_eq!(rebuild(&ops, Side::Right), right.text);
    }

    #[test]
    fn similarity_counts_shared_words() {
        let w = SpanWords::of(&[
            Span::new(Tag::Equal, "a b c"),
            Span::new(Tag::Delete, "d"),
            Span::new(Tag::Insert, "e f"),
        ]);
        assert!((w.similarity() - 6.0 / 9.0).abs() < 1e-9);
        assert!((SpanWords::default().similarity() - 1.0).abs() < 1e-9);
    }
}
