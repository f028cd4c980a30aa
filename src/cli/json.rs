//! The JSON shapes of the command line's outputs that are not the engine's own types.

use std::ops::Range;

use serde::Serialize;

use crate::diff::{Comparison, Kind};

/// A ratio rounded to three decimals, as the JSON outputs give it.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// One entry of the paragraph table in `diverge diff --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphEntry {
    pub left: Option<Indexes>,
    pub right: Option<Indexes>,
    pub kind: Kind,
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

/// The paragraph table of a comparison; a moved pair is one entry, in its left place.
pub fn paragraph_entries(comparison: &Comparison) -> Vec<ParagraphEntry> {
    comparison
        .blocks
        .iter()
        .filter(|b| b.kind != Kind::MovedIn)
        .map(|b| {
            let right = match b.kind {
                Kind::MovedOut => b
                    .partner
                    .and_then(|p| comparison.blocks.get(p))
                    .map_or(0..0, |p| p.paras.right.clone()),
                _ => b.paras.right.clone(),
            };
            ParagraphEntry {
                left: Indexes::of(&b.paras.left),
                right: Indexes::of(&right),
                kind: b.kind,
                similarity: round3(b.words.similarity()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{Doc, Options, compare};

    #[test]
    fn a_split_paragraph_lists_its_pieces_and_a_move_is_one_entry() {
        let a = "Lee and Xi spoke by phone on Tuesday about trade and security.";
        let b = "China is South Korea's biggest trading partner by a wide margin.";
        let c = "The call lasted thirty minutes, the presidential office said.";
        let d = "Analysts expect a summit in Gyeongju later in the year.";
        let joined = format!("{a} {b}");
        let split = compare(
            &Doc::from_paragraphs(&[joined.as_str(), c]),
            &Doc::from_paragraphs(&[a, b, c]),
            &Options::default(),
        );
        let entries = paragraph_entries(&split);
        assert_eq!(entries[0].right, Some(Indexes::Many(vec![0, 1])));
        let json = serde_json::to_string(&entries[0]).unwrap_or_default();
        assert!(json.contains(r#""kind":"split""#), "{json}");

        let moved = compare(
            &Doc::from_paragraphs(&[a, b, c, d]),
            &Doc::from_paragraphs(&[b, c, d, a]),
            &Options::default(),
        );
        let entries = paragraph_entries(&moved);
        assert_eq!(entries.len(), 4);
        assert_eq!(entries[0].left, Some(Indexes::One(0)));
        assert_eq!(entries[0].right, Some(Indexes::One(3)));
        let json = serde_json::to_string(&entries[0]).unwrap_or_default();
        assert!(json.contains(r#""kind":"moved""#), "{json}");
    }
}
