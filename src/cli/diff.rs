//! `diverge diff A B`: two plain-text versions compared, for scripts and pagers. Exit
//! status as diff(1): 0 equal, 1 different, 2 trouble.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Serialize;

use super::ColorChoice;
use super::json::{ParagraphEntry, paragraph_entries, round3};
use super::open::open_story;
use super::render::{self, Ansi};
use crate::diff::sentences::Corpus;
use crate::diff::{
    Diffs, Doc, Matched, Options, Span, Stats, Told, WordOptions, compare, corpus, docs, flat_ops,
    told,
};
use crate::export;
use crate::side::Pair;
use crate::story::{MAX_INPUT_BYTES, Story, read_text_file, text_from_bytes};
use crate::visible::{json_visible, visible};

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

#[derive(Serialize)]
struct JsonDiff<'a> {
    #[serde(flatten)]
    versions: Pair<Version>,
    #[serde(flatten)]
    stats: Stats,
    normalized: bool,
    ops: &'a [Span],
    paragraphs: Vec<ParagraphEntry>,
    matches: Vec<MatchEntry>,
}

/// The two versions to compare, however they were given.
struct Inputs {
    names: Pair<String>,
    docs: Pair<Doc>,
    /// Every report of the story (or the two texts), for the sentence layer's word weights.
    corpus: Corpus,
    /// Where the two versions are in the corpus.
    reports: Pair<usize>,
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

impl Inputs {
    fn read(args: &DiffArgs) -> anyhow::Result<Inputs> {
        match (args.files.as_slice(), &args.left, &args.right) {
            ([left, right], None, None) => {
                let paths = Pair::new(left, right);
                if is_stdin(left) && is_stdin(right) {
                    bail!("only one side can be read from stdin (-)");
                }
                let docs = Pair::new(
                    Doc::from_text(read_input(left)?),
                    Doc::from_text(read_input(right)?),
                );
                let corpus = corpus([&docs.left, &docs.right]);
                Ok(Inputs {
                    names: paths.map(|p| stem(p)),
                    docs,
                    corpus,
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
                    corpus,
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

/// Prints the diff; `Ok(true)` when the versions differ (exit 1), `Ok(false)` when they
/// are equal (exit 0). With `--normalize`, style-only differences count as equal.
pub fn run(args: &DiffArgs) -> anyhow::Result<bool> {
    let inputs = Inputs::read(args)?;
    let options = Options {
        normalize: args.normalize,
        ..Options::default()
    };
    let docs = inputs.docs.as_ref();
    let comparison = compare(docs.left, docs.right, &options);
    let word_options = WordOptions {
        normalize: args.normalize,
        algorithm: options.algorithm,
        deadline: None,
    };
    let told = told(
        &inputs.corpus,
        inputs.reports,
        docs,
        &comparison,
        Diffs::Extra(&word_options),
    );
    let ops = flat_ops(&comparison.blocks, docs);
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    let format = args.format.unwrap_or(if is_terminal {
        Format::Ansi
    } else {
        Format::Plain
    });
    let names = inputs.names.as_ref().map(String::as_str);
    let title = format!("{} ⇄ {}", names.left, names.right);
    let out = match format {
        Format::Markdown => export::markdown(&title, names, &comparison.stats, &ops),
        Format::Html => export::html(&title, names, &comparison.stats, &ops),
        Format::Plain => render::plain(&ops) + &matches_section(&told, render::plain),
        Format::Ansi => {
            let mode = if args.color.enabled(is_terminal) {
                Ansi::Colour
            } else {
                Ansi::Attributes
            };
            render::ansi(&ops, mode) + &matches_section(&told, |spans| render::ansi(spans, mode))
        }
        Format::Json => {
            let stats = comparison.stats;
            let doc = JsonDiff {
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
                ops: &ops,
                paragraphs: paragraph_entries(&comparison),
                matches: told
                    .extra()
                    .map(|m| MatchEntry {
                        places: m.at.map(|at| Place {
                            paragraph: at.paragraph,
                            start: at.start,
                            end: at.end,
                        }),
                        score: round3(m.score),
                    })
                    .collect(),
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
        .context("cannot write to stdout")?;
    Ok(comparison.stats.hunks > 0)
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
