//! Display widths in terminal cells, counted the way ratatui's buffer counts them, so a
//! row measured here never overflows the pane it is drawn in.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Cells one grapheme takes. Graphemes with control characters are dropped by the
/// buffer, so they take none; halfwidth sound marks are drawn in a cell of their own
/// even though Unicode calls them combining.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        return 0;
    }
    let marks = g
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    g.width().saturating_add(marks)
}

/// Cells `text` takes on one line.
pub fn cell_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// The longest prefix of `text` that fits in `width` cells, and its width.
pub fn fit(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for (i, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > width {
            break;
        }
        used += w;
        end = i + g.len();
    }
    (text.get(..end).unwrap_or_default(), used)
}

/// `text` cut to `width` cells, ending in an ellipsis when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if cell_width(text) <= width {
        return text.to_string();
    }
    let (head, _) = fit(text, width.saturating_sub(1));
    let mut out = head.trim_end().to_string();
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_combining_characters_are_counted_in_cells() {
        assert_eq!(cell_width("이재명"), 6);
        assert_eq!(cell_width("e\u{301}"), 1);
        assert_eq!(cell_width("abc"), 3);
    }

    #[test]
    fn fit_never_splits_a_wide_character() {
        assert_eq!(fit("이재명", 3), ("이", 2));
        assert_eq!(fit("이재명", 1), ("", 0));
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Straits Times", 8), "Straits…");
        assert_eq!(truncate("Reuters", 8), "Reuters");
        assert_eq!(truncate("Reuters", 0), "");
    }
}
