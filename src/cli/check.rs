//! `diverge check FILE...`: validates story files, breakdown pages and text versions
//! without opening them, each the way the reader would read it.

use std::path::{Path, PathBuf};

use crate::story::{
    ImportOptions, LoadError, import_page, is_story_json, load_json, read_text_file,
};
use crate::text::split_paragraphs;
use crate::visible::visible_line;

/// "1 report", "2 reports".
pub fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// What a valid file holds, for the one-line report. A text file the reader would open
/// as a breakdown page (two or more reports found in it) is reported as a page.
fn describe(path: &Path) -> Result<String, LoadError> {
    if is_story_json(path) {
        let story = load_json(path)?;
        let paragraphs: usize = story.reports.iter().map(|r| r.body.len()).sum();
        return Ok(format!(
            "story \"{}\", {}, {}",
            story.title,
            count(story.reports.len(), "report"),
            count(paragraphs, "paragraph")
        ));
    }
    let text = read_text_file(path)?;
    match import_page(&text, ImportOptions::default()) {
        Ok(page) if page.story.reports.len() > 1 => Ok(format!(
            "page, {}",
            count(page.story.reports.len(), "report")
        )),
        _ => Ok(format!(
            "text, {}",
            count(split_paragraphs(&text).len(), "paragraph")
        )),
    }
}

/// Checks every file; prints `FILE: ok (...)` on stdout per good file and one line per
/// bad file on stderr. Returns how many files failed.
pub fn run(files: &[PathBuf]) -> usize {
    let mut failed = 0;
    for path in files {
        match describe(path) {
            Ok(summary) => println!(
                "{}",
                visible_line(&format!("{}: ok ({summary})", path.display()))
            ),
            Err(e) => {
                eprintln!("diverge: {}", visible_line(&e.to_string()));
                failed += 1;
            }
        }
    }
    failed
}
