//! The binary: command-line parsing (clap derive) and dispatch to the library; nothing else.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use diverge::cli::{
    self, diff::DiffArgs, facts::FactsFormat, import::ImportArgs, stats::StatsFormat,
};

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
    /// The facts ledger: quotes, numbers, dates and names lined up across reports, told
    /// alike, told differently or by one outlet only
    Facts {
        /// The same inputs as `stats`; none means the bundled story
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FactsFormat::Table)]
        format: FactsFormat,
    },
    /// Validate story JSON files and text versions; one line per file
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// A saved "Diverging Reports Breakdown" page as story JSON
    Import(ImportArgs),
    /// The config file: where it is looked for, the default file, the key bindings
    Config {
        /// Print the default config file, every setting commented
        #[arg(long = "default", conflicts_with = "keys")]
        print_default: bool,
        /// List every key binding: its name (for [keys]), its keys, what it does
        #[arg(long)]
        keys: bool,
    },
    /// Shell completions, written to stdout
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), written to stdout
    Man,
}

/// One line on stderr: the context chain joined, the way a user reads it.
/// Errors quote file names and contents: shown, never obeyed.
fn report(e: &anyhow::Error) {
    let line = diverge::visible::visible_line(&format!("{e:#}")).into_owned();
    let _ = writeln!(std::io::stderr(), "diverge: {line}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            ExitCode::from(1)
        }
    }
}

fn print(out: &[u8]) -> anyhow::Result<ExitCode> {
    std::io::stdout()
        .write_all(out)
        .or_else(cli::diff::ignore_broken_pipe)?;
    Ok(ExitCode::SUCCESS)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        // diff(1)'s statuses: 0 equal, 1 different, 2 trouble.
        Some(Command::Diff(args)) => Ok(match cli::diff::run(&args) {
            Ok(differ) => ExitCode::from(u8::from(differ)),
            Err(e) => {
                report(&e);
                ExitCode::from(2)
            }
        }),
        Some(Command::Stats { files, format }) => {
            let story = cli::open::open_story(&files)?;
            print(cli::stats::render(&story, format)?.as_bytes())
        }
        Some(Command::Config {
            print_default,
            keys,
        }) => {
            if print_default {
                print(diverge::config::DEFAULT_CONFIG.as_bytes())
            } else if keys {
                print(diverge::app::Keymap::default().listing().as_bytes())
            } else {
                let path = diverge::config::path().map_or_else(
                    || "(no config directory)".to_string(),
                    |p| p.display().to_string(),
                );
                print(format!("{path}\n").as_bytes())
            }
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "diverge", &mut out);
            print(&out)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            print(&out)
        }
        Some(Command::Facts { files, format }) => {
            let story = cli::open::open_story(&files)?;
            let out = cli::facts::render(&story, format)?;
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
            if !std::io::stdout().is_terminal() {
                return print(cli::first_pair::render(&story).as_bytes());
            }
            let prefs = diverge::config::load().unwrap_or_else(|e| {
                // The reader still starts, with the defaults, and says why.
                let note = format!("{e}; using the defaults");
                let _ = writeln!(std::io::stderr(), "diverge: {note}");
                diverge::app::Prefs {
                    note: Some(note),
                    ..diverge::app::Prefs::default()
                }
            });
            diverge::tui::run(story, prefs)
        }
    }
}
