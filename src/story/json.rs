//! Story JSON: the strict loader, so a typo or a missing field fails with file, line and
//! column instead of half-loading.

use std::path::Path;

use super::text::read_text_file;
use super::{LoadError, Story};
use crate::text::line_column;

/// Whether a path names a story JSON file rather than text: by its `.json` extension.
pub fn is_story_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Loads and validates a story JSON file.
pub fn load_json(path: &Path) -> Result<Story, LoadError> {
    let text = read_text_file(path)?;
    from_json_str(path, &text)
}

/// Parses story JSON; `path` only names the source in errors.
pub fn from_json_str(path: &Path, text: &str) -> Result<Story, LoadError> {
    not_an_object(path, text)?;
    let story: Story = serde_json::from_str(text).map_err(|e| LoadError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: describe_serde_error(&e),
    })?;
    if let Some((index, outlet)) = story.duplicate_outlet() {
        let offset = nth_key_offset(text, "outlet", index).unwrap_or(0);
        let (line, column) = line_column(text, offset);
        return Err(LoadError::DuplicateOutlet {
            path: path.to_path_buf(),
            outlet: outlet.to_string(),
            line,
            column,
        });
    }
    Ok(story)
}

/// serde_json would read a story from a JSON array by position; a story is an object.
fn not_an_object(path: &Path, text: &str) -> Result<(), LoadError> {
    let start = text.len() - text.trim_start_matches([' ', '\t', '\n', '\r']).len();
    // Anything else is an object, or not JSON at all, which serde_json describes.
    let found = match text.get(start..).and_then(|rest| rest.chars().next()) {
        Some('[') => "an array",
        Some('"') => "a string",
        _ => return Ok(()),
    };
    let (line, column) = line_column(text, start);
    Err(LoadError::Json {
        path: path.to_path_buf(),
        line,
        column,
        message: format!(
            "expected a story object {{\"title\": …, \"reports\": […]}}, found {found}"
        ),
    })
}

/// serde_json appends " at line L column C" to its messages; the location is already in
/// front of ours, so drop the copy.
fn describe_serde_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full,
    }
}

/// Byte offset of the `n`th (0-based) occurrence of `"key"` used as an object key.
fn nth_key_offset(text: &str, key: &str, n: usize) -> Option<usize> {
    let needle = format!("\"{key}\"");
    text.match_indices(&needle)
        .filter(|(i, _)| {
            text.get(i + needle.len()..)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|(i, _)| i)
        .nth(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Story, String> {
        from_json_str(Path::new("s.json"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn minimal_story_loads() {
        let s = parse(r#"{"title":"T","reports":[{"outlet":"A","body":["x"]}]}"#).unwrap();
        assert_eq!(s.reports.len(), 1);
        assert_eq!(s.reports[0].body, vec!["x".to_string()]);
    }

    #[test]
    fn unknown_field_is_named_with_location() {
        let e = parse("{\"title\":\"T\",\n \"colour\": 1, \"reports\":[]}").unwrap_err();
        assert!(e.starts_with("s.json:2:"), "{e}");
        assert!(e.contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn missing_field_is_named() {
        let e = parse(r#"{"title":"T","reports":[{"body":[]}]}"#).unwrap_err();
        assert!(e.contains("missing field `outlet`"), "{e}");
    }

    #[test]
    fn missing_reports_is_an_error_with_location() {
        let e = parse("{\"title\": \"No reports key\"}").unwrap_err();
        assert_eq!(e, "s.json:1:27: missing field `reports`");
    }

    #[test]
    fn a_top_level_array_is_not_a_story() {
        let e = parse("\n  [\"T\", null, null, null, []]").unwrap_err();
        assert!(e.starts_with("s.json:2:3: expected a story object"), "{e}");
        assert!(e.ends_with("found an array"), "{e}");
    }

    #[test]
    fn wrong_type_says_what_was_expected() {
        let e = parse(r#"{"title":7,"reports":[]}"#).unwrap_err();
        assert!(e.contains("expected a string"), "{e}");
        assert!(e.starts_with("s.json:1:"), "{e}");
    }

    #[test]
    fn duplicate_outlet_points_at_second_one() {
        let text = "{\"title\":\"T\",\"reports\":[\n{\"outlet\":\"AP\",\"body\":[]},\n{\"outlet\":\"ap\",\"body\":[]}]}";
        let e = parse(text).unwrap_err();
        assert_eq!(
            e,
            "s.json:3:2: duplicate outlet \"ap\" (outlet names must be unique, ignoring case)"
        );
    }
}
