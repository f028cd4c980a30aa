//! Block planning: paragraph keys for the aligner, the blocks an alignment makes in
//! reading order, and each block's word diff.

use std::collections::HashMap;

use super::align::{Alignment, ParaKey};
use super::block::{Block, Kind};
use super::doc::Doc;
use super::intern::Interner;
use super::normalize::style_key;
use super::span::Span;
use super::words::{WordOptions, diff_words};
use crate::side::{Pair, Side};
use crate::text::{TokenKind, tokenize};

/// Exact ids and word bags of every paragraph on both sides, from one shared interner.
pub(super) fn para_keys<'a>(docs: Pair<&'a Doc>, normalize: bool) -> Pair<Vec<ParaKey>> {
    let mut exact = Interner::new();
    // Word ids by raw spelling first, so the comparison key is built once per spelling.
    let mut spellings: Interner<&'a str> = Interner::new();
    let mut spelling_word: Vec<u32> = Vec::new();
    let mut words = Interner::new();
    let mut keys_of = |doc: &'a Doc| -> Vec<ParaKey> {
        doc.paras
            .iter()
            .filter_map(|range| doc.text.get(range.clone()))
            .map(|text| {
                let exact_id = exact.id(text);
                let mut bag: Vec<u32> = tokenize(text)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .filter_map(|t| text.get(t.range))
                    .map(|piece| {
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
    let left = keys_of(docs.left);
    Pair::new(left, keys_of(docs.right))
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
    let mut blocks = Vec::new();
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

/// Computes a block's word diff: of its two sides, or for a moved block of its
/// paragraph and the counterpart paragraph.
pub(super) fn fill_block(block: &mut Block, docs: Pair<&Doc>, options: &WordOptions) {
    let text = Pair::from_fn(|side| match (block.kind.only_side(), block.partner) {
        (Some(only), Some(partner)) if only != side => docs[side].para(partner).unwrap_or(""),
        _ => docs[side].slice(&block.paras[side]),
    });
    (block.spans, block.words) = diff_words(text, options);
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
