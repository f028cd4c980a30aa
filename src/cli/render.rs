//! Text renderings of a flat diff: wdiff-style markers and ANSI styles.

use crate::diff::{Span, Tag};
use crate::visible::visible;

/// How `--format ansi` marks changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ansi {
    /// Colours plus attributes: red struck-through deletions, green underlined insertions.
    Colour,
    /// Attributes only, for NO_COLOR and monochrome terminals.
    Attributes,
}

/// wdiff-style text: `[-deleted-]{+inserted+}`. A style-only difference is shown as the
/// right-hand text, unmarked.
pub fn plain(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        plain_span(span, &mut out);
    }
    out
}

/// Appends one span of [`plain`] text to `out`.
pub fn plain_span(span: &Span, out: &mut String) {
    let text = visible(&span.text);
    match (span.tag, span.style) {
        (Tag::Equal, _) | (Tag::Insert, true) => out.push_str(&text),
        (Tag::Delete, true) => {}
        (Tag::Delete, false) => {
            out.push_str("[-");
            out.push_str(&text);
            out.push_str("-]");
        }
        (Tag::Insert, false) => {
            out.push_str("{+");
            out.push_str(&text);
            out.push_str("+}");
        }
    }
}

/// Text with SGR styles. Styles are closed before every newline so a pager or a
/// terminal never carries a colour into the next line.
pub fn ansi(spans: &[Span], mode: Ansi) -> String {
    let mut out = String::new();
    for span in spans {
        ansi_span(span, mode, &mut out);
    }
    out
}

/// Appends one span of [`ansi`] text to `out`.
pub fn ansi_span(span: &Span, mode: Ansi, out: &mut String) {
    let (del, ins) = match mode {
        Ansi::Colour => ("\x1b[31;9m", "\x1b[32;4m"),
        Ansi::Attributes => ("\x1b[9m", "\x1b[4;1m"),
    };
    let text = visible(&span.text);
    let style = match (span.tag, span.style) {
        (Tag::Equal, _) | (Tag::Insert, true) => None,
        (Tag::Delete, true) => return,
        (Tag::Delete, false) => Some(del),
        (Tag::Insert, false) => Some(ins),
    };
    match style {
        None => out.push_str(&text),
        Some(sgr) => {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if !line.is_empty() {
                    out.push_str(sgr);
                    out.push_str(line);
                    out.push_str("\x1b[0m");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans() -> Vec<Span> {
        vec![
            Span::new(Tag::Equal, "on "),
            Span::new(Tag::Delete, "Tuesday"),
            Span::new(Tag::Insert, "June 10"),
            Span::new(Tag::Equal, " to\n"),
            Span {
                style: true,
                ..Span::new(Tag::Delete, "Mr ")
            },
            Span::new(Tag::Equal, "Lee\u{1b}[2J"),
        ]
    }

    #[test]
    fn plain_reads_like_wdiff_and_hides_style() {
        assert_eq!(
            plain(&spans()),
            "on [-Tuesday-]{+June 10+} to\nLee\u{241b}[2J"
        );
    }

    #[test]
    fn ansi_marks_with_attributes_and_escapes_input() {
        let out = ansi(&spans(), Ansi::Attributes);
        assert_eq!(
            out,
            "on \x1b[9mTuesday\x1b[0m\x1b[4;1mJune 10\x1b[0m to\nLee\u{241b}[2J"
        );
    }
}
