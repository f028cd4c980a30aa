//! `diverge stats STORY`: per-report word counts and what each report alone tells, and
//! for every pair of reports how similar they are, how much one reuses of the other and
//! how much they tell alike.

use serde::Serialize;

use super::json::round3;
use crate::diff::overview::overview;
use crate::diff::reuse::reuse_grid;
use crate::diff::{Comparison, Diffs, Options, Scope, compare, corpus, docs, told};
use crate::side::{Pair, Side};
use crate::story::Story;
use crate::visible::{json_visible, visible};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
}

#[derive(Serialize)]
struct ReportStats {
    outlet: String,
    paragraphs: usize,
    words: usize,
    /// Share of its content no other report tells.
    original: f64,
    /// Its sentences no other report tells.
    only_sentences: usize,
}

#[derive(Serialize)]
struct PairStats {
    left: String,
    right: String,
    similarity: f64,
    words_added: usize,
    words_removed: usize,
    hunks: usize,
    /// Share of each side's content told by both.
    told_by_both: Pair<f64>,
}

/// `grid[row][column]` figures, rows and columns in the order of `reports`.
#[derive(Serialize)]
struct Grid {
    /// Share of the column report's words in runs of 8 or more words the row report has.
    reuse: Vec<Vec<f64>>,
    /// Share of the column report's content the row report tells too.
    told_by_both: Vec<Vec<f64>>,
}

#[derive(Serialize)]
struct StoryStats {
    title: String,
    reports: Vec<ReportStats>,
    pairs: Vec<PairStats>,
    grid: Grid,
}

fn gather(story: &Story) -> StoryStats {
    let docs = docs(story);
    let corpus = corpus(&docs);
    let count = docs.len();
    let options = Options::default();
    // Every unordered pair, left before right, with its sentence layer.
    let mut compared: Vec<(Pair<usize>, Comparison)> = Vec::new();
    for i in 0..count {
        for j in i + 1..count {
            let (Some(a), Some(b)) = (docs.get(i), docs.get(j)) else {
                continue;
            };
            let mut c = compare(a, b, &options);
            let key = Pair::new(i, j);
            c.told = Some(told(
                &corpus,
                key,
                Pair::new(a, b),
                &c,
                Diffs::None,
                Scope::All,
            ));
            compared.push((key, c));
        }
    }
    let find = |i: usize, j: usize| {
        compared.iter().find_map(|(key, c)| {
            let told = c.told.as_ref()?;
            if *key == Pair::new(i, j) {
                Some((told, Side::Right))
            } else if *key == Pair::new(j, i) {
                Some((told, Side::Left))
            } else {
                None
            }
        })
    };
    let glance = overview(reuse_grid(&docs), count, find);
    let outlet = |i: usize| story.reports.get(i).map_or("", |r| r.outlet.as_str());
    let reports = story
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| ReportStats {
            outlet: r.outlet.clone(),
            paragraphs: r.body.len(),
            words: r.word_count(),
            original: round3(glance.original.get(i).copied().flatten().unwrap_or(0.0)),
            only_sentences: glance.only.get(i).copied().flatten().unwrap_or(0),
        })
        .collect();
    let pairs = compared
        .iter()
        .map(|(key, c)| PairStats {
            left: outlet(key.left).to_string(),
            right: outlet(key.right).to_string(),
            similarity: round3(c.stats.similarity),
            words_added: c.stats.words_added,
            words_removed: c.stats.words_removed,
            hunks: c.stats.hunks,
            told_by_both: c
                .told
                .as_ref()
                .map_or(Pair::default(), |t| t.shared.map(round3)),
        })
        .collect();
    let rounded = |grid: Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        grid.into_iter()
            .map(|row| row.into_iter().map(round3).collect())
            .collect()
    };
    let both = glance
        .both
        .into_iter()
        .map(|row| row.into_iter().map(|c| c.unwrap_or(0.0)).collect())
        .collect();
    StoryStats {
        title: story.title.clone(),
        reports,
        pairs,
        grid: Grid {
            reuse: rounded(glance.reuse),
            told_by_both: rounded(both),
        },
    }
}

pub fn render(story: &Story, format: StatsFormat) -> anyhow::Result<String> {
    let stats = gather(story);
    Ok(match format {
        StatsFormat::Json => json_visible(serde_json::to_string_pretty(&stats)? + "\n"),
        StatsFormat::Table => table(&stats),
    })
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn table(stats: &StoryStats) -> String {
    let mut out = format!("{}\n\n", visible(&stats.title));
    let width = stats
        .reports
        .iter()
        .map(|r| r.outlet.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    out.push_str(&format!(
        "{:>3}  {:<width$}  {:>10}  {:>6}  {:>8}  {:>13}\n",
        "#", "outlet", "paragraphs", "words", "original", "own sentences"
    ));
    for (i, r) in stats.reports.iter().enumerate() {
        out.push_str(&format!(
            "{:>3}  {:<width$}  {:>10}  {:>6}  {:>8}  {:>13}\n",
            i + 1,
            visible(&r.outlet),
            r.paragraphs,
            r.words,
            percent(r.original),
            r.only_sentences
        ));
    }
    out.push_str(&format!(
        "\n{:<width$}  {:<width$}  {:>10}  {:>6}  {:>7}  {:>5}  {:>13}\n",
        "left", "right", "similarity", "added", "removed", "hunks", "told by both"
    ));
    for p in &stats.pairs {
        out.push_str(&format!(
            "{:<width$}  {:<width$}  {:>10.3}  {:>6}  {:>7}  {:>5}  {:>13}\n",
            visible(&p.left),
            visible(&p.right),
            p.similarity,
            p.words_added,
            p.words_removed,
            p.hunks,
            format!(
                "{} · {}",
                percent(p.told_by_both.left),
                percent(p.told_by_both.right)
            )
        ));
    }
    for (title, grid) in [
        (
            "reuse: share of the column outlet's words in 8-word runs of the row outlet",
            &stats.grid.reuse,
        ),
        (
            "told by both: share of the column outlet's content the row outlet tells too",
            &stats.grid.told_by_both,
        ),
    ] {
        out.push_str(&format!("\n{title}\n{:>4}", ""));
        for column in 1..=grid.len() {
            out.push_str(&format!("{column:>6}"));
        }
        out.push('\n');
        for (row, cells) in grid.iter().enumerate() {
            out.push_str(&format!("{:>4}", row + 1));
            for (column, &cell) in cells.iter().enumerate() {
                let shown = if row == column {
                    "—".to_string()
                } else {
                    percent(cell)
                };
                out.push_str(&format!("{shown:>6}"));
            }
            out.push('\n');
        }
    }
    out
}
