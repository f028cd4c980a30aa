//! Display widths in terminal cells, counted the way ratatui's buffer counts them, so a
//! row measured here never overflows the pane it is drawn in.

use std::borrow::Cow;

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

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Parts of an emoji sequence that terminals disagree about: the joiner (one emoji or
/// several), the emoji presentation selector, skin tones and tag characters.
fn is_sequence_part(c: char) -> bool {
    matches!(c,
        '\u{200D}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

fn is_emoji(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}')
}

/// `text` with every emoji sequence whose width terminals disagree on made unambiguous:
/// a flag (a pair of regional indicators) becomes its letters in brackets, `[KR]`, and a
/// joined, toned or selected emoji becomes its plain emoji. Terminals draw these
/// sequences one, two or four cells wide, and any cell count the layout assumes is then
/// wrong somewhere, leaving stray cells on screen.
pub fn unambiguous(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_regional_indicator(c) || is_sequence_part(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for g in text.graphemes(true) {
        if g.chars().any(is_regional_indicator) {
            out.push('[');
            for c in g.chars().filter(|&c| is_regional_indicator(c)) {
                let letter = u32::from(c) - 0x1F1E6 + u32::from(b'A');
                out.push(char::from_u32(letter).unwrap_or('?'));
            }
            out.push(']');
        } else if g.chars().any(is_emoji) {
            out.extend(g.chars().filter(|&c| !is_sequence_part(c)));
        } else {
            out.push_str(g);
        }
    }
    Cow::Owned(out)
}

/// Cells `text` takes on one line.
pub fn cell_width(text: &str) -> usize {
    let mut cells = 0;
    for_each_stretch(text, |stretch, ascii| {
        cells += if ascii {
            stretch.bytes().map(ascii_width).sum()
        } else {
            stretch.graphemes(true).map(grapheme_width).sum::<usize>()
        };
        true
    });
    cells
}

/// Cuts `text` where a grapheme boundary is certain whatever the rules say about the
/// characters around it, between two ASCII bytes (but inside a CR LF), and hands `f`
/// each piece in order with whether it is all ASCII, until `f` returns false. News text
/// is ASCII but for a quotation mark or a dash here and there: only the few bytes around
/// those are read as graphemes (an ASCII letter can take a combining accent after it,
/// or a prepended mark before it), the rest a byte at a time.
fn for_each_stretch(text: &str, mut f: impl FnMut(&str, bool) -> bool) {
    let bytes = text.as_bytes();
    let certain = |at: usize| match (at.checked_sub(1).and_then(|p| bytes.get(p)), bytes.get(at)) {
        (Some(&a), Some(&b)) => a.is_ascii() && b.is_ascii() && (a, b) != (b'\r', b'\n'),
        _ => true,
    };
    let mut start = 0;
    while start < bytes.len() {
        let Some(wide) = bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|b| !b.is_ascii()))
            .map(|i| start + i)
        else {
            f(text.get(start..).unwrap_or_default(), true);
            return;
        };
        // The mixed piece starts at the last certain boundary before the first non-ASCII
        // byte and ends at the first one after it where ASCII follows ASCII again.
        let from = (start..=wide)
            .rev()
            .find(|&at| certain(at))
            .unwrap_or(start);
        let mut to = wide + 1;
        while to < bytes.len() && !certain(to) {
            to += 1;
        }
        let ascii = text.get(start..from).unwrap_or_default();
        if !ascii.is_empty() && !f(ascii, true) {
            return;
        }
        if !f(text.get(from..to).unwrap_or_default(), false) {
            return;
        }
        start = to;
    }
}

/// Cells an ASCII character takes: in ASCII every character is a grapheme of its own
/// (but CR LF, both of which take none), so widths are counted a byte at a time,
/// several times faster than by graphemes: most news text is ASCII.
fn ascii_width(b: u8) -> usize {
    usize::from(!b.is_ascii_control())
}

/// The longest prefix of `text` that fits in `width` cells, and its width.
pub fn fit(text: &str, width: usize) -> (&str, usize) {
    let (mut used, mut end) = (0, 0);
    for_each_stretch(text, |stretch, ascii| {
        let (part, cells) = if ascii {
            fit_ascii(stretch, width - used)
        } else {
            fit_graphemes(stretch, width - used)
        };
        used += cells;
        end += part.len();
        part.len() == stretch.len()
    });
    (text.get(..end).unwrap_or_default(), used)
}

/// [`fit`] for ASCII text, a byte at a time.
fn fit_ascii(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for b in text.bytes() {
        let w = ascii_width(b);
        if used + w > width {
            break;
        }
        used += w;
        end += 1;
    }
    (text.get(..end).unwrap_or_default(), used)
}

/// [`fit`] for any text, a grapheme at a time.
fn fit_graphemes(text: &str, width: usize) -> (&str, usize) {
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
    fn emoji_sequences_become_unambiguous() {
        assert_eq!(unambiguous("Seoul 🇰🇷 and 🇨🇳"), "Seoul [KR] and [CN]");
        assert_eq!(
            unambiguous("👍🏽 ❤\u{FE0F} 👨\u{200D}👩\u{200D}👧"),
            "👍 ❤ 👨👩👧"
        );
        assert!(matches!(unambiguous("👍 🤝 이재명"), Cow::Borrowed(_)));
        // A joiner inside other scripts shapes letters and stays.
        assert_eq!(unambiguous("क\u{94D}\u{200D}ष"), "क\u{94D}\u{200D}ष");
    }

    proptest::proptest! {
        /// Text mixing ASCII with what joins it into one grapheme: combining accents and
        /// marks after a letter, a prepended mark before one, joined emoji, flags, CR LF,
        /// wide characters and controls.
        #[test]
        fn mixed_text_is_measured_as_its_graphemes_are(
            text in "[a1#\r\n .\u{20E3}\u{1}\u{301}\u{600}\u{93F}\u{200D}\u{FE0F}\u{FF9E}\u{1F1F0}\u{1F1F7}👍이é”]{0,40}",
            width in 0usize..50,
        ) {
            let by_graphemes: usize = text.graphemes(true).map(grapheme_width).sum();
            proptest::prop_assert_eq!(cell_width(&text), by_graphemes);
            proptest::prop_assert_eq!(fit(&text, width), fit_graphemes(&text, width));
        }

        #[test]
        fn ascii_is_measured_as_its_graphemes_are(text in "[\\x00-\\x7f]{0,40}", width in 0usize..50) {
            let by_graphemes: usize = text.graphemes(true).map(grapheme_width).sum();
            proptest::prop_assert_eq!(cell_width(&text), by_graphemes);
            proptest::prop_assert_eq!(fit(&text, width), fit_graphemes(&text, width));
        }
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Straits Times", 8), "Straits…");
        assert_eq!(truncate("Reuters", 8), "Reuters");
        assert_eq!(truncate("Reuters", 0), "");
    }
}
