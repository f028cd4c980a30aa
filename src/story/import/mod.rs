//! Import of a saved "Diverging Reports Breakdown" page: a title line, header lines, then
//! per report a headline line, a summary line and body lines (one line, one paragraph).
//!
//! Reports are found from the page's structure, not its wording: a report starts at a
//! headline-like line (short, no closing punctuation) when the next line is a summary whose
//! sentences reappear, near-verbatim, in the lines after it; or, for a report saved
//! without its summary, when the headline's words reappear in the first lines of the body.

mod cues;
mod draft;
mod furniture;
mod naming;
mod starts;
mod words;

use std::path::Path;

use super::error::ImportError;
use super::text::read_text_file;
use super::{LoadError, Story};
use cues::{QUOTED_CHARS, shorten};
use draft::Draft;
use naming::name_reports;
use starts::{Segmentation, find_starts, page_lines};

/// What `import_page` may keep that is not reporting.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Keep page furniture ("Sign up here.", trust boilerplate…) in the bodies.
    pub keep_furniture: bool,
}

/// An imported page, with what the importer had to guess so the user can check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub story: Story,
    /// One line per report: which outlet name was guessed, and from what.
    pub guesses: Vec<String>,
    /// One line per report that had furniture left out of its body.
    pub left_out: Vec<String>,
    /// One line per headline-like line with some, but too little, evidence of starting a
    /// report: where it was left, so a report is never dropped silently.
    pub unplaced: Vec<String>,
    /// Indexes of the guesses that found no outlet cue: what to do about them depends on
    /// where the page is read, so the caller says it.
    pub unnamed: Vec<usize>,
}

/// Reads and imports a breakdown page file.
pub fn load_page(path: &Path, options: ImportOptions) -> Result<Imported, LoadError> {
    let text = read_text_file(path)?;
    import_page(&text, options).map_err(|reason| LoadError::Import {
        path: path.to_path_buf(),
        line: reason.line(),
        reason,
    })
}

/// Parses a saved breakdown page into a story. Outlet names come from cues in the text
/// (see `cues`), otherwise "Report N"; every guess is listed in `Imported::guesses`.
pub fn import_page(text: &str, options: ImportOptions) -> Result<Imported, ImportError> {
    let lines = page_lines(text);
    let Some((title, rest)) = lines.split_first() else {
        return Err(ImportError::NoReports { line: 1 });
    };
    let Segmentation { starts, unsure } = find_starts(&lines);
    if starts.is_empty() {
        return Err(match rest.first() {
            None => ImportError::TitleOnly { line: title.number },
            Some(first) => ImportError::NoReports { line: first.number },
        });
    }
    let mut drafts: Vec<Draft> = starts
        .iter()
        .enumerate()
        .map(|(n, start)| {
            let end = starts.get(n + 1).map_or(lines.len(), |next| next.index);
            Draft::new(
                lines.get(start.index..end).unwrap_or_default(),
                start.has_summary,
            )
        })
        .collect();
    let (guesses, unnamed) = name_reports(&mut drafts);
    let unplaced = unsure
        .iter()
        .filter_map(|&i| {
            let line = lines.get(i)?;
            let owner = starts.iter().rposition(|s| s.index < i);
            let place = match owner.and_then(|n| Some((n, drafts.get(n)?))) {
                Some((n, draft)) => format!("the body of {}", draft.label(n)),
                None => "the page header, outside every report".to_string(),
            };
            Some(format!(
                "line {} \"{}\" looks like a headline, but too little of the text after it \
                 repeats it to start a report there; it is left in {place}",
                line.number,
                shorten(line.text, QUOTED_CHARS)
            ))
        })
        .collect();
    let left_out = drafts
        .iter()
        .enumerate()
        .filter_map(|(n, d)| d.left_out_message(n, options))
        .collect();
    let reports = drafts.into_iter().map(|d| d.into_report(options)).collect();
    let story = Story {
        title: title.text.to_string(),
        date: None,
        summary: None,
        source: None,
        reports,
    };
    Ok(Imported {
        story,
        guesses,
        left_out,
        unplaced,
        unnamed,
    })
}

#[cfg(test)]
mod tests;
