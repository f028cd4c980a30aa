//! Line breaking: where a line of text breaks to fit a width. textwrap finds the break
//! opportunities (Unicode line-break rules, so CJK can break between characters) and
//! places the breaks; widths are measured in buffer cells by [`super::width`]. Korean
//! is written with spaces between words, so it breaks at spaces like Latin text: only
//! Chinese and Japanese break between characters.

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
    for (word, end) in words(line) {
        split_long(line, word, end, width, &mut pieces);
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

/// Korean syllables and jamo: the line-break rules allow a break between any two, but
/// Korean breaks at spaces.
fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7FF}')
}

/// The words of `line` with where the spaces after each end, as byte offsets: textwrap's
/// break opportunities, less those between two Hangul characters.
fn words(line: &str) -> Vec<(Range<usize>, usize)> {
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    for (start, word_end, end) in break_runs(line) {
        let joins = |(prev, _): &(Range<usize>, usize)| {
            prev.end == start
                && line
                    .get(prev.clone())
                    .and_then(|p| p.chars().last())
                    .is_some_and(is_hangul)
                && line
                    .get(start..word_end)
                    .and_then(|w| w.chars().next())
                    .is_some_and(is_hangul)
        };
        match out.last_mut() {
            Some(last) if joins(last) => *last = (last.0.start..word_end, end),
            _ => out.push((start..word_end, end)),
        }
    }
    out
}

/// The runs of `line` between break opportunities, as (start, end of the word, end of the
/// spaces after it): what textwrap's `UnicodeBreakProperties` separator finds, without
/// the copy of the line it strips of ANSI sequences and the width it measures of every
/// word, which the layout measures its own way (a line here has no escape sequence:
/// its text went through [`crate::visible::visible`]; one that has is left to textwrap).
fn break_runs(line: &str) -> Vec<(usize, usize, usize)> {
    if line.contains('\u{1b}') {
        let mut offset = 0;
        return WordSeparator::UnicodeBreakProperties
            .find_words(line)
            .map(|word| {
                let start = offset;
                offset = start + word.word.len() + word.whitespace.len();
                (start, start + word.word.len(), offset)
            })
            .collect();
    }
    // As textwrap does: no break after a hyphen or a soft hyphen (its word splitter's
    // business); the last opportunity left is dropped, and the rest of the line after
    // the others is the last run.
    let mut ends: Vec<usize> = unicode_linebreak::linebreaks(line)
        .map(|(at, _)| at)
        .filter(|&at| {
            !line
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_some_and(|c| matches!(c, '-' | '\u{AD}'))
        })
        .collect();
    ends.pop();
    ends.retain(|&at| at < line.len());
    if ends
        .last()
        .map_or(!line.is_empty(), |&last| last < line.len())
    {
        ends.push(line.len());
    }
    let mut start = 0;
    ends.into_iter()
        .map(|end| {
            let run = line.get(start..end).unwrap_or_default();
            let piece = (start, start + run.trim_end_matches(' ').len(), end);
            start = end;
            piece
        })
        .collect()
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
    fn korean_breaks_at_spaces_chinese_between_characters() {
        assert_eq!(
            lines("이재명 대통령실이 밝혔다", 12),
            ["이재명", "대통령실이", "밝혔다"]
        );
        assert_eq!(lines("习近平主席", 6), ["习近平", "主席"]);
    }

    /// textwrap's own runs, the reference for [`break_runs`].
    fn textwrap_runs(line: &str) -> Vec<(usize, usize, usize)> {
        let mut offset = 0;
        WordSeparator::UnicodeBreakProperties
            .find_words(line)
            .map(|word| {
                let start = offset;
                offset = start + word.word.len() + word.whitespace.len();
                (start, start + word.word.len(), offset)
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn breaks_are_found_where_textwrap_finds_them(
            line in "[a1 ,.;:!?'\"()\\[\\]{}/%$+#&*_|\t\u{AD}\u{A0}\u{2014}\u{201C}\u{201D}-이재习近]{0,30}",
        ) {
            proptest::prop_assert_eq!(break_runs(&line), textwrap_runs(&line));
        }
    }

    #[test]
    fn a_line_with_an_escape_sequence_is_left_to_textwrap() {
        let line = "red \u{1b}[31mtext\u{1b}[0m here";
        assert_eq!(break_runs(line), textwrap_runs(line));
    }

    #[test]
    fn empty_and_blank_lines_give_one_row() {
        assert_eq!(lines("", 10), [""]);
        assert_eq!(wrap("   ", 10).len(), 1);
    }
}
