//! Where reports start on a breakdown page: headline-like lines followed by a summary
//! whose sentences reappear in the body, or by a lede that repeats the headline.

use std::collections::HashSet;

use super::furniture::furniture_kind;
use super::words::{coverage, ends_sentence, keys, sentences};

/// Headlines are short; a longer line without closing punctuation is a caption or a credit.
const MAX_HEADLINE_WORDS: usize = 20;
/// A summary sentence "reappears" in a body line holding this share of its content words,
/// which tolerates the retouching summaries get (tense, titles, trimmed clauses).
const SENTENCE_MATCH: f64 = 0.6;
/// Sentences with fewer content words than this match too easily to count.
const MIN_SENTENCE_KEYS: usize = 4;
/// A summary condenses several paragraphs: this many of its sentences must reappear.
const MIN_SUMMARY_MATCHES: usize = 2;
/// Without a summary, a headline must share this share of its content words with the lede.
const LEDE_MATCH: f64 = 0.5;
/// How far after a summary its sentences are looked for: further than any real report
/// runs, and a bound on the work a long text without reports costs.
const MAX_REPORT_LINES: usize = 150;
/// How many lines after a summary-less headline count as its lede.
const LEDE_LINES: usize = 2;

/// One non-blank line of the page, trimmed, with its 1-based line number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
}

/// Where a report starts, and whether its second line is a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    pub index: usize,
    pub has_summary: bool,
}

/// Non-blank lines, trimmed; a byte-order mark and CR of CRLF endings go too.
pub(super) fn page_lines(text: &str) -> Vec<Line<'_>> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(i, line)| Line {
            number: i + 1,
            text: line.trim(),
        })
        .filter(|line| !line.text.is_empty())
        .collect()
}

/// Report starts, in page order. Line 0 is the page title, never a report.
///
/// Lines are tried from the last to the first so that each candidate's summary is looked
/// for only up to the next report's start: a reprint in a later report must not vouch for
/// a line inside an earlier body.
pub(super) fn find_starts(lines: &[Line]) -> Vec<Start> {
    let page = Page {
        texts: lines.iter().map(|l| l.text).collect(),
        keys: lines.iter().map(|l| keys(l.text)).collect(),
    };
    let mut next_start = lines.len();
    let mut starts = Vec::new();
    for i in (1..lines.len()).rev() {
        if let Some(start) = page.start_at(i, next_start) {
            starts.push(start);
            next_start = i;
        }
    }
    starts.reverse();
    starts
}

/// The page's lines with their content-word keys, computed once.
struct Page<'a> {
    texts: Vec<&'a str>,
    keys: Vec<HashSet<String>>,
}

impl Page<'_> {
    /// Whether a report starts at line `i`, given that the next one starts at `end`.
    fn start_at(&self, i: usize, end: usize) -> Option<Start> {
        let headline = self.texts.get(i)?;
        let next = self.texts.get(i + 1)?;
        // A body may open with a photo caption rather than prose.
        let next_is_body =
            (ends_sentence(next) || is_caption(next)) && furniture_kind(next).is_none();
        if !is_headline_like(headline) || !next_is_body {
            return None;
        }
        let reach = end.min(i + 2 + MAX_REPORT_LINES);
        let after = self.keys.get(i + 2..reach).unwrap_or_default();
        let has_summary = summary_reappears(next, after);
        let lede = self
            .keys
            .get(i + 1..end.min(i + 1 + LEDE_LINES))
            .unwrap_or_default();
        let in_lede = || self.keys.get(i).is_some_and(|h| headline_in_lede(h, lede));
        (has_summary || in_lede()).then_some(Start {
            index: i,
            has_summary,
        })
    }
}

/// Short, without closing punctuation, and neither furniture nor a photo caption.
fn is_headline_like(line: &str) -> bool {
    line.split_whitespace().count() <= MAX_HEADLINE_WORDS
        && !ends_sentence(line)
        && furniture_kind(line).is_none()
        && !is_caption(line)
}

/// Captions are the other short unpunctuated lines inside bodies: a gallery counter
/// ("Item 1 of 2 …") or a closing picture credit ("… (Republic of Korea Government)").
fn is_caption(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let gallery_counter = matches!(
        (words.next(), words.next(), words.next(), words.next()),
        (Some("Item"), Some(n), Some("of"), Some(m))
            if n.parse::<u32>().is_ok() && m.parse::<u32>().is_ok()
    );
    gallery_counter || line.ends_with(')')
}

/// Whether enough sentences of `summary` reappear in the `body` lines after it, and in more
/// than one line:
/// a summary condenses a report, while two sentences found in one paragraph are more
/// likely a paragraph repeated within a body.
fn summary_reappears(summary: &str, body: &[HashSet<String>]) -> bool {
    if !ends_sentence(summary) {
        return false;
    }
    let candidates: Vec<HashSet<String>> = sentences(summary)
        .into_iter()
        .map(keys)
        .filter(|k| k.len() >= MIN_SENTENCE_KEYS)
        .collect();
    let mut matched = 0;
    let mut lines_used = HashSet::new();
    for sentence in &candidates {
        let found: Vec<usize> = body
            .iter()
            .enumerate()
            .filter(|(_, line)| coverage(sentence, line) >= SENTENCE_MATCH)
            .map(|(j, _)| j)
            .collect();
        if !found.is_empty() {
            matched += 1;
            lines_used.extend(found);
        }
    }
    matched >= MIN_SUMMARY_MATCHES && matched * 2 >= candidates.len() && lines_used.len() >= 2
}

/// Whether a summary-less headline's words open the body that follows it.
fn headline_in_lede(headline: &HashSet<String>, lede: &[HashSet<String>]) -> bool {
    let lede_keys: HashSet<String> = lede.iter().flatten().cloned().collect();
    headline.len() >= 2 && coverage(headline, &lede_keys) >= LEDE_MATCH
}
