//! `diverge diff A B`: two plain-text versions compared, for scripts and pagers. Exit
//! status as diff(1): 0 equal, 1 different, 2 trouble.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use super::ColorChoice;
use super::json::{ParagraphEntry, paragraph_entries, round3};
use super::render::{self, Ansi};
use crate::diff::{Doc, Options, Span, Stats, compare, flat_ops};
use crate::export;
use crate::side::Pair;
use crate::story::{read_text_file, text_from_bytes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// wdiff-style markers: [-deleted-]{+inserted+}
    Plain,
    /// Terminal styles: struck-through deletions, underlined insertions
    Ansi,
    /// One JSON object with the ops that rebuild both inputs
    Json,
    /// Markdown: deletions ~~struck~~, insertions in **bold**
    Markdown,
    /// One self-contained HTML page: no scripts, no external resources
    Html,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The left (older, or reference) version: a plain-text file, or - for stdin
    pub left: PathBuf,
    /// The right version: a plain-text file, or - for stdin
    pub right: PathBuf,
    /// Output format [default: ansi on a terminal, plain otherwise]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Count house-style differences (case, quotes, dashes, Mr/Ms, U.S./US, British and
    /// American spelling, digit grouping, whitespace) as equal
    #[arg(long)]
    pub normalize: bool,
    /// Colour in --format ansi; NO_COLOR is honoured by auto
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// One input as the JSON names it.
#[derive(Serialize)]
struct Version {
    name: String,
    words: usize,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    #[serde(flatten)]
    versions: Pair<Version>,
    #[serde(flatten)]
    stats: Stats,
    normalized: bool,
    ops: &'a [Span],
    paragraphs: Vec<ParagraphEntry>,
}

/// Whether `path` stands for standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// What output and errors call an input.
fn stem(path: &Path) -> String {
    if is_stdin(path) {
        return "stdin".to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads one input: a file, or all of stdin for `-`.
fn read_input(path: &Path) -> anyhow::Result<String> {
    if !is_stdin(path) {
        return Ok(read_text_file(path)?);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("stdin: cannot read")?;
    Ok(text_from_bytes(Path::new("stdin"), bytes)?)
}

/// Prints the diff; `Ok(true)` when the versions differ (exit 1), `Ok(false)` when they
/// are equal (exit 0). With `--normalize`, style-only differences count as equal.
pub fn run(args: &DiffArgs) -> anyhow::Result<bool> {
    if is_stdin(&args.left) && is_stdin(&args.right) {
        anyhow::bail!("only one side can be read from stdin (-)");
    }
    let left = Doc::from_text(read_input(&args.left)?);
    let right = Doc::from_text(read_input(&args.right)?);
    let options = Options {
        normalize: args.normalize,
        ..Options::default()
    };
    let comparison = compare(&left, &right, &options);
    let ops = flat_ops(&comparison.blocks, Pair::new(&left, &right));
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    let names = Pair::new(stem(&args.left), stem(&args.right));
    let title = format!("{} ⇄ {}", names.left, names.right);
    let names = names.as_ref().map(String::as_str);
    let format = args.format.unwrap_or(if is_terminal {
        Format::Ansi
    } else {
        Format::Plain
    });
    let out = match format {
        Format::Plain => render::plain(&ops),
        Format::Ansi => {
            let mode = if args.color.enabled(is_terminal) {
                Ansi::Colour
            } else {
                Ansi::Attributes
            };
            render::ansi(&ops, mode)
        }
        Format::Markdown => export::markdown(&title, names, &comparison.stats, &ops),
        Format::Html => export::html(&title, names, &comparison.stats, &ops),
        Format::Json => {
            let stats = comparison.stats;
            let doc = JsonDiff {
                versions: Pair::from_fn(|side| Version {
                    name: names[side].to_string(),
                    words: stats.words[side],
                }),
                stats: Stats {
                    similarity: round3(stats.similarity),
                    ..stats
                },
                normalized: args.normalize,
                ops: &ops,
                paragraphs: paragraph_entries(&comparison),
            };
            let mut s = serde_json::to_string_pretty(&doc).context("cannot encode the diff")?;
            s.push('\n');
            s
        }
    };
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes())
        .and_then(|()| lock.flush())
        .or_else(ignore_broken_pipe)
        .context("cannot write to stdout")?;
    Ok(comparison.stats.hunks > 0)
}

/// A closed pipe (`diverge diff … | head`) is the reader's choice, not an error.
pub fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}
