//! Line breaking: where a line of text breaks to fit a width. textwrap finds the break
//! opportunities (Unicode line-break rules, so CJK can break between characters) and
//! places the breaks; widths are measured in buffer cells by [`super::width`].

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

use super::width::{cell_width, grapheme_width};

/// A word and the spaces after it, as byte ranges of the line.
#[derive(Debug)]
struct Piece {
    word: Range<usize>,
    width: usize,
    space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Byte ranges of `line` (which holds no newline), one per display line, each at most
/// `width` cells wide. Spaces at a break are left out; a word wider than the line is
/// cut between graphemes. An empty line gives one empty range.
pub fn wrap(line: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut pieces = Vec::new();
    let mut offset = 0;
    for word in WordSeparator::UnicodeBreakProperties.find_words(line) {
        let start = offset;
        let word_end = start + word.word.len();
        offset = word_end + word.whitespace.len();
        split_long(line, start..word_end, offset, width, &mut pieces);
    }
    let widths = [width as f64];
    let lines: Vec<Range<usize>> = wrap_first_fit(&pieces, &widths)
        .into_iter()
        .filter_map(|run| Some(run.first()?.word.start..run.last()?.word.end))
        .collect();
    if lines.is_empty() {
        std::iter::once(0..0).collect()
    } else {
        lines
    }
}

/// Pushes `word` (followed by spaces up to `end`) as one piece, or as several when it is
/// wider than `width`.
fn split_long(line: &str, word: Range<usize>, end: usize, width: usize, out: &mut Vec<Piece>) {
    let text = line.get(word.clone()).unwrap_or_default();
    let space = cell_width(line.get(word.end..end).unwrap_or_default());
    let total = cell_width(text);
    if total <= width {
        out.push(Piece {
            word,
            width: total,
            space,
        });
        return;
    }
    let mut start = word.start;
    let mut used = 0;
    for (i, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g);
        let at = word.start + i;
        if used + w > width && at > start {
            out.push(Piece {
                word: start..at,
                width: used,
                space: 0,
            });
            start = at;
            used = 0;
        }
        used += w;
    }
    out.push(Piece {
        word: start..word.end,
        width: used,
        space,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width)
            .into_iter()
            .map(|r| text.get(r).unwrap_or("?"))
            .collect()
    }

    #[test]
    fn breaks_at_spaces_and_drops_them() {
        assert_eq!(
            lines("Lee took office on June 4", 10),
            ["Lee took", "office on", "June 4"]
        );
    }

    #[test]
    fn cuts_words_wider_than_the_line() {
        assert_eq!(lines("denuclearisation", 6), ["denucl", "earisa", "tion"]);
    }

    #[test]
    fn hangul_counts_two_cells_per_syllable() {
        assert_eq!(lines("이재명 대통령", 6), ["이재명", "대통령"]);
        assert_eq!(lines("이재명", 4), ["이재", "명"]);
    }

    #[test]
    fn empty_and_blank_lines_give_one_row() {
        assert_eq!(lines("", 10), [""]);
        assert_eq!(wrap("   ", 10).len(), 1);
    }
}
