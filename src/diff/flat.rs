//! The comparison as one flat run of spans, the form `diverge diff` prints: it rebuilds
//! both inputs byte for byte, separators between paragraphs included.

use super::block::Block;
use super::doc::Doc;
use super::span::{Span, Tag, push_span};
use crate::side::{Pair, Side};

/// The whole comparison as one run of spans that rebuilds both texts exactly: a moved
/// paragraph is deleted in its left place and inserted in its right place, and the
/// whitespace between paragraphs is kept.
pub fn flat_ops(blocks: &[Block], docs: Pair<&Doc>) -> Vec<Span> {
    let mut out = Vec::new();
    push_pair(&mut out, Pair::from_fn(|side| docs[side].prefix()));
    for block in blocks {
        match block.kind.only_side() {
            Some(side) => push_span(
                &mut out,
                Span::new(Tag::only_on(side), docs[side].slice(&block.paras[side])),
            ),
            None => {
                for span in &block.spans {
                    push_span(&mut out, span.clone());
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
        push_pair(&mut out, separators);
    }
    out
}

/// Equal text when both sides have the same, a deletion and an insertion otherwise.
fn push_pair(out: &mut Vec<Span>, text: Pair<&str>) {
    if text.left == text.right {
        push_span(out, Span::new(Tag::Equal, text.left));
    } else {
        push_span(out, Span::new(Tag::Delete, text.left));
        push_span(out, Span::new(Tag::Insert, text.right));
    }
}
