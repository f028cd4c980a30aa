//! Each report's facts, read one paragraph at a time; only names need the whole story,
//! to tell a name that opens a sentence from an ordinary capitalised word and to fold a
//! surname into the full name it stands for.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::names::Candidate;
use super::words::Words;
use super::{Entry, Kind, dates, names, numbers, quotes};
use crate::story::Story;

/// Where a paragraph is: report and paragraph index.
type At = (usize, usize);

/// Every fact of every report of `story`, report by report in reading order.
pub fn extract(story: &Story) -> Vec<Entry> {
    let stop: HashSet<&str> = stop_words::lookup("en")
        .unwrap_or_default()
        .iter()
        .copied()
        .collect();
    let mut entries = Vec::new();
    let mut found: Vec<(At, &str, Vec<Candidate>)> = Vec::new();
    for (r, report) in story.reports.iter().enumerate() {
        for (p, text) in report.body.iter().enumerate() {
            let w = Words::new(text);
            let dates = dates::dates(&w);
            let mut taken = vec![false; w.len()];
            for d in &dates {
                for t in taken.iter_mut().take(d.words.end).skip(d.words.start) {
                    *t = true;
                }
            }
            let numbers = numbers::numbers(&w, &taken, &stop);
            for (kind, hits) in [(Kind::Date, dates), (Kind::Number, numbers)] {
                for hit in hits {
                    entries.push(entry((r, p), text, hit.range, kind, hit.key));
                }
            }
            found.push(((r, p), text.as_str(), names::candidates(&w)));
        }
    }
    let names = resolve_names(found);
    for ((r, p), text, list) in &names {
        let ranges: Vec<Range<usize>> = list.iter().map(|(range, _)| range.clone()).collect();
        for quote in quotes::quotes(text, &ranges) {
            let speaker = quote
                .speaker
                .and_then(|s| ranges.get(s))
                .and_then(|range| text.get(range.clone()))
                .map(str::to_string);
            let mut e = entry((*r, *p), text, quote.range, Kind::Quote, quote.key);
            e.speaker = speaker;
            entries.push(e);
        }
        for (range, key) in list {
            entries.push(entry(
                (*r, *p),
                text,
                range.clone(),
                Kind::Name,
                key.clone(),
            ));
        }
    }
    entries.sort_by_key(|e| (e.report, e.paragraph, e.start, e.kind));
    entries
}

fn entry(at: At, text: &str, range: Range<usize>, kind: Kind, key: String) -> Entry {
    Entry {
        report: at.0,
        paragraph: at.1,
        text: text.get(range.clone()).unwrap_or_default().to_string(),
        start: range.start,
        end: range.end,
        kind,
        key,
        speaker: None,
    }
}

/// A candidate kept as a name, with the byte range left of it.
type Kept = (Candidate, Range<usize>);

/// A paragraph's names as byte ranges and keys.
type Names<'a> = Vec<(At, &'a str, Vec<(Range<usize>, String)>)>;

/// Decides which capitals that open a sentence are names (those known as a name elsewhere
/// in the story) and folds a surname into the one full name it is short for, where a
/// title shows it is a person's ("President Lee" and "Lee Jae-myung").
fn resolve_names<'a>(found: Vec<(At, &'a str, Vec<Candidate>)>) -> Names<'a> {
    let known: HashSet<String> = found
        .iter()
        .flat_map(|(_, _, list)| list.iter().filter(|c| !c.at_start))
        .flat_map(|c| c.parts.iter().map(|p| p.to_lowercase()))
        .collect();
    let resolved: Vec<(At, &str, Vec<Kept>)> = found
        .into_iter()
        .map(|(at, text, list)| {
            let kept = list
                .into_iter()
                .filter_map(|c| {
                    let first = c.parts.first()?.to_lowercase();
                    if !c.at_start || known.contains(&first) {
                        let range = c.hit.range.clone();
                        return Some((c, range));
                    }
                    drop_first_word(text, c)
                })
                .collect();
            (at, text, kept)
        })
        .collect();
    let mut titled: HashMap<String, bool> = HashMap::new();
    for (_, _, list) in &resolved {
        for (c, _) in list {
            *titled.entry(c.hit.key.clone()).or_default() |= c.titled;
        }
    }
    let full_names: Vec<&String> = titled
        .keys()
        .filter(|k| {
            let n = k.split(' ').count();
            (2..=3).contains(&n) && !k.split(' ').any(|w| w == "of")
        })
        .collect();
    let fold: HashMap<String, String> = titled
        .iter()
        .filter(|(k, _)| !k.contains(' '))
        .filter_map(|(short, short_titled)| {
            let mut fits = full_names.iter().filter(|full| {
                let words: Vec<&str> = full.split(' ').collect();
                words.first() == Some(&short.as_str()) || words.last() == Some(&short.as_str())
            });
            let full = *fits.next()?;
            let person = *short_titled || titled.get(full).copied().unwrap_or(false);
            (fits.next().is_none() && person).then(|| (short.clone(), full.clone()))
        })
        .collect();
    resolved
        .into_iter()
        .map(|(at, text, list)| {
            let names = list
                .into_iter()
                .map(|(c, range)| {
                    let key = fold.get(&c.hit.key).cloned().unwrap_or(c.hit.key);
                    (range, key)
                })
                .collect();
            (at, text, names)
        })
        .collect()
}

/// A candidate without its first word, which only opened a sentence ("Under", "The").
fn drop_first_word(text: &str, mut c: Candidate) -> Option<(Candidate, Range<usize>)> {
    let whole = text.get(c.hit.range.clone())?;
    let first = c.parts.first()?.clone();
    let rest = whole.strip_prefix(first.as_str())?.trim_start();
    let rest = rest.strip_prefix("of ").unwrap_or(rest);
    c.parts.remove(0);
    if c.parts.first().is_some_and(|p| p == "of") {
        c.parts.remove(0);
    }
    if c.parts.is_empty() || rest.is_empty() {
        return None;
    }
    let range = c.hit.range.end - rest.len()..c.hit.range.end;
    c.hit.key = names::name_key(&c.parts);
    c.hit.range = range.clone();
    Some((c, range))
}
