//! The comparison as one flat run of spans, the form `diverge diff` prints: it rebuilds
//! both inputs byte for byte, separators between paragraphs included.

use super::block::Block;
use super::doc::Doc;
use super::span::{Span, Tag};
use crate::side::{Pair, Side};

/// The whole comparison as one run of spans that rebuilds both texts exactly: a moved
/// paragraph is deleted in its left place and inserted in its right place, and the
/// whitespace between paragraphs is kept.
pub fn flat_ops(blocks: &[Block], docs: Pair<&Doc>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut flat = FlatOps::new(docs, |span: &Span| out.push(span.clone()));
    for block in blocks {
        flat.block(block);
    }
    flat.finish();
    out
}

/// [`flat_ops`] a block at a time, for blocks handed out by `compare_each`: each span
/// goes to `emit` once it can no longer grow (neighbours with one tag and style are
/// joined first), so nothing but the span being joined is held.
pub struct FlatOps<'a, F: FnMut(&Span)> {
    docs: Pair<&'a Doc>,
    pending: Span,
    emit: F,
}

impl<'a, F: FnMut(&Span)> FlatOps<'a, F> {
    /// Starts the run with whatever comes before each text's first paragraph.
    pub fn new(docs: Pair<&'a Doc>, emit: F) -> Self {
        let mut flat = FlatOps {
            docs,
            pending: Span::new(Tag::Equal, ""),
            emit,
        };
        flat.push_pair(Pair::from_fn(|side| docs[side].prefix()), true);
        flat
    }

    /// Adds the next block in reading order and the separators after it.
    pub fn block(&mut self, block: &Block) {
        let docs = self.docs;
        match block.kind.only_side() {
            Some(side) => self.push(
                Tag::only_on(side),
                false,
                docs[side].slice(&block.paras[side]),
            ),
            None => {
                for span in &block.spans {
                    self.push(span.tag, span.style, &span.text);
                }
            }
        }
        let separators = Pair::from_fn(|side: Side| {
            block.paras[side]
                .end
                .checked_sub(1)
                .filter(|_| block.shows(side))
                .map_or("", |i| docs[side].separator_after(i))
        });
        self.push_pair(separators, block.kind.only_side().is_none());
    }

    /// Hands out the last span.
    pub fn finish(mut self) {
        if !self.pending.text.is_empty() {
            (self.emit)(&self.pending);
        }
    }

    fn push(&mut self, tag: Tag, style: bool, text: &str) {
        if text.is_empty() {
            return;
        }
        let joins = self.pending.tag == tag && self.pending.style == style;
        if !joins {
            if !self.pending.text.is_empty() {
                (self.emit)(&self.pending);
            }
            self.pending.text.clear();
            (self.pending.tag, self.pending.style) = (tag, style);
        }
        self.pending.text.push_str(text);
    }

    /// Equal text when both sides have the same, a deletion and an insertion otherwise.
    /// Where both sides have their place (`both`: not after a paragraph only one side
    /// has), whitespace of another length (one more blank line, another indent, a final
    /// newline) is form, not a change, and is marked style.
    fn push_pair(&mut self, text: Pair<&str>, both: bool) {
        if text.left == text.right {
            self.push(Tag::Equal, false, text.left);
        } else {
            let form = both && text.left.trim().is_empty() && text.right.trim().is_empty();
            self.push(Tag::Delete, form, text.left);
            self.push(Tag::Insert, form, text.right);
        }
    }
}
