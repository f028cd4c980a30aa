//! `diverge import PAGE.txt`: a saved breakdown page as story JSON, to check and edit.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::story::{ImportOptions, Imported, load_page};
use crate::visible::{json_visible, visible_line};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A "Diverging Reports Breakdown" page saved as text
    pub page: PathBuf,
    /// Write the story JSON to this file instead of stdout
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Keep page furniture ("Sign up here.", trust boilerplate, "Join … channel") in bodies
    #[arg(long)]
    pub keep_furniture: bool,
}

pub fn run(args: &ImportArgs) -> anyhow::Result<()> {
    let options = ImportOptions {
        keep_furniture: args.keep_furniture,
    };
    if let Some(output) = &args.output {
        refuse_own_input(&args.page, output)?;
    }
    let imported = load_page(&args.page, options)?;
    print_guesses(&imported, "edit the JSON to name it");
    let json = json_visible(serde_json::to_string_pretty(&imported.story)? + "\n");
    match &args.output {
        Some(path) => write_atomically(path, json.as_bytes())
            .with_context(|| format!("cannot write {}", path.display())),
        None => std::io::stdout()
            .write_all(json.as_bytes())
            .or_else(super::diff::ignore_broken_pipe)
            .context("cannot write to stdout"),
    }
}

/// `-o` naming the page itself would replace the only copy of the input with its import.
fn refuse_own_input(page: &Path, output: &Path) -> anyhow::Result<()> {
    let same = match (page.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        anyhow::bail!(
            "{}: -o names the page being imported; write the story to another file",
            output.display()
        );
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader
/// of `path` sees the old file or the whole new one, never a half-written story, and a
/// failed write leaves the old file as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// What the importer guessed and left out, one line each on stderr, so the user knows
/// what to check; `unnamed` says what to do about a report with no outlet cue.
pub fn print_guesses(imported: &Imported, unnamed: &str) {
    for (i, line) in imported.guesses.iter().enumerate() {
        match imported.unnamed.contains(&i) {
            true => eprintln!("diverge: {}; {unnamed}", visible_line(line)),
            false => eprintln!("diverge: {}", visible_line(line)),
        }
    }
    for line in imported.left_out.iter().chain(&imported.unplaced) {
        eprintln!("diverge: {}", visible_line(line));
    }
}
