//! Where reports start on a breakdown page. Every headline-like line is a candidate; a
//! candidate is vouched for by a summary whose sentences reappear in the lines after it,
//! or by a lede that repeats the headline. The page is then cut as a whole: of all the
//! ways to choose starts, the one whose reports are best vouched for wins, so a caption
//! inside a body does not split a report just because it looks like a headline.

use std::collections::HashSet;

use super::furniture::furniture_kind;
use super::words::{CLOSERS, all_keys, coverage, ends_sentence, keys, sentences};

/// Headlines are short; a longer line without closing punctuation is a caption or a credit.
const MAX_HEADLINE_WORDS: usize = 20;
/// A summary sentence "reappears" in a body line holding this share of its content words,
/// which tolerates the retouching summaries get (tense, titles, trimmed clauses).
const SENTENCE_MATCH: f64 = 0.6;
/// At least one summary sentence must reappear with this share of its content words.
const WHOLE_MATCH: f64 = 0.85;
/// Sentences with fewer content words than this match too easily to count, unless the
/// whole summary is that short ("A Psalm of David.").
const MIN_SENTENCE_KEYS: usize = 3;
/// A summary vouches for its headline when this share of its words, counted in the
/// sentences that reappear, is found again in the report.
const SUMMARY_MATCH: f64 = 0.6;
/// Without a summary, a headline must share this share of its content words with the lede.
const LEDE_MATCH: f64 = 0.5;
/// What each report costs a cut, so a start must bring more evidence than that: a lede
/// that repeats a headline is weak evidence, and a report's summary vouches for it more
/// the more lines its sentences are found in. A caption inside a body that happens to
/// be followed by a repeated paragraph then does not split the report, since the half
/// before it would keep only the weak evidence of a lede.
const START_COST: f64 = 0.4;
/// Found-again lines past the first that add to a summary's evidence.
const MAX_EXTRA_LINES: usize = 3;
/// A candidate with at least this much of the evidence it needs is worth a message when
/// it is not chosen.
const NEAR_MISS: f64 = 0.3;
/// How many later candidates a report may run past: captions and credits that look like
/// headlines. Bounds the work on a text full of short lines.
const MAX_SKIPPED: usize = 64;
/// How far after a summary its sentences are looked for: further than any real report
/// runs, and a bound on the work a long text without reports costs.
const MAX_REPORT_LINES: usize = 150;
/// A headline told by its small words as well needs this many words, as small words
/// alone match anywhere.
const MIN_SMALL_WORDS_HEADLINE: usize = 3;
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

/// The chosen starts, and the headline-like lines that had some evidence of starting a
/// report but were left in a body: the user should look at those.
#[derive(Debug, Default)]
pub(super) struct Segmentation {
    pub starts: Vec<Start>,
    pub unsure: Vec<usize>,
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

/// Report starts, in page order, and the lines it was unsure about. Line 0 is the page
/// title, never a report.
pub(super) fn find_starts(lines: &[Line]) -> Segmentation {
    let keys: Vec<HashSet<String>> = lines.iter().map(|l| keys(l.text)).collect();
    let mut candidates: Vec<Candidate> = (1..lines.len())
        .filter_map(|i| Candidate::at(lines, &keys, i))
        .collect();
    // A summary vouches for its own report only: where the next headline that its lede
    // repeats stands, its sentences found further on are another report's (a near copy
    // of the same agency story, say).
    let next_ledes: Vec<Option<usize>> = (0..candidates.len())
        .map(|k| {
            candidates
                .iter()
                .skip(k + 1)
                .find(|c| c.lede >= LEDE_MATCH)
                .map(|c| c.index)
        })
        .collect();
    for (candidate, next) in candidates.iter_mut().zip(next_ledes) {
        if let Some(limit) = next {
            for s in &mut candidate.sentences {
                s.at = s.at.filter(|&j| j < limit);
                s.whole = s.whole.filter(|&j| j < limit);
            }
        }
    }
    let chosen = best_cut(&candidates, lines.len());
    let unsure = candidates
        .iter()
        .filter(|c| c.promise() >= NEAR_MISS)
        .filter(|c| !chosen.iter().any(|s| s.index == c.index))
        .map(|c| c.index)
        .collect();
    Segmentation {
        starts: chosen,
        unsure,
    }
}

/// The cut with the highest total evidence, found by dynamic programming from the last
/// candidate back: `best[k]` is the best cut of the page from candidate `k` on, given
/// that a report starts there.
fn best_cut(candidates: &[Candidate], page_end: usize) -> Vec<Start> {
    let mut best: Vec<Option<(f64, Start, Option<usize>)>> = vec![None; candidates.len()];
    for k in (0..candidates.len()).rev() {
        let Some(candidate) = candidates.get(k) else {
            continue;
        };
        let later = (k + 1..candidates.len().min(k + 1 + MAX_SKIPPED)).map(Some);
        for next in later.chain([None]) {
            let (end, rest) = match next {
                Some(m) => match (candidates.get(m), best.get(m).copied().flatten()) {
                    (Some(c), Some((score, _, _))) => (c.index, score),
                    _ => continue,
                },
                None => (page_end, 0.0),
            };
            if let Some((score, start)) = candidate.score(end) {
                let total = score + rest;
                if best
                    .get(k)
                    .copied()
                    .flatten()
                    .is_none_or(|(b, _, _)| total > b)
                {
                    if let Some(slot) = best.get_mut(k) {
                        *slot = Some((total, start, next));
                    }
                }
            }
        }
    }
    let mut at = best
        .iter()
        .enumerate()
        .filter_map(|(k, b)| b.map(|(score, _, _)| (k, score)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k);
    let mut starts = Vec::new();
    while let Some((_, start, next)) = at.and_then(|k| best.get(k).copied().flatten()) {
        starts.push(start);
        at = next;
    }
    starts
}

/// A headline-like line and the evidence that a report starts there.
struct Candidate {
    index: usize,
    /// The next line's sentences: their content-word counts, the first line (page
    /// index) where each reappears, and the first where it reappears nearly whole;
    /// empty when the next line cannot be a summary.
    sentences: Vec<Reappearing>,
    /// The share of the headline's words that the lede repeats.
    lede: f64,
}

impl Candidate {
    fn at(lines: &[Line], keys: &[HashSet<String>], i: usize) -> Option<Candidate> {
        let headline = lines.get(i)?.text;
        let next = lines.get(i + 1)?.text;
        if !is_headline_like(headline) {
            return None;
        }
        let reach = lines.len().min(i + 2 + MAX_REPORT_LINES);
        let sentences = if ends_clause(next) && furniture_kind(next).is_none() {
            summary_sentences(next, keys, i + 2..reach)
        } else {
            Vec::new()
        };
        // The lede is the body's first lines of prose: a body may open with pictures.
        let lede: Vec<usize> = (i + 1..lines.len())
            .filter(|&j| lines.get(j).is_some_and(|l| !is_caption(l.text)))
            .take(LEDE_LINES)
            .collect();
        let lede = lede_match(headline, keys.get(i)?, &lede, lines, keys);
        Some(Candidate {
            index: i,
            sentences,
            lede,
        })
    }

    /// The share of the summary's words found again before `end`, and in how many lines.
    fn summary_match(&self, end: usize) -> (f64, usize) {
        // A summary condenses its own report: at least one of its sentences stands in the
        // body nearly whole. Prose that merely echoes itself (parallel clauses, a refrain)
        // reappears only in part.
        if !self
            .sentences
            .iter()
            .any(|s| s.whole.is_some_and(|j| j < end))
        {
            return (0.0, 0);
        }
        let total: usize = self.sentences.iter().map(|s| s.words).sum();
        let found: Vec<(usize, usize)> = self
            .sentences
            .iter()
            .filter_map(|s| s.at.filter(|&j| j < end).map(|j| (s.words, j)))
            .collect();
        let words: usize = found.iter().map(|(n, _)| n).sum();
        let lines: HashSet<usize> = found.iter().map(|&(_, j)| j).collect();
        if total == 0 {
            (0.0, 0)
        } else {
            (words as f64 / total as f64, lines.len())
        }
    }

    /// How well a report starting here and running to `end` is vouched for, less what a
    /// start costs; `None` when it is not vouched for at all.
    fn score(&self, end: usize) -> Option<(f64, Start)> {
        let (summary, lines) = self.summary_match(end);
        let start = |has_summary| Start {
            index: self.index,
            has_summary,
        };
        if summary >= SUMMARY_MATCH && end > self.index + 2 {
            let extra = lines.saturating_sub(1).min(MAX_EXTRA_LINES) as f64;
            Some((1.0 + summary + extra - START_COST, start(true)))
        } else if self.lede >= LEDE_MATCH && end > self.index + 1 {
            Some((self.lede - START_COST, start(false)))
        } else {
            None
        }
    }

    /// The share of the evidence it needs that this candidate has at best.
    fn promise(&self) -> f64 {
        let summary = self.summary_match(usize::MAX).0 / SUMMARY_MATCH;
        (self.lede / LEDE_MATCH).max(summary)
    }
}

/// The share of a headline's words that its lede (the lines at `lede`) repeats.
fn lede_match(
    headline: &str,
    headline_keys: &HashSet<String>,
    lede: &[usize],
    lines: &[Line],
    keys: &[HashSet<String>],
) -> f64 {
    let lede_keys: HashSet<String> = lede
        .iter()
        .filter_map(|&j| keys.get(j))
        .flatten()
        .cloned()
        .collect();
    if headline_keys.len() >= 2 {
        return coverage(headline_keys, &lede_keys);
    }
    // Too few content words to tell by them ("It was that Mary which"): the lede must
    // repeat the headline's content word and its small words too.
    let all = all_keys(headline);
    if all.len() < MIN_SMALL_WORDS_HEADLINE || !headline_keys.is_subset(&lede_keys) {
        return 0.0;
    }
    let lede_words: HashSet<String> = lede
        .iter()
        .filter_map(|&j| lines.get(j))
        .flat_map(|l| all_keys(l.text))
        .collect();
    coverage(&all, &lede_words)
}

/// Where a summary sentence reappears in the body.
struct Reappearing {
    /// Its content words.
    words: usize,
    /// The first line holding enough of them.
    at: Option<usize>,
    /// The first line holding nearly all of them.
    whole: Option<usize>,
}

/// A summary's sentences with their content-word counts and the lines in `body` where
/// each reappears. Short sentences are left out, as they match anywhere, unless the
/// whole summary is short.
fn summary_sentences(
    summary: &str,
    keys: &[HashSet<String>],
    body: std::ops::Range<usize>,
) -> Vec<Reappearing> {
    let all: Vec<(&str, HashSet<String>)> = clauses(summary)
        .into_iter()
        .map(|c| (c, super::words::keys(c)))
        .collect();
    let long_enough = all.iter().any(|(_, k)| k.len() >= MIN_SENTENCE_KEYS);
    all.into_iter()
        .filter(|(_, k)| k.len() >= MIN_SENTENCE_KEYS || (!long_enough && k.len() >= 2))
        .map(|(text, sentence)| {
            let needed = if long_enough { SENTENCE_MATCH } else { 1.0 };
            let first = |needed| first_holding(&sentence, needed, keys, body.clone());
            let whole = first(needed.max(WHOLE_MATCH)).or_else(|| {
                long_enough
                    .then(|| joined(text, keys, body.clone()))
                    .flatten()
            });
            Reappearing {
                words: sentence.len(),
                // Where the sentence stands whole, it is found, whatever a line further
                // on, in another report perhaps, holds of it.
                at: first(needed).into_iter().chain(whole).min(),
                whole,
            }
        })
        .collect()
}

/// The first line in `body` holding at least `needed` of a sentence's keys.
fn first_holding(
    sentence: &HashSet<String>,
    needed: f64,
    keys: &[HashSet<String>],
    mut body: std::ops::Range<usize>,
) -> Option<usize> {
    body.find(|&j| {
        keys.get(j)
            .is_some_and(|line| coverage(sentence, line) >= needed)
    })
}

/// A summary may join two passages of its body at a comma ("…admonished them, And when
/// the south wind…"): such a sentence is whole by the first line where both halves have
/// stood whole. Each half must be long enough to count as a sentence of its own.
fn joined(sentence: &str, keys: &[HashSet<String>], body: std::ops::Range<usize>) -> Option<usize> {
    // Only lines sharing a half's worth of words with the sentence can hold a half,
    // which keeps a long text of comma-laden lines cheap.
    let all = super::words::keys(sentence);
    let touching: Vec<usize> = body
        .filter(|&j| {
            keys.get(j)
                .is_some_and(|line| line.intersection(&all).count() >= MIN_SENTENCE_KEYS)
        })
        .collect();
    sentence
        .match_indices(',')
        .filter_map(|(at, _)| {
            let halves = [sentence.get(..at)?, sentence.get(at + 1..)?].map(super::words::keys);
            let [a, b] = halves.map(|half| {
                (half.len() >= MIN_SENTENCE_KEYS)
                    .then(|| {
                        touching.iter().copied().find(|&j| {
                            keys.get(j)
                                .is_some_and(|line| coverage(&half, line) >= WHOLE_MATCH)
                        })
                    })
                    .flatten()
            });
            Some(a?.max(b?))
        })
        .min()
}

/// The sentences of a summary, cut also at `:` and `;`, which end the sentences of
/// older prose as often as a full stop does.
fn clauses(summary: &str) -> Vec<&str> {
    sentences(summary)
        .into_iter()
        .flat_map(|s| s.split_inclusive([';', ':']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Short, without closing punctuation, and neither furniture nor a photo caption.
fn is_headline_like(line: &str) -> bool {
    line.split_whitespace().count() <= MAX_HEADLINE_WORDS
        && !ends_clause(line)
        && furniture_kind(line).is_none()
        && !is_caption(line)
}

/// Whether a line ends as prose does: a sentence end, or the `:`, `;` or `,` a summary
/// or a paragraph may stop on. Headlines end on a word.
fn ends_clause(line: &str) -> bool {
    ends_sentence(line)
        || line
            .trim_end()
            .trim_end_matches(CLOSERS)
            .ends_with([':', ';', ','])
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
    let lower = line.to_lowercase();
    let credit = CREDIT_OPENINGS.iter().any(|o| lower.starts_with(o));
    // A credit closes in brackets; a sentence in brackets is prose.
    let bracketed_credit = line.ends_with(')') && !ends_sentence(line);
    gallery_counter || credit || bracketed_credit
}

/// How picture captions and credit lines open on news pages ("Photo: …", "Pictured: …",
/// "Image credit: …"); a headline never opens so.
const CREDIT_OPENINGS: &[&str] = &[
    "photo:",
    "photo by ",
    "photograph:",
    "photograph by ",
    "photographs by ",
    "picture:",
    "pictured:",
    "image:",
    "image credit:",
    "illustration:",
    "illustration by ",
    "credit:",
    "file photo:",
];
