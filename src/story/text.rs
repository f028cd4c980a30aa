//! Plain-text inputs: a file read as UTF-8, and several files read as one story's versions.

use std::io::Read;
use std::path::Path;

use super::{LoadError, Report, Story};
use crate::text::{line_column, split_paragraphs};

/// The largest input read: far more than any story, and a bound on the memory a wrong
/// file (a disk image, a log) can take before it is refused.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Reads a whole file as UTF-8 text, refusing what is not a text file: a directory, a FIFO
/// or device (opening one could wait forever), a file over [`MAX_INPUT_BYTES`], a file
/// with NUL bytes, an empty one.
pub fn read_text_file(path: &Path) -> Result<String, LoadError> {
    let io = |reason| LoadError::Io {
        path: path.to_path_buf(),
        reason,
    };
    let not_text = |reason: String| LoadError::NotText {
        path: path.to_path_buf(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(not_text("is a directory".into()));
    }
    if !meta.is_file() {
        return Err(not_text(
            "is not a regular file (a pipe, socket or device)".into(),
        ));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(not_text(format!(
            "is {} MB; the limit is {} MB",
            meta.len() / (1024 * 1024),
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    // Sized from the file (one byte over, to see it end): `take` hides the size from
    // `read_to_end`, which would otherwise grow by doubling to up to twice the file.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    // The file may grow after the size check: read no more than the limit allows.
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(not_text(format!(
            "grew past the {} MB limit while being read",
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    text_from_bytes(path, bytes)
}

/// `bytes` read from `path` (or from what errors call it) as UTF-8 text, refusing binary
/// and empty input.
pub fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let not_text = |reason: String| LoadError::NotText {
        path: path.to_path_buf(),
        reason,
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(not_text(format!(
            "is binary, not text (a NUL byte at offset {offset})"
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid =
            std::str::from_utf8(e.as_bytes().get(..offset).unwrap_or_default()).unwrap_or_default();
        let (line, column) = line_column(valid, offset);
        LoadError::Utf8 {
            path: path.to_path_buf(),
            offset,
            line,
            column,
        }
    })
}

/// The last `depth` parts of `path`, the file's stem last: `v1/article` for
/// `data/v1/article.txt` at depth 2.
fn tail(path: &Path, depth: usize) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let dirs: Vec<String> = path
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let keep = depth.saturating_sub(1).min(dirs.len());
    let mut parts: Vec<String> = dirs.into_iter().rev().take(keep).collect();
    parts.reverse();
    parts.push(stem);
    parts.join("/")
}

/// Outlet names for text files: each file's stem, or, for files whose stems clash, the
/// shortest tail of the path that tells it apart (`v1/article`, `v2/article`).
fn outlet_names(paths: &[&Path]) -> Vec<String> {
    let deepest = paths
        .iter()
        .map(|p| p.components().count())
        .max()
        .unwrap_or(1);
    paths
        .iter()
        .map(|path| {
            let unique = |depth: usize| {
                let name = tail(path, depth).to_lowercase();
                paths
                    .iter()
                    .filter(|other| tail(other, depth).to_lowercase() == name)
                    .count()
                    == 1
            };
            let depth = (1..=deepest).find(|&d| unique(d)).unwrap_or(1);
            tail(path, depth)
        })
        .collect()
}

/// Two or more plain-text files as one story: each file is an outlet, named by its stem
/// (or more of its path where stems clash).
pub fn load_text_versions(paths: &[&Path]) -> Result<Story, LoadError> {
    let mut reports = Vec::with_capacity(paths.len());
    for (path, outlet) in paths.iter().zip(outlet_names(paths)) {
        let text = read_text_file(path)?;
        let body = split_paragraphs(&text)
            .into_iter()
            .filter_map(|r| text.get(r).map(str::to_string))
            .collect();
        reports.push(Report::new(outlet, body));
    }
    let story = Story {
        title: reports
            .iter()
            .map(|r| r.outlet.as_str())
            .collect::<Vec<_>>()
            .join(" vs "),
        date: None,
        summary: None,
        source: None,
        reports,
    };
    if let Some((index, outlet)) = story.duplicate_outlet() {
        let path = paths.get(index).copied().unwrap_or(Path::new(""));
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            message: format!(
                "duplicate outlet \"{outlet}\": two files have the same name; rename one"
            ),
        });
    }
    Ok(story)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paths: &[&str]) -> Vec<String> {
        let paths: Vec<&Path> = paths.iter().map(Path::new).collect();
        outlet_names(&paths)
    }

    #[test]
    fn clashing_stems_are_named_by_the_shortest_distinguishing_path() {
        assert_eq!(names(&["a/reuters.txt", "b/ap.txt"]), ["reuters", "ap"]);
        assert_eq!(
            names(&["v1/article.txt", "v2/article.txt", "notes.txt"]),
            ["v1/article", "v2/article", "notes"]
        );
        assert_eq!(
            names(&["x/2024/article.txt", "y/2024/article.txt"]),
            ["x/2024/article", "y/2024/article"]
        );
        // The same file twice cannot be told apart: the duplicate is reported.
        assert_eq!(names(&["a.txt", "a.txt"]), ["a", "a"]);
    }
}
