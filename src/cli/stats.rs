//! `diverge stats STORY`: per-report word counts and how similar each pair of reports is.

use serde::Serialize;

use super::json::round3;
use crate::diff::{Options, compare, docs};
use crate::story::Story;
use crate::visible::json_visible;

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
}

#[derive(Serialize)]
struct PairStats {
    left: String,
    right: String,
    similarity: f64,
    words_added: usize,
    words_removed: usize,
    hunks: usize,
}

#[derive(Serialize)]
struct StoryStats {
    title: String,
    reports: Vec<ReportStats>,
    pairs: Vec<PairStats>,
}

fn gather(story: &Story) -> StoryStats {
    let docs = docs(story);
    let reports = story
        .reports
        .iter()
        .map(|r| ReportStats {
            outlet: r.outlet.clone(),
            paragraphs: r.body.len(),
            words: r.word_count(),
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, (a, da)) in story.reports.iter().zip(&docs).enumerate() {
        for (b, db) in story.reports.iter().zip(&docs).skip(i + 1) {
            let stats = compare(da, db, &Options::default()).stats;
            pairs.push(PairStats {
                left: a.outlet.clone(),
                right: b.outlet.clone(),
                similarity: round3(stats.similarity),
                words_added: stats.words_added,
                words_removed: stats.words_removed,
                hunks: stats.hunks,
            });
        }
    }
    StoryStats {
        title: story.title.clone(),
        reports,
        pairs,
    }
}

pub fn render(story: &Story, format: StatsFormat) -> anyhow::Result<String> {
    let stats = gather(story);
    Ok(match format {
        StatsFormat::Json => json_visible(serde_json::to_string_pretty(&stats)? + "\n"),
        StatsFormat::Table => table(&stats),
    })
}

fn table(stats: &StoryStats) -> String {
    use crate::visible::visible;
    let mut out = format!("{}\n\n", visible(&stats.title));
    let width = stats
        .reports
        .iter()
        .map(|r| r.outlet.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    out.push_str(&format!(
        "{:<width$}  {:>10}  {:>6}\n",
        "outlet", "paragraphs", "words"
    ));
    for r in &stats.reports {
        out.push_str(&format!(
            "{:<width$}  {:>10}  {:>6}\n",
            visible(&r.outlet),
            r.paragraphs,
            r.words
        ));
    }
    out.push_str(&format!(
        "\n{:<width$}  {:<width$}  {:>10}  {:>6}  {:>7}  {:>5}\n",
        "left", "right", "similarity", "added", "removed", "hunks"
    ));
    for p in &stats.pairs {
        out.push_str(&format!(
            "{:<width$}  {:<width$}  {:>10.3}  {:>6}  {:>7}  {:>5}\n",
            visible(&p.left),
            visible(&p.right),
            p.similarity,
            p.words_added,
            p.words_removed,
            p.hunks
        ));
    }
    out
}
