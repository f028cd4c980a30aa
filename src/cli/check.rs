//! `diverge check FILE...`: validates story files and text versions without opening them.

use std::path::{Path, PathBuf};

use crate::story::{LoadError, is_story_json, load_json, read_text_file};
use crate::text::split_paragraphs;
use crate::visible::visible_line;

/// What a valid file holds, for the one-line report.
fn describe(path: &Path) -> Result<String, LoadError> {
    if is_story_json(path) {
        let story = load_json(path)?;
        let paragraphs: usize = story.reports.iter().map(|r| r.body.len()).sum();
        Ok(format!(
            "story \"{}\", {} reports, {} paragraphs",
            story.title,
            story.reports.len(),
            paragraphs
        ))
    } else {
        let text = read_text_file(path)?;
        Ok(format!(
            "text, {} paragraphs",
            split_paragraphs(&text).len()
        ))
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
