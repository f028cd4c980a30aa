//! `diverge facts STORY`: the facts ledger (quotes, numbers, dates and names lined up
//! across reports) as a table or JSON.

use serde::Serialize;

use crate::facts::{Entry, Flag, Kind, Ledger, Row, ledger};
use crate::story::Story;
use crate::visible::{json_visible, visible};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FactsFormat {
    Table,
    Json,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    outlet: &'a str,
    #[serde(flatten)]
    entry: &'a Entry,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    kind: Kind,
    flag: Flag,
    outlets: Vec<&'a str>,
    entries: Vec<JsonEntry<'a>>,
}

#[derive(Serialize)]
struct Counts {
    differently: usize,
    one_outlet: usize,
    alike: usize,
}

#[derive(Serialize)]
struct JsonLedger<'a> {
    title: &'a str,
    counts: Counts,
    rows: Vec<JsonRow<'a>>,
}

fn outlet(story: &Story, report: usize) -> &str {
    story.reports.get(report).map_or("?", |r| r.outlet.as_str())
}

/// The ledger of `story` in `format`.
pub fn render(story: &Story, format: FactsFormat) -> anyhow::Result<String> {
    let ledger = ledger(story);
    Ok(match format {
        FactsFormat::Json => {
            json_visible(serde_json::to_string_pretty(&json(story, &ledger))? + "\n")
        }
        FactsFormat::Table => table(story, &ledger),
    })
}

fn json<'a>(story: &'a Story, ledger: &'a Ledger) -> JsonLedger<'a> {
    JsonLedger {
        title: &story.title,
        counts: Counts {
            differently: ledger.count(Flag::Differently),
            one_outlet: ledger.count(Flag::OneOutlet),
            alike: ledger.count(Flag::Alike),
        },
        rows: ledger
            .rows
            .iter()
            .map(|row| JsonRow {
                kind: row.kind,
                flag: row.flag,
                outlets: row
                    .reports()
                    .into_iter()
                    .map(|r| outlet(story, r))
                    .collect(),
                entries: row
                    .entries
                    .iter()
                    .map(|entry| JsonEntry {
                        outlet: outlet(story, entry.report),
                        entry,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Longest quote text a table line shows before cutting it with "…".
const QUOTE_CHARS: usize = 90;

fn cut(text: &str, max: usize) -> String {
    let one_line = visible(text).replace(['\n', '\t'], " ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let kept: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{}\u{2026}", kept.trim_end())
}

/// One block per row: flag, kind and label, then one line per entry with its outlet and
/// paragraph (from 1, as the reader shows them).
fn table(story: &Story, ledger: &Ledger) -> String {
    let mut out = format!(
        "Facts ledger: {}\n{} told differently, {} by one outlet only, {} told alike\n",
        visible(&story.title),
        ledger.count(Flag::Differently),
        ledger.count(Flag::OneOutlet),
        ledger.count(Flag::Alike),
    );
    let width = story
        .reports
        .iter()
        .map(|r| visible(&r.outlet).chars().count())
        .max()
        .unwrap_or(6)
        + 5;
    for row in &ledger.rows {
        out.push_str(&row_heading(row));
        for e in &row.entries {
            let place = format!(
                "{} \u{b6}{}",
                visible(outlet(story, e.report)),
                e.paragraph + 1
            );
            let mut text = match e.kind {
                Kind::Quote => format!("\u{201C}{}\u{201D}", cut(&e.text, QUOTE_CHARS)),
                _ => cut(&e.text, QUOTE_CHARS),
            };
            if let Some(speaker) = &e.speaker {
                text.push_str(&format!(" \u{2014} {}", visible(speaker)));
            }
            out.push_str(&format!("    {place:<width$}  {text}\n"));
        }
    }
    out
}

fn row_heading(row: &Row) -> String {
    let label = match row.kind {
        Kind::Quote => format!("\u{201C}{}\u{201D}", cut(&row.label(), 60)),
        _ => cut(&row.label(), 60),
    };
    format!(
        "\n{:<16}  {:<6}  {label}\n",
        row.flag.name(),
        row.kind.name()
    )
}
