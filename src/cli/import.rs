//! `diverge import PAGE.txt`: a saved breakdown page as story JSON, to check and edit.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::story::{ImportOptions, Imported, load_page};

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
    let imported = load_page(&args.page, options)?;
    print_guesses(&imported, "edit the JSON to name it");
    let mut json = serde_json::to_string_pretty(&imported.story)?;
    json.push('\n');
    match &args.output {
        Some(path) => {
            std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))
        }
        None => std::io::stdout()
            .write_all(json.as_bytes())
            .or_else(super::diff::ignore_broken_pipe)
            .context("cannot write to stdout"),
    }
}

/// What the importer guessed and left out, one line each on stderr, so the user knows
/// what to check; `unnamed` says what to do about a report with no outlet cue.
pub fn print_guesses(imported: &Imported, unnamed: &str) {
    for (i, line) in imported.guesses.iter().enumerate() {
        match imported.unnamed.contains(&i) {
            true => eprintln!("diverge: {line}; {unnamed}"),
            false => eprintln!("diverge: {line}"),
        }
    }
    for line in &imported.left_out {
        eprintln!("diverge: {line}");
    }
}
