//! The diff engine, pure and terminal-free: paragraphs are paired first, then words are
//! compared inside each pair.

mod align;
mod intern;
mod normalize;
pub mod sentences;
mod span;
mod tokens;
mod words;

pub use align::{Alignment, Pair};
pub use span::{Span, SpanWords, Tag, count_hunks, count_style_hunks, rebuild};
pub use tokens::{Token, TokenKind, count_words, tokenize};
pub use words::{WordOptions, diff_words};

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use serde::Serialize;
pub use similar::Algorithm;

use align::{ParaKey, align};
use intern::Interner;
use normalize::style_key;
use span::push_span;

/// One version of a text: the text and the byte ranges of its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub text: String,
    pub paras: Vec<Range<usize>>,
}

impl Doc {
    /// A plain text, split into paragraphs as the plain-text loader does.
    pub fn from_text(text: impl Into<String>) -> Self {
        let text = text.into();
        let paras = crate::story::split_paragraphs(&text);
        Doc { text, paras }
    }

    /// Paragraphs joined with blank lines, each keeping its own range.
    pub fn from_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> Self {
        let mut text = String::new();
        let mut paras = Vec::with_capacity(paragraphs.len());
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(p.as_ref());
            paras.push(start..text.len());
        }
        Doc { text, paras }
    }

    pub fn para(&self, i: usize) -> &str {
        self.paras
            .get(i)
            .and_then(|r| self.text.get(r.clone()))
            .unwrap_or_default()
    }

    /// Text from the start of paragraph `range.start` to the end of `range.end - 1`.
    fn slice(&self, range: &Range<usize>) -> &str {
        match (
            self.paras.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.paras.get(e)),
        ) {
            (Some(a), Some(z)) => self.text.get(a.start..z.end).unwrap_or_default(),
            _ => "",
        }
    }

    /// The whitespace after paragraph `i` (up to the next paragraph or the end).
    fn separator_after(&self, i: usize) -> &str {
        let start = self.paras.get(i).map_or(0, |r| r.end);
        let end = self.paras.get(i + 1).map_or(self.text.len(), |r| r.start);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Whatever comes before the first paragraph.
    fn prefix(&self) -> &str {
        let end = self.paras.first().map_or(self.text.len(), |r| r.start);
        self.text.get(..end).unwrap_or_default()
    }
}

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

/// How a block's paragraphs relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Same,
    Changed,
    /// One left paragraph became several on the right.
    Split,
    /// Several left paragraphs became one on the right.
    Merged,
    /// A left paragraph whose counterpart sits elsewhere on the right.
    MovedOut,
    /// A right paragraph whose counterpart sits elsewhere on the left.
    MovedIn,
    LeftOnly,
    RightOnly,
}

/// A unit of the side-by-side view: paragraphs that face each other, or one side's
/// paragraphs facing nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    /// Paragraph indexes on each side (empty on a side the block does not show).
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// Word diff of the block's text; for a moved block, of the paragraph and its
    /// counterpart, so each side shows its half in its own place.
    pub spans: Vec<Span>,
    /// For a moved block, the index of its counterpart block.
    pub partner: Option<usize>,
    /// Words in the spans, by tag, counted once when the block is filled.
    pub words: SpanWords,
}

impl Block {
    pub fn shows_left(&self) -> bool {
        !self.left.is_empty()
    }

    pub fn shows_right(&self) -> bool {
        !self.right.is_empty()
    }

    /// Real changes this block shows: a moved block shows only its own side's half.
    pub fn has_changes(&self) -> bool {
        self.spans.iter().any(|s| match self.kind {
            Kind::MovedOut => s.is_change() && s.tag == Tag::Delete,
            Kind::MovedIn => s.is_change() && s.tag == Tag::Insert,
            _ => s.is_change(),
        })
    }
}

/// Word counts and change counts of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Stats {
    pub left_words: usize,
    pub right_words: usize,
    pub words_added: usize,
    pub words_removed: usize,
    /// Change hunks in the flat diff.
    pub hunks: usize,
    /// Differences that normalisation counts as style: runs of style spans between
    /// equal text (0 when normalisation is off).
    pub style_hunks: usize,
    /// Share of words the two versions have in common, 0..1.
    pub similarity: f64,
}

/// Two versions compared: blocks in reading order and their statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub blocks: Vec<Block>,
    pub stats: Stats,
}

/// One entry of the paragraph table in `diverge diff --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphEntry {
    pub left: Option<Indexes>,
    pub right: Option<Indexes>,
    pub kind: &'static str,
    pub similarity: f64,
}

/// A single paragraph index, or several for a split or merged entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Indexes {
    One(usize),
    Many(Vec<usize>),
}

impl Indexes {
    fn of(range: &Range<usize>) -> Option<Indexes> {
        match range.len() {
            0 => None,
            1 => Some(Indexes::One(range.start)),
            _ => Some(Indexes::Many(range.clone().collect())),
        }
    }
}

/// Compares two versions paragraph by paragraph, then word by word.
pub fn compare(left: &Doc, right: &Doc, options: &Options) -> Comparison {
    let deadline = Instant::now().checked_add(options.budget);
    let word_options = WordOptions {
        normalize: options.normalize,
        algorithm: options.algorithm,
        deadline,
    };
    let (lkeys, rkeys) = para_keys(left, right, options.normalize);
    let alignment = align(&lkeys, &rkeys, deadline);
    let mut blocks = plan_blocks(&alignment, left.paras.len(), right.paras.len());
    for block in &mut blocks {
        fill_block(block, left, right, &word_options);
    }
    link_partners(&mut blocks);
    let stats = stats_of(&blocks, left, right);
    Comparison { blocks, stats }
}

/// Exact ids and word bags of every paragraph on both sides, from one shared interner.
fn para_keys<'a>(left: &'a Doc, right: &'a Doc, normalize: bool) -> (Vec<ParaKey>, Vec<ParaKey>) {
    let mut exact = Interner::new();
    // Word ids by raw spelling first, so the comparison key is built once per spelling.
    let mut spellings: Interner<&'a str> = Interner::new();
    let mut spelling_word: Vec<u32> = Vec::new();
    let mut words = Interner::new();
    let mut keys_of = |doc: &'a Doc| -> Vec<ParaKey> {
        (0..doc.paras.len())
            .map(|i| {
                let text = doc.para(i);
                let exact_id = exact.id(text);
                let mut bag: Vec<u32> = tokenize(text)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| {
                        let piece = text.get(t.range).unwrap_or_default();
                        let spelling = spellings.id(piece) as usize;
                        if let Some(&word) = spelling_word.get(spelling) {
                            return word;
                        }
                        let key = if normalize {
                            style_key(piece, TokenKind::Word)
                        } else {
                            piece.to_lowercase()
                        };
                        let word = words.id(key);
                        spelling_word.push(word);
                        word
                    })
                    .collect();
                bag.sort_unstable();
                ParaKey {
                    exact: exact_id,
                    bag,
                }
            })
            .collect()
    };
    let l = keys_of(left);
    let r = keys_of(right);
    (l, r)
}

/// Blocks in reading order from an alignment: before each pair, the left paragraphs it
/// skips, then the right ones.
fn plan_blocks(alignment: &Alignment, left_len: usize, right_len: usize) -> Vec<Block> {
    let moved_left: HashMap<usize, usize> = alignment.moved.iter().copied().collect();
    let moved_right: HashMap<usize, usize> = alignment.moved.iter().map(|&(i, j)| (j, i)).collect();
    let mut blocks = Vec::new();
    let (mut li, mut ri) = (0, 0);
    let lone =
        |blocks: &mut Vec<Block>, li: &mut usize, lend: usize, ri: &mut usize, rend: usize| {
            for i in *li..lend {
                let kind = if moved_left.contains_key(&i) {
                    Kind::MovedOut
                } else {
                    Kind::LeftOnly
                };
                blocks.push(empty_block(kind, i..i + 1, 0..0));
            }
            for j in *ri..rend {
                let kind = if moved_right.contains_key(&j) {
                    Kind::MovedIn
                } else {
                    Kind::RightOnly
                };
                blocks.push(empty_block(kind, 0..0, j..j + 1));
            }
            *li = (*li).max(lend);
            *ri = (*ri).max(rend);
        };
    for pair in &alignment.pairs {
        lone(
            &mut blocks,
            &mut li,
            pair.left.start,
            &mut ri,
            pair.right.start,
        );
        let kind = match (pair.left.len(), pair.right.len()) {
            (1, 1) => Kind::Changed,
            (1, _) => Kind::Split,
            _ => Kind::Merged,
        };
        blocks.push(empty_block(kind, pair.left.clone(), pair.right.clone()));
        li = pair.left.end;
        ri = pair.right.end;
    }
    lone(&mut blocks, &mut li, left_len, &mut ri, right_len);
    // Moved blocks remember the counterpart paragraph until partners are linked.
    for block in &mut blocks {
        block.partner = match block.kind {
            Kind::MovedOut => moved_left.get(&block.left.start).copied(),
            Kind::MovedIn => moved_right.get(&block.right.start).copied(),
            _ => None,
        };
    }
    blocks
}

fn empty_block(kind: Kind, left: Range<usize>, right: Range<usize>) -> Block {
    Block {
        kind,
        left,
        right,
        spans: Vec::new(),
        partner: None,
        words: SpanWords::default(),
    }
}

/// Computes a block's word diff and similarity.
fn fill_block(block: &mut Block, left: &Doc, right: &Doc, options: &WordOptions) {
    let (ltext, rtext) = match block.kind {
        Kind::LeftOnly => (left.slice(&block.left), ""),
        Kind::RightOnly => ("", right.slice(&block.right)),
        Kind::MovedOut => (
            left.slice(&block.left),
            block.partner.map_or("", |j| right.para(j)),
        ),
        Kind::MovedIn => (
            block.partner.map_or("", |i| left.para(i)),
            right.slice(&block.right),
        ),
        _ => (left.slice(&block.left), right.slice(&block.right)),
    };
    (block.spans, block.words) = diff_words(ltext, rtext, options);
    if block.kind == Kind::Changed && !block.spans.iter().any(Span::is_change) {
        block.kind = Kind::Same;
    }
}

/// Replaces each moved block's counterpart paragraph index with its block index.
fn link_partners(blocks: &mut [Block]) {
    let mut by_left = HashMap::new();
    let mut by_right = HashMap::new();
    for (b, block) in blocks.iter().enumerate() {
        match block.kind {
            Kind::MovedOut => {
                by_left.insert(block.left.start, b);
            }
            Kind::MovedIn => {
                by_right.insert(block.right.start, b);
            }
            _ => {}
        }
    }
    for block in blocks.iter_mut() {
        block.partner = match (block.kind, block.partner) {
            (Kind::MovedOut, Some(j)) => by_right.get(&j).copied(),
            (Kind::MovedIn, Some(i)) => by_left.get(&i).copied(),
            _ => None,
        };
    }
}

fn stats_of(blocks: &[Block], left: &Doc, right: &Doc) -> Stats {
    let mut sum = Stats::default();
    let mut common = 0;
    for block in blocks {
        let w = &block.words;
        // A moved pair's diff sits in both of its blocks: each side counts its own half,
        // and the words they share count once.
        if block.kind != Kind::MovedIn {
            sum.left_words += w.left();
            sum.words_removed += w.deleted;
            common += w.common();
        }
        if block.kind != Kind::MovedOut {
            sum.right_words += w.right();
            sum.words_added += w.inserted;
        }
    }
    let flat = flat_ops(blocks, left, right);
    let hunks = count_hunks(&flat);
    let style_hunks = count_style_hunks(&flat);
    let total = sum.left_words + sum.right_words;
    Stats {
        hunks,
        style_hunks,
        similarity: if total == 0 {
            1.0
        } else {
            ((2 * common) as f64 / total as f64).min(1.0)
        },
        ..sum
    }
}

/// The whole comparison as one run of spans that rebuilds both texts exactly: a moved
/// paragraph is deleted in its left place and inserted in its right place, and the
/// whitespace between paragraphs is kept.
pub fn flat_ops(blocks: &[Block], left: &Doc, right: &Doc) -> Vec<Span> {
    let mut out = Vec::new();
    push_pair(&mut out, left.prefix(), right.prefix());
    for block in blocks {
        match block.kind {
            Kind::MovedOut | Kind::LeftOnly => {
                push_span(&mut out, Span::new(Tag::Delete, left.slice(&block.left)))
            }
            Kind::MovedIn | Kind::RightOnly => {
                push_span(&mut out, Span::new(Tag::Insert, right.slice(&block.right)))
            }
            _ => {
                for span in &block.spans {
                    push_span(&mut out, span.clone());
                }
            }
        }
        let lsep = block
            .left
            .end
            .checked_sub(1)
            .filter(|_| block.shows_left())
            .map(|i| left.separator_after(i));
        let rsep = block
            .right
            .end
            .checked_sub(1)
            .filter(|_| block.shows_right())
            .map(|j| right.separator_after(j));
        push_pair(&mut out, lsep.unwrap_or(""), rsep.unwrap_or(""));
    }
    out
}

/// Equal text when both sides have the same, a deletion and an insertion otherwise.
fn push_pair(out: &mut Vec<Span>, l: &str, r: &str) {
    if l == r {
        push_span(out, Span::new(Tag::Equal, l));
    } else {
        push_span(out, Span::new(Tag::Delete, l));
        push_span(out, Span::new(Tag::Insert, r));
    }
}

impl Comparison {
    /// The paragraph table of `diverge diff --format json`; a moved pair is one entry.
    pub fn paragraph_entries(&self) -> Vec<ParagraphEntry> {
        self.blocks
            .iter()
            .filter(|b| b.kind != Kind::MovedIn)
            .map(|b| {
                let (left, right, kind) = match b.kind {
                    Kind::MovedOut => {
                        let partner = b.partner.and_then(|p| self.blocks.get(p));
                        (
                            Indexes::of(&b.left),
                            partner.and_then(|p| Indexes::of(&p.right)),
                            "moved",
                        )
                    }
                    kind => (Indexes::of(&b.left), Indexes::of(&b.right), kind_name(kind)),
                };
                ParagraphEntry {
                    left,
                    right,
                    kind,
                    similarity: round3(b.words.similarity()),
                }
            })
            .collect()
    }
}

/// A ratio rounded to three decimals, as the JSON outputs give it.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Same => "same",
        Kind::Changed => "changed",
        Kind::Split => "split",
        Kind::Merged => "merged",
        Kind::MovedOut | Kind::MovedIn => "moved",
        Kind::LeftOnly => "left_only",
        Kind::RightOnly => "right_only",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            (c.blocks[0].left.clone(), c.blocks[0].right.clone()),
            (0..1, 0..2)
        );
        let entries = c.paragraph_entries();
        assert_eq!(entries[0].right, Some(Indexes::Many(vec![0, 1])));
        assert_eq!(entries[0].kind, "split");
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
        let ops = flat_ops(&c.blocks, &left, &right);
        assert_eq!(rebuild(&ops, true), left.text);
        assert_eq!(rebuild(&ops, false), right.text);
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
        let ops = flat_ops(&c.blocks, &left, &right);
        assert_eq!(rebuild(&ops, true), left.text);
        assert_eq!(rebuild(&ops, false), right.text);
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
