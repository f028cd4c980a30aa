use std::ops::Range;
use std::path::Path;

use super::error::line_column;
use super::{LoadError, Report, Story};

/// Reads a whole file as UTF-8 text, refusing empty files.
pub fn read_text_file(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid =
            std::str::from_utf8(e.as_bytes().get(..offset).unwrap_or_default()).unwrap_or_default();
        let (line, column) = line_column(valid, offset);
        LoadError::Utf8 {
            path: path.to_path_buf(),
            offset,
            line,
            column,
        }
    })
}

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

/// Two or more plain-text files as one story: each file is an outlet (its file stem).
pub fn load_text_versions(paths: &[&Path]) -> Result<Story, LoadError> {
    let mut reports = Vec::with_capacity(paths.len());
    for path in paths {
        let text = read_text_file(path)?;
        let outlet = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let body = split_paragraphs(&text)
            .into_iter()
            .filter_map(|r| text.get(r).map(str::to_string))
            .collect();
        reports.push(Report::new(outlet, body));
    }
    let story = Story {
        title: reports
            .iter()
            .map(|r| r.outlet.as_str())
            .collect::<Vec<_>>()
            .join(" vs "),
        date: None,
        summary: None,
        source: None,
        reports,
    };
    if let Some((index, outlet)) = story.duplicate_outlet() {
        let path = paths.get(index).copied().unwrap_or(Path::new(""));
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            message: format!(
                "duplicate outlet \"{outlet}\": two files have the same name; rename one"
            ),
        });
    }
    Ok(story)
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
