//! Why a file could not become a story: every error names the file, and a place in it
//! where there is one, so each message fits on one line.

use std::path::PathBuf;

/// Why a file could not become a story. Every variant names the file, and a place in it
/// where there is one, so the message fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    // The reason is part of the message and not a `source`, so an error chain printed
    // in full does not say it twice.
    #[error("{path}: cannot read: {reason}")]
    Io {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error("{path}:{line}:{column}: invalid UTF-8 at byte offset {offset}")]
    Utf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error("{path}: not read: it {reason}")]
    NotText { path: PathBuf, reason: String },
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
    /// A story opened in the reader with nothing to show.
    #[error("{path}: the story has no reports; add reports to its \"reports\" list to read it")]
    NoReports { path: PathBuf },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{path}:{line}:1: {reason}")]
    Import {
        path: PathBuf,
        line: usize,
        reason: ImportError,
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
        0 => format!("found no reports ({})", REPORT_RULE),
        1 => "found 1 report".to_string(),
        n => format!("found {n} reports"),
    }
}

/// Why a page has no story in it. The line is where the reports were looked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("no reports found: {}", REPORT_RULE)]
    NoReports { line: usize },
    #[error("only a title line, no reports: {}", REPORT_RULE)]
    TitleOnly { line: usize },
}

pub const REPORT_RULE: &str = "a report is a headline line followed by a summary whose sentences \
                           reappear in the lines after it";

impl ImportError {
    /// The 1-based line the error points at.
    pub fn line(&self) -> usize {
        match self {
            ImportError::NoReports { line } | ImportError::TitleOnly { line } => *line,
        }
    }
}
