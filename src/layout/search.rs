//! Finding text in laid-out rows, ignoring case.

use std::ops::Range;

use super::{Cell, Layout};

/// A character folded for comparison: its first lowercase character, so folding never
/// changes how many characters a text has and positions map straight back.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Byte ranges of `text` where `query` occurs, ignoring case; matches do not overlap.
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
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

/// The text a cell shows.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Filler => String::new(),
        Cell::Text { segments, .. } => segments.iter().map(|s| s.text.as_str()).collect(),
    }
}

impl Layout {
    /// Rows where either side shows `query`, ignoring case.
    pub fn rows_matching(&self, query: &str) -> Vec<usize> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                [&row.cells.left, &row.cells.right]
                    .iter()
                    .any(|cell| !find(&cell_text(cell), query).is_empty())
            })
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
