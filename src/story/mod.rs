//! The story model: one event told by several outlets, and every way to load one.

mod bundled;
mod error;
mod import;
mod json;
mod text;

pub use bundled::bundled;
pub use error::{ImportError, LoadError};
pub use import::{ImportOptions, Imported, import_page, load_page};
pub use json::{from_json_str, is_story_json, load_json};
pub use text::{MAX_INPUT_BYTES, load_text_versions, read_text_file, text_from_bytes};

use serde::{Deserialize, Serialize};

/// One news event as reported by several outlets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Where the story itself was found (for an imported breakdown page, the page's link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub reports: Vec<Report>,
}

/// One outlet's version of the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Free text about the report itself, e.g. how sure the attribution is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub body: Vec<String>,
}

impl Report {
    /// A report with only an outlet name and body paragraphs.
    pub fn new(outlet: impl Into<String>, body: Vec<String>) -> Self {
        Report {
            outlet: outlet.into(),
            country: None,
            headline: None,
            summary: None,
            url: None,
            published: None,
            byline: None,
            note: None,
            body,
        }
    }

    /// Number of words in the body, counted as the diff engine counts them.
    pub fn word_count(&self) -> usize {
        self.body.iter().map(|p| crate::text::count_words(p)).sum()
    }
}

impl Story {
    /// The first outlet name that repeats another one, ignoring case, with its report index.
    pub fn duplicate_outlet(&self) -> Option<(usize, &str)> {
        let mut seen = std::collections::HashSet::new();
        self.reports
            .iter()
            .enumerate()
            .find(|(_, r)| !seen.insert(r.outlet.to_lowercase()))
            .map(|(i, r)| (i, r.outlet.as_str()))
    }
}
