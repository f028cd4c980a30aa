//! Which story a set of command-line files stands for: the reader and `stats` accept the
//! same inputs.

use std::path::{Path, PathBuf};

use crate::story::{self, Story};

/// The bundled story for no file, a story JSON file, a saved breakdown page (its outlet
/// guesses go to stderr), or two or more plain-text versions.
pub fn open_story(files: &[PathBuf]) -> anyhow::Result<Story> {
    match files {
        [] => Ok(story::bundled()?),
        [one] if story::is_story_json(one) => Ok(story::load_json(one)?),
        [page] => {
            let imported = story::open_page(page)?;
            super::import::print_guesses(&imported);
            Ok(imported.story)
        }
        many => {
            let paths: Vec<&Path> = many.iter().map(PathBuf::as_path).collect();
            Ok(story::load_text_versions(&paths)?)
        }
    }
}
