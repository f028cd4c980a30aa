//! Plain-text inputs: a file read as UTF-8, and several files read as one story's versions.

use std::path::Path;

use super::{LoadError, Report, Story};
use crate::text::{line_column, split_paragraphs};

/// Reads a whole file as UTF-8 text, refusing empty files.
pub fn read_text_file(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|reason| LoadError::Io {
        path: path.to_path_buf(),
        reason,
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
