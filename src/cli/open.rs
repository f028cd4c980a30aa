//! Which story a set of command-line files stands for: the reader and `stats` accept the
//! same inputs.

use std::path::{Path, PathBuf};

use crate::story::{self, ImportOptions, Imported, LoadError, Story};
use crate::visible::visible_line;

/// The bundled story for no file, a story JSON file, a saved breakdown page (its outlet
/// guesses go to stderr), or two or more plain-text versions.
pub fn open_story(files: &[PathBuf]) -> anyhow::Result<Story> {
    match files {
        [] => Ok(story::bundled()?),
        [one] if story::is_story_json(one) => {
            let story = story::load_json(one)?;
            if story.reports.is_empty() {
                return Err(LoadError::NoReports { path: one.clone() }.into());
            }
            Ok(story)
        }
        [page] => {
            let imported = open_page(page)?;
            let unnamed = format!(
                "diverge import {} writes a story JSON where you can name it",
                visible_line(&page.display().to_string())
            );
            super::import::print_guesses(&imported, &unnamed);
            Ok(imported.story)
        }
        many => {
            if let Some(json) = many.iter().find(|f| story::is_story_json(f)) {
                anyhow::bail!(
                    "{}: a story file opens on its own (diverge {}); several files are read \
                     as plain-text versions",
                    json.display(),
                    json.display()
                );
            }
            let paths: Vec<&Path> = many.iter().map(PathBuf::as_path).collect();
            Ok(story::load_text_versions(&paths)?)
        }
    }
}

/// A page opened in the reader: it needs two reports to compare. A text without reports
/// is more likely one plain-text version, so the error says how to open versions.
pub fn open_page(path: &Path) -> Result<Imported, LoadError> {
    let too_few = |found| LoadError::TooFewReports {
        path: path.to_path_buf(),
        found,
    };
    let imported = match story::load_page(path, ImportOptions::default()) {
        Err(LoadError::Import { .. }) => return Err(too_few(0)),
        other => other?,
    };
    match imported.story.reports.len() {
        found @ (0 | 1) => Err(too_few(found)),
        _ => Ok(imported),
    }
}
