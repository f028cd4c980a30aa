//! `diverge diff A B`: two plain-text versions compared, for scripts and pagers.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use super::ColorChoice;
use super::json::{ParagraphEntry, paragraph_entries, round3};
use super::render::{self, Ansi};
use crate::diff::{Doc, Options, Span, Stats, compare, flat_ops};
use crate::side::Pair;
use crate::story::read_text_file;
use crate::visible::json_visible;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// wdiff-style markers: [-deleted-]{+inserted+}
    Plain,
    /// Terminal styles: struck-through deletions, underlined insertions
    Ansi,
    /// One JSON object with the ops that rebuild both inputs
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The left (older, or reference) version: a plain-text file
    pub left: PathBuf,
    /// The right version: a plain-text file
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

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

pub fn run(args: &DiffArgs) -> anyhow::Result<()> {
    let left = Doc::from_text(read_text_file(&args.left)?);
    let right = Doc::from_text(read_text_file(&args.right)?);
    let options = Options {
        normalize: args.normalize,
        ..Options::default()
    };
    let comparison = compare(&left, &right, &options);
    let ops = flat_ops(&comparison.blocks, Pair::new(&left, &right));
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
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
        Format::Json => {
            let stats = comparison.stats;
            let paths = Pair::new(&args.left, &args.right);
            let doc = JsonDiff {
                versions: Pair::from_fn(|side| Version {
                    name: stem(paths[side]),
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
            json_visible(
                serde_json::to_string_pretty(&doc).context("cannot encode the diff")? + "\n",
            )
        }
    };
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes())
        .and_then(|()| lock.flush())
        .or_else(ignore_broken_pipe)
        .context("cannot write to stdout")
}

/// A closed pipe (`diverge diff … | head`) is the reader's choice, not an error.
pub fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}
