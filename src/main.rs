//! The binary: command-line parsing (clap derive) and dispatch to the library; nothing else.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use diverge::cli::{self, diff::DiffArgs, import::ImportArgs, stats::StatsFormat};

/// A terminal reader for diverging news reports: two outlets' versions of one story side
/// by side, word by word.
#[derive(Parser)]
#[command(name = "diverge", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A story JSON file, a saved breakdown page, or two or more plain-text versions; none
    /// opens the bundled story
    files: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Word diff of two plain-text versions
    Diff(DiffArgs),
    /// Word counts and pairwise similarity of a story's reports
    Stats {
        /// What the reader would open: a story JSON file, a breakdown page, two or more
        /// text versions; none means the bundled story
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Validate story JSON files and text versions; one line per file
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// A saved "Diverging Reports Breakdown" page as story JSON
    Import(ImportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // One line: the context chain joined, the way a user reads it.
            // Errors quote file names and contents: shown, never obeyed.
            let line = diverge::visible::visible_line(&format!("{e:#}")).into_owned();
            let _ = writeln!(std::io::stderr(), "diverge: {line}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Diff(args)) => cli::diff::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Stats { files, format }) => {
            let story = cli::open::open_story(&files)?;
            let out = cli::stats::render(&story, format)?;
            std::io::stdout()
                .write_all(out.as_bytes())
                .or_else(cli::diff::ignore_broken_pipe)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import(args)) => cli::import::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Check { files }) => Ok(match cli::check::run(&files) {
            0 => ExitCode::SUCCESS,
            _ => ExitCode::from(1),
        }),
        None => {
            let story = cli::open::open_story(&cli.files)?;
            diverge::tui::run(story)
        }
    }
}
