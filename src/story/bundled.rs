//! The story diverge opens when given no files: the one it was designed from.

use std::path::Path;

use super::{LoadError, Story, from_json_str};

/// Where the bundled story lives in the source tree; errors name it.
const BUNDLED_PATH: &str = "assets/lee-xi-call-2025-06-10.json";
const BUNDLED_JSON: &str = include_str!("../../assets/lee-xi-call-2025-06-10.json");

/// The bundled sample story. It is compiled in and a test keeps it valid, so an error
/// here is a build mistake; it is still reported rather than panicking.
pub fn bundled() -> Result<Story, LoadError> {
    from_json_str(Path::new(BUNDLED_PATH), BUNDLED_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{ImportOptions, import_page};

    #[test]
    fn bundled_story_has_the_five_outlets() {
        let story = bundled().unwrap();
        let outlets: Vec<&str> = story.reports.iter().map(|r| r.outlet.as_str()).collect();
        assert_eq!(
            outlets,
            [
                "Korean daily, tourism desk",
                "Reuters",
                "The Straits Times",
                "The Korea Herald",
                "Australian policy commentary"
            ]
        );
        assert_eq!(story.date.as_deref(), Some("2025-06-10"));
        assert!(story.reports.iter().all(|r| r.note.is_some()));
    }

    /// The bundled bodies are the importer's output for the seed page plus hand-added
    /// outlet names, notes and countries; this keeps the two from drifting apart.
    #[test]
    fn bundled_story_is_the_import_of_the_seed_page() {
        let seed = include_str!("../../tests/fixtures/breakdown-seed.txt");
        let imported = import_page(seed, ImportOptions::default()).unwrap().story;
        let bundled = bundled().unwrap();
        assert_eq!(bundled.title, imported.title);
        assert_eq!(bundled.reports.len(), imported.reports.len());
        for (b, i) in bundled.reports.iter().zip(&imported.reports) {
            assert_eq!(b.headline, i.headline);
            assert_eq!(b.summary, i.summary);
            assert_eq!(b.body, i.body, "body of {}", b.outlet);
        }
    }
}
