//! Spans, the engine's output: runs of equal, deleted and inserted text that rebuild
//! both versions exactly, and the word counts they carry.

use compact_str::CompactString;
use serde::Serialize;

use super::stats::dice;
use crate::side::Side;

/// What a piece of text is in a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Equal,
    Delete,
    Insert,
}

impl Tag {
    /// The tag of text only `side` has.
    pub fn only_on(side: Side) -> Tag {
        match side {
            Side::Left => Tag::Delete,
            Side::Right => Tag::Insert,
        }
    }

    /// The tag of text only the other side has.
    fn for_other(side: Side) -> Tag {
        Tag::only_on(side.other())
    }
}

/// A run of text with one tag. `style` marks a delete or insert that house-style
/// normalisation counts as equal: it is kept so both texts rebuild exactly, but it is
/// not a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    #[serde(rename = "op")]
    pub tag: Tag,
    /// Held inline up to 24 bytes, as most spans are a few words: a reader holding a long
    /// story's spans needs one allocation for few of them.
    pub text: CompactString,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub style: bool,
}

impl Span {
    pub fn new(tag: Tag, text: impl Into<CompactString>) -> Self {
        Span {
            tag,
            text: text.into(),
            style: false,
        }
    }

    /// True for deletes and inserts that are real changes (not style).
    pub fn is_change(&self) -> bool {
        self.tag != Tag::Equal && !self.style
    }

    /// Part of `side`'s text: deletions and equal text on the left, insertions and equal
    /// text on the right.
    pub fn on(&self, side: Side) -> bool {
        self.tag != Tag::for_other(side)
    }
}

/// Appends `text` with this tag and style, joined to the last span when tag and style
/// agree. It takes the text borrowed: the word diff hands it a token at a time, and a
/// span made for each only to be joined was an allocation per token.
pub fn push_text(spans: &mut Vec<Span>, tag: Tag, style: bool, text: &str) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.tag == tag && last.style == style => last.text.push_str(text),
        _ => spans.push(Span {
            tag,
            text: CompactString::from(text),
            style,
        }),
    }
}

/// The text of `side` that a span list rebuilds.
pub fn rebuild(spans: &[Span], side: Side) -> String {
    spans
        .iter()
        .filter(|s| s.on(side))
        .map(|s| s.text.as_str())
        .collect()
}

/// Word counts of a span list by tag; style spans count apart from changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpanWords {
    pub equal: usize,
    pub deleted: usize,
    pub inserted: usize,
    pub style_deleted: usize,
    pub style_inserted: usize,
}

impl SpanWords {
    /// Counts the words of spans by tokenising them again: the oracle for the counts
    /// the word diff keeps as it goes.
    #[cfg(test)]
    pub fn of(spans: &[Span]) -> Self {
        let mut w = SpanWords::default();
        for span in spans {
            w.add(span.tag, span.style, crate::text::count_words(&span.text));
        }
        w
    }

    /// Adds `n` words of a span with this tag and style.
    pub fn add(&mut self, tag: Tag, style: bool, n: usize) {
        let slot = match (tag, style) {
            (Tag::Equal, _) => &mut self.equal,
            (Tag::Delete, false) => &mut self.deleted,
            (Tag::Insert, false) => &mut self.inserted,
            (Tag::Delete, true) => &mut self.style_deleted,
            (Tag::Insert, true) => &mut self.style_inserted,
        };
        *slot += n;
    }

    /// Words of `side`'s text.
    pub fn on(&self, side: Side) -> usize {
        match side {
            Side::Left => self.equal + self.deleted + self.style_deleted,
            Side::Right => self.equal + self.inserted + self.style_inserted,
        }
    }

    /// Words in common, a style difference being the same word spelled otherwise.
    pub fn common(&self) -> usize {
        self.equal + self.style_deleted.min(self.style_inserted)
    }

    /// Share of words in common: 2·common / (left + right); 1 for two empty texts.
    pub fn similarity(&self) -> f64 {
        dice(self.common(), self.on(Side::Left) + self.on(Side::Right))
    }
}
