//! One report's lines on their way to a `Report`: headline, summary, body, and the
//! furniture left out of it.

use super::ImportOptions;
use super::cues::{QUOTED_CHARS, shorten};
use super::furniture::furniture_kind;
use super::starts::Line;
use crate::story::Report;

/// One report's lines before it becomes a `Report`.
pub(super) struct Draft<'a> {
    pub headline: &'a str,
    pub summary: Option<&'a str>,
    pub body: Vec<&'a str>,
    pub outlet: String,
}

impl<'a> Draft<'a> {
    pub fn new(lines: &[Line<'a>], has_summary: bool) -> Self {
        let mut texts = lines.iter().map(|l| l.text);
        let headline = texts.next().unwrap_or_default();
        let summary = if has_summary { texts.next() } else { None };
        Draft {
            headline,
            summary,
            body: texts.collect(),
            outlet: String::new(),
        }
    }

    /// `report 2 "South Korean President Lee, Xi…"`, as messages name a report.
    pub fn label(&self, index: usize) -> String {
        format!(
            "report {} \"{}\"",
            index + 1,
            shorten(self.headline, QUOTED_CHARS)
        )
    }

    pub fn left_out_message(&self, index: usize, options: ImportOptions) -> Option<String> {
        if options.keep_furniture {
            return None;
        }
        let dropped: Vec<String> = self
            .body
            .iter()
            .filter_map(|l| {
                furniture_kind(l).map(|kind| format!("\"{}\" ({kind})", shorten(l, QUOTED_CHARS)))
            })
            .collect();
        (!dropped.is_empty()).then(|| {
            format!(
                "{}: left out page furniture {}; --keep-furniture keeps it",
                self.label(index),
                dropped.join(", ")
            )
        })
    }

    pub fn into_report(self, options: ImportOptions) -> Report {
        let body = self
            .body
            .into_iter()
            .filter(|l| options.keep_furniture || furniture_kind(l).is_none())
            .map(str::to_string)
            .collect();
        let mut report = Report::new(self.outlet, body);
        report.headline = Some(self.headline.to_string());
        report.summary = self.summary.map(str::to_string);
        report
    }
}
