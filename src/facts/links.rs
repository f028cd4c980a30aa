//! What the engine's two layers of "told by both" say about facts: inside paired
//! paragraphs and matched sentences, a word diff that puts one number, date or name where
//! the other report has another links the two as told differently, and quotes in them
//! that overlap link as the same quote.

use std::ops::Range;

use super::{Entry, Kind};
use crate::diff::{
    Comparison, Diffs, Doc, Kind as BlockKind, Options, Scope, Span, WordOptions, compare, corpus,
    told,
};
use crate::side::{Pair, Side};
use crate::story::Story;

/// A replacement longer than this many words on either side is a rewrite, not one fact
/// put for another.
const MAX_REPLACED_WORDS: usize = 6;

/// Entry pairs (indexes into the entries) the diff links.
#[derive(Debug, Default)]
pub(super) struct Links {
    /// A number, date or name replaced by another in text both reports tell.
    pub replaced: Vec<(usize, usize)>,
    /// Two quotes in text both reports tell.
    pub quotes: Vec<(usize, usize)>,
}

/// Where each entry sits in its report's document text.
struct Placed<'a> {
    docs: &'a [Doc],
    entries: &'a [Entry],
}

impl Placed<'_> {
    fn doc_range(&self, e: &Entry) -> Option<Range<usize>> {
        let start = self.docs.get(e.report)?.paras.get(e.paragraph)?.start;
        Some(start + e.start..start + e.end)
    }

    /// Entries of `report` inside `range` of its document (overlapping, when `touch`).
    fn within(&self, report: usize, range: &Range<usize>, touch: bool) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.report == report)
            .filter(|(_, e)| {
                self.doc_range(e).is_some_and(|r| {
                    if touch {
                        r.start < range.end && range.start < r.end
                    } else {
                        range.start <= r.start && r.end <= range.end
                    }
                })
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// Compares every pair of reports (house style ignored) and collects the links.
pub(super) fn links(story: &Story, entries: &[Entry]) -> Links {
    let docs = crate::diff::docs(story);
    let corpus = corpus(&docs);
    let placed = Placed {
        docs: &docs,
        entries,
    };
    let options = Options {
        normalize: true,
        ..Options::default()
    };
    let words = WordOptions {
        normalize: true,
        algorithm: options.algorithm,
        deadline: None,
    };
    let mut links = Links::default();
    for (i, left) in docs.iter().enumerate() {
        for (j, right) in docs.iter().enumerate().skip(i + 1) {
            let reports = Pair::new(i, j);
            let pair = Pair::new(left, right);
            let mut c: Comparison = compare(left, right, &options);
            let t = told(
                &corpus,
                reports,
                pair,
                &c,
                Diffs::Extra(&words),
                Scope::Unpaired,
            );
            c.told = None;
            for block in &c.blocks {
                if !matches!(
                    block.kind,
                    BlockKind::Changed | BlockKind::Split | BlockKind::Merged
                ) {
                    continue;
                }
                let unit = Pair::from_fn(|side| {
                    let paras = &block.paras[side];
                    let doc = pair[side];
                    let start = doc.paras.get(paras.start).map_or(0, |r| r.start);
                    let end = paras
                        .end
                        .checked_sub(1)
                        .and_then(|e| doc.paras.get(e))
                        .map_or(start, |r| r.end);
                    start..end
                });
                link_unit(&placed, reports, &unit, &block.spans, false, &mut links);
            }
            for m in &t.matched {
                let unit = Pair::from_fn(|side| {
                    let at = m.at[side];
                    let start = pair[side].paras.get(at.paragraph).map_or(0, |r| r.start);
                    start + at.start..start + at.end
                });
                if m.in_paired {
                    link_quotes(&placed, reports, &unit, &mut links);
                } else {
                    link_unit(&placed, reports, &unit, &m.spans, true, &mut links);
                }
            }
        }
    }
    links
}

/// Links in one unit both reports tell (a paragraph pair or a sentence pair) whose word
/// diff is `spans`, starting at `unit`'s starts. A fact replaced by another must not be
/// on the other side of the replacement too; in a sentence pair (`whole`), whose reports
/// were written apart, not anywhere in the other sentence either.
fn link_unit(
    placed: &Placed,
    reports: Pair<usize>,
    unit: &Pair<Range<usize>>,
    spans: &[Span],
    whole: bool,
    links: &mut Links,
) {
    link_quotes(placed, reports, unit, links);
    let facts_in = |side: Side, range: &Range<usize>, touch: bool| -> Vec<usize> {
        placed
            .within(reports[side], range, touch)
            .into_iter()
            .filter(|&e| placed.entries.get(e).is_some_and(|e| e.kind != Kind::Quote))
            .collect()
    };
    let keys_of = |list: &[usize]| -> Vec<String> {
        list.iter()
            .filter_map(|&e| placed.entries.get(e))
            .map(|e| e.key.clone())
            .collect()
    };
    let in_unit = Pair::from_fn(|side| keys_of(&facts_in(side, &unit[side], false)));
    for run in replacements(spans, unit.as_ref().map(|r| r.start)) {
        let facts = Pair::from_fn(|side| facts_in(side, &run[side], true));
        let in_run = facts.as_ref().map(|f| keys_of(f));
        // Where the reports are near copies the other report's fact may stand elsewhere
        // in the paragraph (a dateline's "June 10"); the replaced one may not.
        let keys = Pair::new(
            if whole { &in_unit.left } else { &in_run.left },
            &in_unit.right,
        );
        for &l in &facts.left {
            for &r in &facts.right {
                let (Some(a), Some(b)) = (placed.entries.get(l), placed.entries.get(r)) else {
                    continue;
                };
                // A fact the other side also tells somewhere in the unit was moved, not
                // replaced.
                let replaced = a.kind == b.kind
                    && a.key != b.key
                    && !keys.right.contains(&a.key)
                    && !keys.left.contains(&b.key);
                if replaced {
                    links.replaced.push((l, r));
                }
            }
        }
    }
}

/// Quotes of the two sides of one unit both reports tell.
fn link_quotes(
    placed: &Placed,
    reports: Pair<usize>,
    unit: &Pair<Range<usize>>,
    links: &mut Links,
) {
    let quotes = Pair::from_fn(|side| {
        placed
            .within(reports[side], &unit[side], true)
            .into_iter()
            .filter(|&e| placed.entries.get(e).is_some_and(|e| e.kind == Kind::Quote))
            .collect::<Vec<_>>()
    });
    for &l in &quotes.left {
        for &r in &quotes.right {
            links.quotes.push((l, r));
        }
    }
}

/// Runs of deleted and inserted text between equal text, as document ranges on each
/// side, where both sides changed and neither by more than a few words.
fn replacements(spans: &[Span], origin: Pair<usize>) -> Vec<Pair<Range<usize>>> {
    let mut out = Vec::new();
    let mut at = origin;
    let mut run: Option<Pair<Range<usize>>> = None;
    let mut words = Pair::new(0, 0);
    let mut close = |run: &mut Option<Pair<Range<usize>>>, words: &mut Pair<usize>| {
        if let Some(r) = run.take() {
            let both = !r.left.is_empty() && !r.right.is_empty();
            if both && words.left <= MAX_REPLACED_WORDS && words.right <= MAX_REPLACED_WORDS {
                out.push(r);
            }
        }
        *words = Pair::new(0, 0);
    };
    for span in spans {
        let len = span.text.len();
        if !span.is_change() {
            close(&mut run, &mut words);
        }
        for side in Side::BOTH {
            if !span.on(side) {
                continue;
            }
            if span.is_change() {
                let r = run.get_or_insert_with(|| Pair::new(at.left..at.left, at.right..at.right));
                r[side].end = at[side] + len;
                words[side] += crate::text::count_words(&span.text);
            }
            at[side] += len;
        }
    }
    close(&mut run, &mut words);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Tag;

    #[test]
    fn a_replacement_is_a_run_of_changes_on_both_sides() {
        let spans = [
            Span::new(Tag::Equal, "pledged on "),
            Span::new(Tag::Delete, "Tuesday"),
            Span::new(Tag::Insert, "June 10"),
            Span::new(Tag::Equal, " to work, "),
            Span::new(Tag::Delete, "Lee\u{2019}s office said"),
            Span::new(Tag::Equal, "."),
        ];
        let runs = replacements(&spans, Pair::new(100, 0));
        assert_eq!(runs, vec![Pair::new(111..118, 11..18)]);
    }
}
