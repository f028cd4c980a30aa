//! Blocks, the unit of the side-by-side view, and the one rule for which of a block's
//! spans are changes a reader sees and how those changes are numbered: the reader's
//! `n`/`N`, `stats` and `diff --format json` all count hunks here.

use std::ops::Range;

use serde::Serialize;

use super::span::{Span, SpanWords, Tag};
use crate::side::{Pair, Side};

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
    #[serde(rename = "moved")]
    MovedOut,
    /// A right paragraph whose counterpart sits elsewhere on the left.
    #[serde(rename = "moved")]
    MovedIn,
    LeftOnly,
    RightOnly,
}

impl Kind {
    /// The side a moved or one-sided block shows, `None` for a block showing both.
    pub fn only_side(self) -> Option<Side> {
        match self {
            Kind::MovedOut | Kind::LeftOnly => Some(Side::Left),
            Kind::MovedIn | Kind::RightOnly => Some(Side::Right),
            _ => None,
        }
    }

    pub fn is_moved(self) -> bool {
        matches!(self, Kind::MovedOut | Kind::MovedIn)
    }
}

/// A unit of the side-by-side view: paragraphs that face each other, or one side's
/// paragraphs facing nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    /// Paragraph indexes on each side (empty on a side the block does not show).
    pub paras: Pair<Range<usize>>,
    /// Word diff of the block's text; for a moved block, of the paragraph and its
    /// counterpart, so each side shows its half in its own place.
    pub spans: Vec<Span>,
    /// The hunk (change number, from 0 over the whole comparison) of each span that is a
    /// shown change; `None` for the others.
    pub hunks: Vec<Option<usize>>,
    /// For a moved block, the index of its counterpart block.
    pub partner: Option<usize>,
    /// Words in the spans, by tag, counted once when the block is filled.
    pub words: SpanWords,
}

impl Block {
    pub fn new(kind: Kind, paras: Pair<Range<usize>>) -> Block {
        Block {
            kind,
            paras,
            spans: Vec::new(),
            hunks: Vec::new(),
            partner: None,
            words: SpanWords::default(),
        }
    }

    pub fn shows(&self, side: Side) -> bool {
        !self.paras[side].is_empty()
    }

    /// True for a span that is a change this block shows: a moved block shows only its
    /// own side's half of the diff against its counterpart.
    pub fn shows_change(&self, span: &Span) -> bool {
        span.is_change()
            && match self.kind {
                Kind::MovedOut => span.tag == Tag::Delete,
                Kind::MovedIn => span.tag == Tag::Insert,
                _ => true,
            }
    }

    /// Real changes this block shows.
    pub fn has_changes(&self) -> bool {
        self.spans.iter().any(|s| self.shows_change(s))
    }
}

/// Numbers the shown changes of every block in reading order and returns how many there
/// are. A hunk is a maximal run of shown changes inside one block: equal text ends it,
/// style-only differences neither belong to it nor end it.
pub(crate) fn number_hunks(blocks: &mut [Block]) -> usize {
    let mut next = 0;
    for block in blocks {
        let mut open = false;
        let hunks = block
            .spans
            .iter()
            .map(|span| {
                if block.shows_change(span) {
                    if !open {
                        next += 1;
                        open = true;
                    }
                    Some(next - 1)
                } else {
                    if span.tag == Tag::Equal {
                        open = false;
                    }
                    None
                }
            })
            .collect();
        block.hunks = hunks;
    }
    next
}

/// Differences normalisation hides, counted as `number_hunks` counts changes: maximal
/// runs of style spans inside a block, a moved pair counted once.
pub(super) fn count_style_hunks(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| b.kind != Kind::MovedIn)
        .map(|b| {
            let mut runs = 0;
            let mut open = false;
            for span in &b.spans {
                if span.style {
                    runs += usize::from(!open);
                    open = true;
                } else if span.tag == Tag::Equal {
                    open = false;
                }
            }
            runs
        })
        .sum()
}
