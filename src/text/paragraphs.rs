//! Paragraphs of a plain text, the unit both the loaders and the engine work in.

use std::ops::Range;

/// Byte ranges of the paragraphs of a plain text: split on blank lines, or on every
/// newline when the text has no blank line. Ranges exclude the surrounding whitespace.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let has_blank_line = text.trim().lines().any(|line| line.trim().is_empty());
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + content.trim_end().len();
            if !has_blank_line {
                if let Some(s) = start.take() {
                    out.push(s..end);
                }
            }
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        split_paragraphs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            paras("One line\nsame para.\n\n  Two.  \n\n\nThree.\n"),
            vec!["One line\nsame para.", "Two.", "Three."]
        );
    }

    #[test]
    fn single_newlines_separate_when_no_blank_line() {
        assert_eq!(
            paras("One.\r\nTwo.\nThree."),
            vec!["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn whitespace_only_text_has_no_paragraphs() {
        assert!(paras(" \n\n \t").is_empty());
    }
}
