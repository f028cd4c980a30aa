//! Block planning: paragraph keys for the aligner, the blocks an alignment makes in
//! reading order, and each block's word diff.

use std::collections::HashMap;

use std::hash::Hasher;

use super::align::{Alignment, ParaWords};
use super::block::{Block, Kind};
use super::doc::Doc;
use super::intern::{FxHasher, Interner};
use super::normalize::style_key;
use super::span::{Span, SpanWords, Tag, push_text};
use super::stats::dice;
use super::words::{Cut, WordOptions, diff_words};
use crate::side::{Pair, Side};
use crate::text::{TokenKind, count_words, for_each_token, pieces_at_breaks};

/// Exact text ids of every paragraph on both sides, from one shared interner: two
/// paragraphs have one id exactly when their texts are the same.
pub fn para_ids<'a>(docs: Pair<&'a Doc>) -> Pair<Vec<u32>> {
    let mut exact = Interner::new();
    let mut ids_of = |doc: &'a Doc| -> Vec<u32> {
        doc.paras
            .iter()
            .map(|range| exact.id(doc.text.get(range.clone()).unwrap_or_default()))
            .collect()
    };
    let left = ids_of(docs.left);
    Pair::new(left, ids_of(docs.right))
}

/// Bytes of the first piece of a paragraph's common start counted for
/// [`ParaWords::close_by_ends`]: a dozen words or so, what a word or two changed needs.
const FIRST_PIECE: usize = 64;

/// The paragraphs' words as the aligner asks for them: a word's key is a hash of its
/// lower-cased (or house-style) spelling, so bags need no shared table; two spellings
/// sharing a key by chance only nudge a similarity score.
pub(super) struct Words<'a> {
    pub docs: Pair<&'a Doc>,
    pub normalize: bool,
}

impl ParaWords for Words<'_> {
    fn has_words(&self, side: Side, i: usize) -> bool {
        self.docs[side]
            .para(i)
            .is_some_and(|text| text.chars().any(char::is_alphanumeric))
    }

    fn bag(&self, side: Side, i: usize) -> Vec<u32> {
        let text = self.docs[side].para(i).unwrap_or_default();
        let mut bag = Vec::new();
        for_each_token(text, |range, kind| {
            if kind != TokenKind::Word {
                return;
            }
            let piece = text.get(range).unwrap_or_default();
            bag.push(self.word_key(piece));
        });
        bag
    }

    fn close_by_ends(&self, at: Pair<usize>, threshold: f64, least: usize) -> bool {
        let text = Pair::from_fn(|side| self.docs[side].para(at[side]).unwrap_or_default());
        let Some(cut) = Cut::common(text) else {
            return false;
        };
        // Ends covering under half of either paragraph rarely hold enough of its words:
        // its bag will say, and counting them would be work spent twice.
        if 2 * cut.common_len() < text.left.len().max(text.right.len()) {
            return false;
        }
        let middles = cut.middle.map(count_words);
        let enough = |common: usize| {
            let sizes = middles.map(|m| common + m);
            sizes.left.min(sizes.right) >= least
                && dice(common, sizes.left + sizes.right) >= threshold
        };
        // The common start and end are the same text on both sides: counted once, and
        // only until there are enough of them, a few words for a word or two changed.
        let mut common = 0;
        for piece in [cut.start, cut.end]
            .into_iter()
            .flat_map(|part| pieces_at_breaks(part, FIRST_PIECE))
        {
            common += count_words(piece);
            if enough(common) {
                return true;
            }
        }
        false
    }
}

impl Words<'_> {
    fn word_key(&self, piece: &str) -> u32 {
        let mut hasher = FxHasher::default();
        if self.normalize {
            hasher.write(style_key(piece, TokenKind::Word).as_bytes());
        } else if piece.is_ascii() {
            for chunk in piece.as_bytes().chunks(8) {
                let mut word = [0u8; 8];
                for (w, b) in word.iter_mut().zip(chunk) {
                    *w = b.to_ascii_lowercase();
                }
                hasher.write_u64(u64::from_le_bytes(word));
            }
        } else {
            hasher.write(piece.to_lowercase().as_bytes());
        }
        (hasher.finish() >> 32) as u32
    }
}

/// Blocks in reading order from an alignment: before each pair, the left paragraphs it
/// skips, then the right ones. A moved block's `partner` holds its counterpart
/// paragraph until [`link_partners`] turns it into a block index.
pub(super) fn plan_blocks(alignment: &Alignment, lens: Pair<usize>) -> Vec<Block> {
    let moved: Pair<HashMap<usize, usize>> = Pair::from_fn(|side| {
        alignment
            .moved
            .iter()
            .map(|m| (m[side], m[side.other()]))
            .collect()
    });
    // Sized exactly (one block per pair, one per paragraph left alone): the outline of a
    // long text is kept to the end, and growing it by doubling held up to three times it.
    let paired = |side: Side| alignment.pairs.iter().map(|p| p[side].len()).sum::<usize>();
    let lone_count: usize = Side::BOTH
        .iter()
        .map(|&side| lens[side].saturating_sub(paired(side)))
        .sum();
    let mut blocks = Vec::with_capacity(alignment.pairs.len() + lone_count);
    let mut next = Pair::new(0, 0);
    // The paragraphs of each side from `next` up to `until` face nothing.
    let lone = |blocks: &mut Vec<Block>, next: &mut Pair<usize>, until: Pair<usize>| {
        for side in Side::BOTH {
            for i in next[side]..until[side] {
                let partner = moved[side].get(&i).copied();
                let kind = match (side, partner.is_some()) {
                    (Side::Left, true) => Kind::MovedOut,
                    (Side::Left, false) => Kind::LeftOnly,
                    (Side::Right, true) => Kind::MovedIn,
                    (Side::Right, false) => Kind::RightOnly,
                };
                let mut paras = Pair::new(0..0, 0..0);
                paras[side] = i..i + 1;
                blocks.push(Block {
                    partner,
                    ..Block::new(kind, paras)
                });
            }
            next[side] = next[side].max(until[side]);
        }
    };
    for pair in &alignment.pairs {
        lone(&mut blocks, &mut next, pair.clone().map(|r| r.start));
        let kind = match (pair.left.len(), pair.right.len()) {
            (1, 1) => Kind::Changed,
            (1, _) => Kind::Split,
            _ => Kind::Merged,
        };
        blocks.push(Block::new(kind, pair.clone()));
        next = pair.clone().map(|r| r.end);
    }
    lone(&mut blocks, &mut next, lens);
    blocks
}

/// The two texts block `b`'s word diff compares: its two sides, or for a moved block
/// its paragraph and its partner block's (partners linked).
pub(super) fn block_text<'d>(blocks: &[Block], b: usize, docs: Pair<&'d Doc>) -> Pair<&'d str> {
    let Some(block) = blocks.get(b) else {
        return Pair::new("", "");
    };
    let partner = block.partner.and_then(|p| blocks.get(p)).map(|p| &p.paras);
    Pair::from_fn(|side| match (block.kind.only_side(), partner) {
        (Some(only), Some(paras)) if only != side => docs[side].slice(&paras[side]),
        _ => docs[side].slice(&block.paras[side]),
    })
}

/// The word diff of two texts; identical texts need none.
pub(super) fn text_diff(text: Pair<&str>, options: &WordOptions) -> (Vec<Span>, SpanWords) {
    if text.left != text.right {
        return diff_words(text, options);
    }
    let mut words = SpanWords::default();
    words.add(Tag::Equal, false, count_words(text.left));
    let mut spans = Vec::new();
    push_text(&mut spans, Tag::Equal, false, text.left);
    (spans, words)
}

/// Gives a block its word diff; a changed block with no change in it is the same.
pub(super) fn fill_block(block: &mut Block, (spans, words): (Vec<Span>, SpanWords)) {
    (block.spans, block.words) = (spans, words);
    if block.kind == Kind::Changed && !block.spans.iter().any(Span::is_change) {
        block.kind = Kind::Same;
    }
}

/// Replaces each moved block's counterpart paragraph index with its block index.
pub(super) fn link_partners(blocks: &mut [Block]) {
    let mut by_para: Pair<HashMap<usize, usize>> = Pair::default();
    for (b, block) in blocks.iter().enumerate() {
        if let (true, Some(side)) = (block.kind.is_moved(), block.kind.only_side()) {
            by_para[side].insert(block.paras[side].start, b);
        }
    }
    for block in blocks.iter_mut() {
        block.partner = match (block.kind.is_moved(), block.kind.only_side()) {
            (true, Some(side)) => block
                .partner
                .and_then(|p| by_para[side.other()].get(&p).copied()),
            _ => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::align::common;
    use super::*;

    /// Words's bag similarity of left 0 and right 0, and their sizes.
    fn bag_dice(words: &Words) -> (f64, usize) {
        let mut bags = Side::BOTH.map(|side| words.bag(side, 0));
        for bag in &mut bags {
            bag.sort_unstable();
        }
        let [a, b] = &bags;
        (dice(common(a, b), a.len() + b.len()), a.len().min(b.len()))
    }

    fn close(left: &str, right: &str, threshold: f64, least: usize) -> bool {
        let docs = Pair::new(
            Doc::from_paragraphs(&[left]),
            Doc::from_paragraphs(&[right]),
        );
        let words = Words {
            docs: docs.as_ref(),
            normalize: false,
        };
        words.close_by_ends(Pair::new(0, 0), threshold, least)
    }

    #[test]
    fn a_paragraph_edited_in_a_word_is_close_by_its_ends_and_one_rewritten_is_not() {
        let a = "Lee and Xi spoke by phone on Tuesday about trade, security and the summit.";
        let one_word = a.replace("Tuesday", "Wednesday");
        assert!(close(a, &one_word, 0.7, 8));
        assert!(!close(a, &one_word, 0.7, 20), "too short for 20 words");
        let rewritten = "The two leaders discussed tariffs and North Korea in a call.";
        assert!(!close(a, rewritten, 0.7, 8));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Counting only the common start and end never says more than the bags do.
        #[test]
        fn close_by_ends_is_a_bound_below_the_bags(
            base in "[a-zA-Z ,.'’é]{0,120}",
            edit in "[a-zA-Z ,.'’é]{0,12}",
            at in 0usize..130,
            cut in 0usize..12,
            threshold in 0.3f64..0.95,
            least in 0usize..12,
        ) {
            let chars: Vec<char> = base.chars().collect();
            let at = at.min(chars.len());
            let end = (at + cut).min(chars.len());
            let edited: String = chars[..at].iter().chain(edit.chars().collect::<Vec<_>>().iter()).chain(&chars[end..]).collect();
            let docs = Pair::new(Doc::from_paragraphs(&[base.as_str()]), Doc::from_paragraphs(&[edited.as_str()]));
            let words = Words { docs: docs.as_ref(), normalize: false };
            if words.close_by_ends(Pair::new(0, 0), threshold, least) {
                let (similarity, size) = bag_dice(&words);
                prop_assert!(similarity >= threshold, "{similarity} < {threshold}");
                prop_assert!(size >= least);
            }
        }
    }
}
