//! Finding text in laid-out rows, ignoring case. A paragraph's wrapped rows are searched
//! as the one text they are, so a phrase that wraps from one row to the next is found.

use std::ops::Range;

use super::{Cell, Layout};
use crate::side::Side;

/// A character folded for comparison: its first lowercase character, so folding never
/// changes how many characters a text has and positions map straight back.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Byte ranges of `text` where `query` occurs, ignoring case; matches do not overlap.
fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    if text.is_ascii() && query.is_ascii() {
        return find_lowered(&text.to_ascii_lowercase(), &query.to_ascii_lowercase());
    }
    match fold_keeping_positions(text) {
        Some(folded) => find_lowered(&folded, &query.chars().map(fold).collect::<String>()),
        None => find_folded(text, query),
    }
}

/// `text` with every character folded, when no fold changes a character's byte length
/// (nearly all text): then a byte position in it is the same position in `text`, and a
/// plain substring search, many times faster than comparing folded characters, serves.
fn fold_keeping_positions(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let folded = fold(c);
        if folded.len_utf8() != c.len_utf8() {
            return None;
        }
        out.push(folded);
    }
    Some(out)
}

/// Occurrences of `query` in `text`, both folded alike.
fn find_lowered(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    text.match_indices(query)
        .map(|(at, hit)| at..at + hit.len())
        .collect()
}

fn find_folded(text: &str, query: &str) -> Vec<Range<usize>> {
    let query: Vec<char> = query.chars().map(fold).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let mut next = 0;
    for (i, window) in chars.windows(query.len()).enumerate() {
        if i < next || !window.iter().zip(&query).all(|(&(_, c), &q)| fold(c) == q) {
            continue;
        }
        if let (Some(&(start, _)), Some(&(last, c))) = (window.first(), window.last()) {
            out.push(start..last + c.len_utf8());
            next = i + query.len();
        }
    }
    out
}

/// One occurrence of a query: the part of each row it covers, first row first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub side: Side,
    /// (row, byte range of that row's cell text).
    pub pieces: Vec<(usize, Range<usize>)>,
}

impl Match {
    /// The row the match starts on.
    pub fn row(&self) -> usize {
        self.pieces.first().map_or(0, |(row, _)| *row)
    }

    /// Byte ranges this match covers in `side`'s cell of `row`.
    pub fn on(&self, row: usize, side: Side) -> impl Iterator<Item = &Range<usize>> {
        self.pieces
            .iter()
            .filter(move |(r, _)| *r == row && self.side == side)
            .map(|(_, range)| range)
    }
}

impl Layout {
    /// Every occurrence of `query` on either side, ignoring case, in reading order. The
    /// rows of one block are joined with a space where the wrap dropped one.
    pub fn search(&self, query: &str) -> Vec<Match> {
        let sides: &[Side] = if self.view.has_two_panes() {
            &Side::BOTH
        } else {
            &[Side::Left]
        };
        let mut out = Vec::new();
        for &side in sides {
            let mut start = 0;
            while start < self.rows.len() {
                let block = self.rows.get(start).map(|r| r.block);
                let end = (start..self.rows.len())
                    .find(|&i| self.rows.get(i).map(|r| r.block) != block)
                    .unwrap_or(self.rows.len());
                self.search_rows(start..end, side, query, &mut out);
                start = end;
            }
        }
        out.sort_by_key(|m| (m.row(), m.side == Side::Right));
        out
    }

    /// Matches of `query` in `side`'s text of `rows`, one block's rows.
    fn search_rows(&self, rows: Range<usize>, side: Side, query: &str, out: &mut Vec<Match>) {
        let mut joined = String::new();
        let mut lines = Vec::new();
        for row in rows {
            let Some(Cell::Text { segments, .. }) = self.rows.get(row).map(|r| &r.cells[side])
            else {
                continue;
            };
            if segments.is_empty() {
                continue;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            let at = joined.len();
            joined.extend(segments.iter().map(|s| s.text.as_str()));
            lines.push((row, at..joined.len()));
        }
        for hit in find(&joined, query) {
            let pieces = lines
                .iter()
                .filter(|(_, line)| line.start < hit.end && hit.start < line.end)
                .map(|(row, line)| {
                    let from = hit.start.max(line.start) - line.start;
                    (*row, from..hit.end.min(line.end) - line.start)
                })
                .collect();
            out.push(Match { side, pieces });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_fast_paths_find_what_folding_each_character_finds(
            text in "[aAbBéÉ’İΣς .]{0,40}",
            query in "[aAbBéÉİΣσ .]{0,4}",
        ) {
            proptest::prop_assert_eq!(find(&text, &query), find_folded(&text, &query));
        }
    }

    #[test]
    fn finds_every_occurrence_ignoring_case() {
        assert_eq!(find("Lee met Xi; lee left", "LEE"), [0..3, 12..15]);
        assert_eq!(find("aaaa", "aa"), [0..2, 2..4]);
        assert_eq!(
            find("이재명 대통령", "대통령"),
            vec![Range { start: 10, end: 19 }]
        );
        assert!(find("abc", "").is_empty());
        assert!(find("ab", "abc").is_empty());
    }
}
