use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use diverge::cli::{self, diff::DiffArgs, stats::StatsFormat};
use diverge::story::{self, Story};

/// A terminal reader for diverging news reports: two outlets' versions of one story side
/// by side, word by word.
#[derive(Parser)]
#[command(name = "diverge", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A story JSON file, or two or more plain-text versions; none opens the bundled story
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
        /// A story JSON file
        story: PathBuf,
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Validate story JSON files and text versions; one line per file
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // One line: the context chain joined, the way a user reads it.
            let _ = writeln!(std::io::stderr(), "diverge: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Diff(args)) => cli::diff::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Stats { story, format }) => {
            let story = story::load_json(&story)?;
            let out = cli::stats::render(&story, format)?;
            std::io::stdout()
                .write_all(out.as_bytes())
                .or_else(cli::diff::ignore_broken_pipe)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { files }) => Ok(match cli::check::run(&files) {
            0 => ExitCode::SUCCESS,
            _ => ExitCode::from(1),
        }),
        None => {
            let story = open_story(&cli.files)?;
            diverge::tui::run(story)
        }
    }
}

/// The story the reader opens: a story JSON file, or plain-text versions.
fn open_story(files: &[PathBuf]) -> anyhow::Result<Story> {
    match files {
        [] => anyhow::bail!("no bundled story yet: give a story JSON file or two text files"),
        [one] => Ok(story::load_json(one)?),
        many => {
            let paths: Vec<&std::path::Path> = many.iter().map(PathBuf::as_path).collect();
            Ok(story::load_text_versions(&paths)?)
        }
    }
}
