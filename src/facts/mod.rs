//! The facts ledger, pure and terminal-free: the quotes, numbers, dates and names each
//! report gives, lined up across reports into rows, each row flagged as told alike by all
//! who tell it, told differently, or told by one outlet only.
//!
//! Extraction reads each report on its own ([`extract`]); rows come from equal keys, from
//! quotes worded alike or close, and from the engine's two layers of "told by both"
//! (paired paragraphs and matched sentences), whose word diff shows where one report puts
//! another number, date or name in the same place ("Tuesday" → "June 10").

mod dates;
mod extract;
mod links;
mod names;
mod numbers;
mod quotes;
mod rows;
mod words;

pub use extract::extract;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::story::Story;

/// What kind of fact an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quote,
    Date,
    Number,
    Name,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Name => "name",
        }
    }
}

/// How a row's reports tell its fact. Ordered as the ledger lists rows: disagreements
/// first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// A quote worded differently, or one report has another number, date or name where
    /// another report's matching text has this one.
    Differently,
    /// Only one outlet tells it.
    OneOutlet,
    /// Every report that tells it tells it alike.
    Alike,
}

impl Flag {
    /// The flag as the ledger prints it.
    pub fn name(self) -> &'static str {
        match self {
            Flag::Differently => "told differently",
            Flag::OneOutlet => "one outlet only",
            Flag::Alike => "told alike",
        }
    }
}

/// One fact as one report gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Index of the report in the story.
    pub report: usize,
    /// Paragraph of the report's body, from 0.
    pub paragraph: usize,
    /// Byte offsets into that paragraph.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// What entries are lined up by: folded words for quotes, "24.9 percent", "june 4",
    /// "lee jae-myung".
    pub key: String,
    /// The text as the report gives it.
    pub text: String,
    /// Who a quote is attributed to, where the report says so next to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// One fact across reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub kind: Kind,
    pub flag: Flag,
    /// In report and reading order.
    pub entries: Vec<Entry>,
}

impl Row {
    /// The reports that tell the row's fact.
    pub fn reports(&self) -> BTreeSet<usize> {
        self.entries.iter().map(|e| e.report).collect()
    }

    /// A short label: for a number, date or name told differently, the wordings set
    /// against each other ("Tuesday ≠ June 10"); else the first entry's text.
    pub fn label(&self) -> String {
        if self.flag == Flag::Differently && self.kind != Kind::Quote {
            let mut keys: Vec<&str> = Vec::new();
            let mut texts: Vec<&str> = Vec::new();
            for e in &self.entries {
                if !keys.contains(&e.key.as_str()) {
                    keys.push(&e.key);
                    texts.push(&e.text);
                }
            }
            return texts.join(" \u{2260} ");
        }
        self.entries
            .first()
            .map(|e| e.text.clone())
            .unwrap_or_default()
    }
}

/// The facts of a story, lined up.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Ledger {
    /// Disagreements first, then facts one outlet alone gives, then facts told alike.
    pub rows: Vec<Row>,
}

impl Ledger {
    /// Rows with `flag`.
    pub fn count(&self, flag: Flag) -> usize {
        self.rows.iter().filter(|r| r.flag == flag).count()
    }
}

/// The facts ledger of `story`: every report's facts, lined up across reports and
/// flagged. Compares every pair of reports, so it costs what `stats` costs.
pub fn ledger(story: &Story) -> Ledger {
    let entries = extract(story);
    let links = links::links(story, &entries);
    Ledger {
        rows: rows::rows(&entries, &links),
    }
}

#[cfg(test)]
mod tests;
