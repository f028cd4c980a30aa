use std::path::PathBuf;

/// Why a file could not become a story. Every variant names the file, and a place in it
/// where there is one, so the message fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: invalid UTF-8 at byte offset {offset}")]
    Utf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}:{line}:{column}: duplicate outlet \"{outlet}\" (outlet names must be unique, ignoring case)"
    )]
    DuplicateOutlet {
        path: PathBuf,
        outlet: String,
        line: usize,
        column: usize,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{path}:{line}:1: {reason}")]
    Import {
        path: PathBuf,
        line: usize,
        reason: super::ImportError,
    },
    /// A single text file opened in the reader is read as a breakdown page.
    #[error(
        "{path}: {} in this breakdown page; the reader compares two or more (for plain-text versions, give two files: diverge a.txt b.txt)",
        found_reports(*found)
    )]
    TooFewReports { path: PathBuf, found: usize },
}

fn found_reports(found: usize) -> String {
    match found {
        0 => format!("found no reports ({})", super::import::REPORT_RULE),
        1 => "found 1 report".to_string(),
        n => format!("found {n} reports"),
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}
