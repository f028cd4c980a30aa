//! The document model the engine compares: one version's text and where its paragraphs
//! are, built the same way from a plain text, a list of paragraphs or a story's reports.

use std::ops::Range;

use crate::story::Story;
use crate::text::split_paragraphs;

/// One version of a text: the text and the byte ranges of its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub text: String,
    pub paras: Vec<Range<usize>>,
}

impl Doc {
    /// No text: what a report that is not there compares as.
    pub const EMPTY: Doc = Doc {
        text: String::new(),
        paras: Vec::new(),
    };

    /// A plain text, split into paragraphs as the plain-text loader does.
    pub fn from_text(text: impl Into<String>) -> Self {
        let text = text.into();
        let paras = split_paragraphs(&text);
        Doc { text, paras }
    }

    /// Paragraphs joined with blank lines, each keeping its own range.
    pub fn from_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> Self {
        // Sized once: a long story's report grown by doubling was copied a dozen times
        // and held up to twice its size.
        let size = paragraphs.iter().map(|p| p.as_ref().len() + 2).sum();
        let mut text = String::with_capacity(size);
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

    /// Paragraph `i`, or `None` past the last. Ranges are built from the text, so a
    /// paragraph that exists always slices.
    pub fn para(&self, i: usize) -> Option<&str> {
        self.text.get(self.paras.get(i)?.clone())
    }

    /// Every paragraph's text, in order.
    pub fn paragraphs(&self) -> Vec<&str> {
        (0..self.paras.len()).filter_map(|i| self.para(i)).collect()
    }

    /// Text from the start of paragraph `range.start` to the end of `range.end - 1`
    /// (empty for an empty range).
    pub(super) fn slice(&self, range: &Range<usize>) -> &str {
        match (
            self.paras.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.paras.get(e)),
        ) {
            (Some(a), Some(z)) => self.text.get(a.start..z.end).unwrap_or_default(),
            _ => "",
        }
    }

    /// The whitespace after paragraph `i` (up to the next paragraph or the end).
    pub(super) fn separator_after(&self, i: usize) -> &str {
        let start = self.paras.get(i).map_or(0, |r| r.end);
        let end = self.paras.get(i + 1).map_or(self.text.len(), |r| r.start);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Whatever comes before the first paragraph.
    pub(super) fn prefix(&self) -> &str {
        let end = self.paras.first().map_or(self.text.len(), |r| r.start);
        self.text.get(..end).unwrap_or_default()
    }
}

/// Each report of `story` as a document, in the story's order.
pub fn docs(story: &Story) -> Vec<Doc> {
    story
        .reports
        .iter()
        .map(|r| Doc::from_paragraphs(&r.body))
        .collect()
}
