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
            let unnamed = format!(
                "diverge import {} writes a story JSON where you can name it",
                page.display()
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
