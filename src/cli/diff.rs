//! `diverge diff A B`: two plain-text versions compared, for scripts and pagers.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use super::ColorChoice;
use super::json::{paragraph_entries, round3};
use super::render::{self, Ansi};
use crate::diff::{Doc, FlatOps, Options, Span, Stats, compare_each};
use crate::side::Pair;
use crate::story::read_text_file;

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

/// The figures of the JSON object, written after `ops` and `paragraphs`, which are
/// streamed.
#[derive(Serialize)]
struct JsonFigures {
    #[serde(flatten)]
    versions: Pair<Version>,
    #[serde(flatten)]
    stats: Stats,
    normalized: bool,
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

pub fn run(args: &DiffArgs) -> anyhow::Result<()> {
    let left = Doc::from_text(read_text_file(&args.left)?);
    let right = Doc::from_text(read_text_file(&args.right)?);
    let docs = Pair::new(&left, &right);
    let options = Options {
        normalize: args.normalize,
        ..Options::default()
    };
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    let format = args.format.unwrap_or(if is_terminal {
        Format::Ansi
    } else {
        Format::Plain
    });
    let ansi = if args.color.enabled(is_terminal) {
        Ansi::Colour
    } else {
        Ansi::Attributes
    };
    let mut out = Output::new(BufWriter::with_capacity(1 << 16, stdout.lock()));
    if format == Format::Json {
        out.write(|buf| buf.push_str("{\"ops\": ["));
    }
    // Each span is written as soon as it is known, so neither the diff nor its text is
    // held whole.
    let mut first = true;
    let mut flat = FlatOps::new(docs, |span: &Span| {
        out.write(|buf| match format {
            Format::Plain => render::plain_span(span, buf),
            Format::Ansi => render::ansi_span(span, ansi, buf),
            Format::Json => {
                buf.push_str(if first { "\n" } else { ",\n" });
                json_value(span, buf);
            }
        });
        first = false;
    });
    let comparison = compare_each(&left, &right, &options, |block| flat.block(block));
    flat.finish();
    if format == Format::Json {
        let stats = comparison.stats;
        let paths = Pair::new(&args.left, &args.right);
        let figures = JsonFigures {
            versions: Pair::from_fn(|side| Version {
                name: stem(paths[side]),
                words: stats.words[side],
            }),
            stats: Stats {
                similarity: round3(stats.similarity),
                ..stats
            },
            normalized: args.normalize,
        };
        let figures = serde_json::to_string(&figures).context("cannot encode the diff")?;
        out.write(|buf| buf.push_str("\n],\n\"paragraphs\": ["));
        for (i, entry) in paragraph_entries(&comparison).enumerate() {
            out.write(|buf| {
                buf.push_str(if i == 0 { "\n" } else { ",\n" });
                json_value(&entry, buf);
            });
        }
        out.write(|buf| {
            buf.push_str("\n],\n");
            buf.push_str(figures.strip_prefix('{').unwrap_or(&figures));
            buf.push('\n');
        });
    }
    out.finish().context("cannot write to stdout")
}

/// One op or paragraph entry of the JSON lists.
fn json_value(value: &impl Serialize, buf: &mut String) {
    // Ops and entries always encode (strings, numbers, enums); should one not, it is
    // left out and the rebuild check downstream names the place.
    if let Ok(text) = serde_json::to_string(value) {
        buf.push_str(&text);
    }
}

/// Buffered standard output that keeps the first write error and stops writing there.
struct Output<W: Write> {
    writer: W,
    buf: String,
    error: Option<std::io::Error>,
}

impl<W: Write> Output<W> {
    fn new(writer: W) -> Self {
        Output {
            writer,
            buf: String::new(),
            error: None,
        }
    }

    /// Writes what `fill` puts in a scratch buffer.
    fn write(&mut self, fill: impl FnOnce(&mut String)) {
        if self.error.is_some() {
            return;
        }
        self.buf.clear();
        fill(&mut self.buf);
        if let Err(e) = self.writer.write_all(self.buf.as_bytes()) {
            self.error = Some(e);
        }
    }

    fn finish(mut self) -> std::io::Result<()> {
        match self.error.take() {
            Some(e) => Err(e),
            None => self.writer.flush(),
        }
        .or_else(ignore_broken_pipe)
    }
}

/// A closed pipe (`diverge diff … | head`) is the reader's choice, not an error.
pub fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}
