//! The words of a paragraph as the fact extractors read them: each word's byte range and
//! whether it opens a sentence or a quotation (where a capital says nothing about names),
//! and what stands between one word and the next.

use std::ops::Range;

use crate::diff::sentences::split_sentences;
use crate::text::{TokenKind, tokenize};

/// One word of a paragraph.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub range: Range<usize>,
    pub text: &'a str,
    /// First word of a sentence or of a quotation.
    pub starts: bool,
}

/// A paragraph cut into words.
pub(super) struct Words<'a> {
    pub text: &'a str,
    pub words: Vec<Word<'a>>,
}

/// What an extractor found: a byte range of the paragraph, the words it covers and the
/// key it is lined up by across reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hit {
    pub range: Range<usize>,
    pub words: Range<usize>,
    pub key: String,
}

/// Words a dateline can hold before the dash that ends it.
const DATELINE_WORDS: usize = 8;

/// Marks that open a quotation.
pub(super) fn opens_quote(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2018}' | '"')
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Words<'a> {
        let sentence_starts: Vec<usize> = split_sentences(text).iter().map(|r| r.start).collect();
        let mut words = Vec::new();
        let mut starts = true;
        for token in tokenize(text) {
            if sentence_starts.contains(&token.range.start) {
                starts = true;
            }
            let piece = text.get(token.range.clone()).unwrap_or_default();
            match token.kind {
                TokenKind::Word => {
                    words.push(Word {
                        range: token.range,
                        text: piece,
                        starts,
                    });
                    starts = false;
                }
                TokenKind::Punct if piece.chars().any(opens_quote) => starts = true,
                // "MADRID, Oct 30 - Flash floods": the story starts after a dateline.
                TokenKind::Punct
                    if words.len() <= DATELINE_WORDS
                        && matches!(piece, "-" | "\u{2013}" | "\u{2014}") =>
                {
                    starts = true;
                }
                _ => {}
            }
        }
        Words { text, words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, i: usize) -> Option<&Word<'a>> {
        self.words.get(i)
    }

    /// The text of word `i`; empty past the end.
    pub fn text_of(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.text)
    }

    /// What stands between word `i` and word `i + 1`; `None` after the last word.
    pub fn gap(&self, i: usize) -> Option<&'a str> {
        let (a, b) = (self.words.get(i)?, self.words.get(i + 1)?);
        self.text.get(a.range.end..b.range.start)
    }

    /// True when only one plain space separates word `i` from the next.
    pub fn spaced(&self, i: usize) -> bool {
        self.gap(i) == Some(" ")
    }

    /// A hit over words `first..=last`.
    pub fn hit(&self, first: usize, last: usize, key: String) -> Option<Hit> {
        let range = self.words.get(first)?.range.start..self.words.get(last)?.range.end;
        Some(Hit {
            range,
            words: first..last + 1,
            key,
        })
    }
}

/// True for a word of ASCII digits only.
pub(super) fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// True for a word that begins with a capital letter.
pub(super) fn capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// What extractor tests compare: each hit's text and key, and a list written as pairs.
#[cfg(test)]
pub(super) mod shown {
    use super::Hit;

    pub fn hits(text: &str, hits: Vec<Hit>) -> Vec<(String, String)> {
        hits.into_iter()
            .map(|h| (text.get(h.range).unwrap_or_default().to_string(), h.key))
            .collect()
    }

    pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }
}
