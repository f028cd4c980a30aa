//! `diverge diff A B`: two plain-text versions compared, for scripts and pagers. Exit
//! status as diff(1): 0 equal, 1 different, 2 trouble.

use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Serialize;

use super::ColorChoice;
use super::json::{paragraph_entries, round3};
use super::open::open_story;
use super::render::{self, Ansi};
use crate::diff::sentences::{Corpus, Folder, content_words};
use crate::diff::{
    Comparison, Diffs, Doc, FlatOps, Matched, Options, Scope, Span, Stats, Told, WordOptions,
    compare, compare_each, corpus, docs, flat_ops, paired_paragraphs, para_ids, told,
};
use crate::export;
use crate::side::{Pair, Side};
use crate::story::{MAX_INPUT_BYTES, Story, read_text_file, text_from_bytes};
use crate::visible::{json_escaped, json_visible, visible};

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
    /// Two plain-text versions (left, then right; - reads one from stdin), or one story
    /// (JSON or a saved breakdown page) with --left and --right
    #[arg(required = true, num_args = 1..=2, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// With a story: the report on the left, by outlet name (any case) or 1-based number
    #[arg(long, value_name = "OUTLET")]
    pub left: Option<String>,
    /// With a story: the report on the right, by outlet name (any case) or 1-based number
    #[arg(long, value_name = "OUTLET")]
    pub right: Option<String>,
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
    /// Share of its content words told by both (paired paragraphs or matched sentences).
    shared: f64,
}

/// A matched sentence as the JSON places it.
#[derive(Serialize)]
struct Place {
    paragraph: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct MatchEntry {
    #[serde(flatten)]
    places: Pair<Place>,
    score: f64,
}

/// The figures of the JSON object, written after `ops`, `paragraphs` and `matches`:
/// the ops are streamed as the comparison runs, and the figures are known only at its end.
#[derive(Serialize)]
struct JsonFigures {
    #[serde(flatten)]
    versions: Pair<Version>,
    #[serde(flatten)]
    stats: Stats,
    normalized: bool,
}

/// The two versions to compare, however they were given.
struct Inputs {
    names: Pair<String>,
    docs: Pair<Doc>,
    /// Every report of the story, for the sentence layer's word weights; `None` for two
    /// texts, whose corpus is built once their paragraphs are paired (see [`corpus_of`]).
    corpus: Option<Corpus>,
    /// Where the two versions are in the corpus.
    reports: Pair<usize>,
}

/// The sentence corpus of two texts: the paragraphs the engine paired are told by both
/// whatever their sentences say, so only their content words are counted, and only the
/// others are cut into sentences and indexed. On near-copies that is most of the work
/// saved.
fn corpus_of(
    docs: Pair<&Doc>,
    comparison: &Comparison,
    counted: &[Vec<usize>],
    folder: &Folder,
) -> Corpus {
    let paired = paired_paragraphs(comparison);
    let paragraphs = docs.map(Doc::paragraphs);
    let sides = [Side::Left, Side::Right];
    let index = |report: usize, p: usize| {
        sides
            .get(report)
            .is_none_or(|&side| !paired[side].contains(&p))
    };
    Corpus::new_where(
        &[&paragraphs.left, &paragraphs.right],
        &index,
        counted,
        folder,
    )
}

/// Whether `path` stands for standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads one input: a file, or all of stdin for `-`.
fn read_input(path: &Path) -> anyhow::Result<String> {
    if !is_stdin(path) {
        return Ok(read_text_file(path)?);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .context("stdin: cannot read")?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        bail!("stdin: more than {} MB", MAX_INPUT_BYTES / (1024 * 1024));
    }
    Ok(text_from_bytes(Path::new("stdin"), bytes)?)
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

/// Least size of a file read on a thread of its own beside the other: below it, the
/// thread costs more than the reading it takes off.
const READ_BESIDE_BYTES: u64 = 128 * 1024;

/// The two files as documents; a long right-hand file is read (and split into
/// paragraphs) on the other core while the left one is. An error names the left file
/// first, as reading one after the other would.
fn read_both(paths: Pair<&PathBuf>) -> anyhow::Result<Pair<Doc>> {
    let read = |path: &PathBuf| read_input(path).map(Doc::from_text);
    let long = !is_stdin(paths.right)
        && std::fs::metadata(paths.right).is_ok_and(|m| m.len() >= READ_BESIDE_BYTES);
    let (left, right) = if long {
        std::thread::scope(|s| {
            let right = s.spawn(|| read(paths.right));
            let left = read(paths.left);
            (left, right.join().unwrap_or_else(|_| read(paths.right)))
        })
    } else {
        (read(paths.left), read(paths.right))
    };
    Ok(Pair::new(left?, right?))
}

impl Inputs {
    fn read(args: &DiffArgs) -> anyhow::Result<Inputs> {
        match (args.files.as_slice(), &args.left, &args.right) {
            ([left, right], None, None) => {
                let paths = Pair::new(left, right);
                if is_stdin(left) && is_stdin(right) {
                    bail!("only one side can be read from stdin (-)");
                }
                let docs = read_both(paths)?;
                Ok(Inputs {
                    names: paths.map(|p| stem(p)),
                    docs,
                    corpus: None,
                    reports: Pair::new(0, 1),
                })
            }
            ([story], Some(left), Some(right)) => {
                let story = open_story(std::slice::from_ref(story))?;
                let reports = Pair::new(find_outlet(&story, left)?, find_outlet(&story, right)?);
                let all = docs(&story);
                let corpus = corpus(&all);
                let docs = reports.map(|i| all.get(i).cloned().unwrap_or_default());
                Ok(Inputs {
                    names: reports.map(|i| {
                        story
                            .reports
                            .get(i)
                            .map_or_else(String::new, |r| r.outlet.clone())
                    }),
                    docs,
                    corpus: Some(corpus),
                    reports,
                })
            }
            ([_], _, _) => bail!(
                "one file is a story: name the two reports with --left OUTLET --right OUTLET \
                 (an outlet name or a number from 1)"
            ),
            _ => bail!(
                "--left and --right choose reports of one story; two files are compared as they are"
            ),
        }
    }
}

/// The report `wanted` names: its 1-based number or its outlet, ignoring case.
fn find_outlet(story: &Story, wanted: &str) -> anyhow::Result<usize> {
    let count = story.reports.len();
    if let Ok(n) = wanted.trim().parse::<usize>() {
        return match n.checked_sub(1).filter(|&i| i < count) {
            Some(i) => Ok(i),
            None => bail!("no report {n}: the story has {count}"),
        };
    }
    story
        .reports
        .iter()
        .position(|r| r.outlet.to_lowercase() == wanted.trim().to_lowercase())
        .with_context(|| {
            let names: Vec<String> = story
                .reports
                .iter()
                .map(|r| format!("\"{}\"", visible(&r.outlet)))
                .collect();
            format!(
                "no outlet \"{}\" in the story; it has {}",
                visible(wanted),
                names.join(", ")
            )
        })
}

/// Least size of two texts (bytes, both together) whose content words are counted on a
/// thread of their own: below it, starting the thread (and the allocator arena it makes)
/// cost more time and memory than the counting it took off the diff.
const COUNT_BESIDE_BYTES: usize = 256 * 1024;

/// Prints the diff; `Ok(true)` when the versions differ (exit 1), `Ok(false)` when they
/// are equal (exit 0). With `--normalize`, style-only differences count as equal.
pub fn run(args: &DiffArgs) -> anyhow::Result<bool> {
    let inputs = Inputs::read(args)?;
    let options = Options {
        normalize: args.normalize,
        ..Options::default()
    };
    let docs = inputs.docs.as_ref();
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    let format = args.format.unwrap_or(if is_terminal {
        Format::Ansi
    } else {
        Format::Plain
    });
    let mode = if args.color.enabled(is_terminal) {
        Ansi::Colour
    } else {
        Ansi::Attributes
    };
    if let Some(export) = Export::of(format) {
        return export_document(&inputs, &options, export);
    }
    let mut out = Output::new(BufWriter::with_capacity(1 << 16, stdout.lock()));
    if format == Format::Json {
        out.write(|buf| buf.push_str("{\"ops\": ["));
    }
    // Each span is written as soon as it is known, so neither the diff nor its text is
    // ever held whole.
    let mut first = true;
    let mut flat = FlatOps::new(docs, |span: &Span| {
        match format {
            Format::Plain => out.write(|buf| render::plain_span(span, buf)),
            Format::Ansi => out.write(|buf| render::ansi_span(span, mode, buf)),
            Format::Json => out.write_json(if first { "\n" } else { ",\n" }, span),
            Format::Markdown | Format::Html => {}
        }
        first = false;
    });
    // Paragraph ids, worked out once: the pairing matches paragraphs by them, and the
    // count counts each text once by them.
    let ids = para_ids(docs);
    let ids = ids.as_ref().map(Vec::as_slice);
    // The folder that counts the content words goes on to build the corpus, so no
    // spelling is folded twice.
    let count = move || {
        let folder = Folder::new();
        let paragraphs = docs.map(Doc::paragraphs);
        let counted = content_words(
            &folder,
            &[&paragraphs.left, &paragraphs.right],
            &[ids.left, ids.right],
        );
        (counted, folder)
    };
    let counts = inputs.corpus.is_none();
    let size = docs.left.text.len() + docs.right.text.len();
    let (comparison, (counted, folder)) = std::thread::scope(|s| {
        // Counting the content words of two texts needs no pairing: on long texts it runs
        // beside the diff, on the other core.
        let counting = (counts && size >= COUNT_BESIDE_BYTES).then(|| s.spawn(count));
        let comparison = compare_each(docs, ids, &options, |block| flat.block(block));
        let counted = match counting {
            Some(handle) => handle
                .join()
                .unwrap_or_else(|_| (Vec::new(), Folder::new())),
            None if counts => count(),
            None => (Vec::new(), Folder::new()),
        };
        (comparison, counted)
    });
    flat.finish();
    let word_options = WordOptions {
        normalize: args.normalize,
        algorithm: options.algorithm,
        deadline: None,
    };
    let built;
    let corpus = match &inputs.corpus {
        Some(corpus) => corpus,
        None => {
            built = corpus_of(docs, &comparison, &counted, &folder);
            &built
        }
    };
    let told = told(
        corpus,
        inputs.reports,
        docs,
        &comparison,
        Diffs::Extra(&word_options),
        Scope::Unpaired,
    );
    match format {
        Format::Plain => out.write(|buf| buf.push_str(&matches_section(&told, render::plain))),
        Format::Ansi => out.write(|buf| {
            buf.push_str(&matches_section(&told, |spans| render::ansi(spans, mode)));
        }),
        Format::Markdown | Format::Html => {}
        Format::Json => {
            let stats = comparison.stats;
            let figures = JsonFigures {
                versions: Pair::from_fn(|side| Version {
                    name: inputs.names[side].clone(),
                    words: stats.words[side],
                    shared: round3(told.shared[side]),
                }),
                stats: Stats {
                    similarity: round3(stats.similarity),
                    ..stats
                },
                normalized: args.normalize,
            };
            let figures =
                json_visible(serde_json::to_string(&figures).context("cannot encode the diff")?);
            out.write(|buf| buf.push_str("\n],\n\"paragraphs\": ["));
            for (i, entry) in paragraph_entries(&comparison).enumerate() {
                out.write_json(if i == 0 { "\n" } else { ",\n" }, &entry);
            }
            out.write(|buf| buf.push_str("\n],\n\"matches\": ["));
            for (i, m) in told.extra().enumerate() {
                let entry = MatchEntry {
                    places: m.at.map(|at| Place {
                        paragraph: at.paragraph,
                        start: at.start,
                        end: at.end,
                    }),
                    score: round3(m.score),
                };
                out.write_json(if i == 0 { "\n" } else { ",\n" }, &entry);
            }
            out.write(|buf| {
                buf.push_str("\n],\n");
                buf.push_str(figures.strip_prefix('{').unwrap_or(&figures));
                buf.push('\n');
            });
        }
    }
    out.finish().context("cannot write to stdout")?;
    Ok(comparison.stats.hunks > 0)
}

/// The formats that are one document with the figures on top, built whole.
#[derive(Clone, Copy)]
enum Export {
    Markdown,
    Html,
}

impl Export {
    fn of(format: Format) -> Option<Export> {
        match format {
            Format::Markdown => Some(Export::Markdown),
            Format::Html => Some(Export::Html),
            _ => None,
        }
    }
}

/// A Markdown or HTML document of the comparison; returns whether the versions differ.
fn export_document(inputs: &Inputs, options: &Options, export: Export) -> anyhow::Result<bool> {
    let docs = inputs.docs.as_ref();
    let comparison = compare(docs.left, docs.right, options);
    let ops = flat_ops(&comparison.blocks, docs);
    let names = inputs.names.as_ref().map(String::as_str);
    let title = format!("{} ⇄ {}", names.left, names.right);
    let out = match export {
        Export::Markdown => export::markdown(&title, names, &comparison.stats, &ops),
        Export::Html => export::html(&title, names, &comparison.stats, &ops),
    };
    let mut lock = std::io::stdout().lock();
    lock.write_all(out.as_bytes())
        .and_then(|()| lock.flush())
        .or_else(ignore_broken_pipe)
        .context("cannot write to stdout")?;
    Ok(comparison.stats.hunks > 0)
}

/// Buffered standard output that keeps the first write error and stops writing there.
struct Output<W: Write> {
    writer: W,
    buf: String,
    /// Scratch for one JSON value, encoded in place rather than into a string of its own.
    json: Vec<u8>,
    error: Option<std::io::Error>,
}

impl<W: Write> Output<W> {
    fn new(writer: W) -> Self {
        Output {
            writer,
            buf: String::new(),
            json: Vec::new(),
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

    /// Writes `before`, then one op or entry of the JSON lists with hostile characters
    /// escaped.
    fn write_json(&mut self, before: &str, value: &impl Serialize) {
        if self.error.is_some() {
            return;
        }
        self.json.clear();
        self.json.extend_from_slice(before.as_bytes());
        // Ops and entries always encode (strings, numbers, enums); should one not, it is
        // left out and the rebuild check downstream names the place.
        if serde_json::to_writer(&mut self.json, value).is_err() {
            self.json.truncate(before.len());
        }
        // serde_json writes UTF-8 (its strings come from `&str`), so this always reads.
        let written = match std::str::from_utf8(&self.json) {
            Ok(json) => self.writer.write_all(json_escaped(json).as_bytes()),
            Err(_) => Ok(()),
        };
        if let Err(e) = written {
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

/// The section after the diff that lists sentences told by both in other places and
/// other words, each with its word diff.
fn matches_section(told: &Told, render: impl Fn(&[Span]) -> String) -> String {
    let matched: Vec<&Matched> = told.extra().collect();
    if matched.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n\n=== told by both, in other places or other words: {} sentence pair{} ===\n",
        matched.len(),
        if matched.len() == 1 { "" } else { "s" }
    );
    for m in matched {
        out.push_str(&format!(
            "\n--- left ¶{} ~ right ¶{} (score {:.2})\n",
            m.at.left.paragraph + 1,
            m.at.right.paragraph + 1,
            m.score
        ));
        out.push_str(&render(&m.spans));
        out.push('\n');
    }
    out
}

/// A closed pipe (`diverge diff … | head`) is the reader's choice, not an error.
pub fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}
