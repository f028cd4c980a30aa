//! Lining entries up into rows and flagging each row.

use std::collections::{BTreeMap, HashSet};

use super::links::Links;
use super::{Entry, Flag, Kind, Row};
use crate::diff::sentences::Folder;

/// Two quotes anywhere in the story with this share of content words in common are the
/// same quote, worded alike or close.
const SAME_QUOTE: f64 = 0.6;
/// Two quotes in text both reports tell (a paired paragraph, a matched sentence) need
/// less: the sentence around them already says they tell the same thing.
const SAME_QUOTE_IN_SHARED: f64 = 0.3;

/// Groups of indexes joined by links, each group in index order.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if let Some(slot) = self.parent.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
    }

    /// The groups of the indexes `members`, each in index order, groups by first member.
    fn of(&mut self, members: impl IntoIterator<Item = usize>) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in members {
            by_root.entry(self.root(i)).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
        groups.iter_mut().for_each(|g| g.sort_unstable());
        groups.sort_by_key(|g| g.first().copied());
        groups
    }
}

/// Share of content words two quotes have in common (Dice over distinct stems).
fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The ledger's rows: disagreements first, then what one outlet alone tells, then what
/// is told alike; within each, quotes, dates, numbers, names, then reading order.
pub(super) fn rows(entries: &[Entry], links: &Links) -> Vec<Row> {
    let mut rows = quote_rows(entries, links);
    rows.extend(keyed_rows(entries));
    rows.extend(replaced_rows(entries, links));
    rows.sort_by(|a, b| {
        let first = |r: &Row| r.entries.first().map(|e| (e.report, e.paragraph, e.start));
        (a.flag, a.kind, first(a)).cmp(&(b.flag, b.kind, first(b)))
    });
    rows
}

fn row_of(kind: Kind, flag: Flag, entries: &[Entry], members: &[usize]) -> Row {
    let mut list: Vec<Entry> = members
        .iter()
        .filter_map(|&i| entries.get(i).cloned())
        .collect();
    list.sort_by_key(|e| (e.report, e.paragraph, e.start));
    Row {
        kind,
        flag,
        entries: list,
    }
}

/// The flag of a row whose entries tell one fact.
fn flag_of(row_entries: &[&Entry]) -> Flag {
    let reports: HashSet<usize> = row_entries.iter().map(|e| e.report).collect();
    let keys: HashSet<&str> = row_entries.iter().map(|e| e.key.as_str()).collect();
    match (reports.len(), keys.len()) {
        (0 | 1, _) => Flag::OneOutlet,
        (_, 1) => Flag::Alike,
        _ => Flag::Differently,
    }
}

fn quote_rows(entries: &[Entry], links: &Links) -> Vec<Row> {
    let folder = Folder::new();
    let quotes: Vec<usize> = (0..entries.len())
        .filter(|&i| entries.get(i).is_some_and(|e| e.kind == Kind::Quote))
        .collect();
    let words: Vec<HashSet<String>> = entries
        .iter()
        .map(|e| match e.kind {
            Kind::Quote => folder.content_keys(&e.text).into_iter().collect(),
            _ => HashSet::new(),
        })
        .collect();
    let alike = |a: usize, b: usize, at_least: f64| match (words.get(a), words.get(b)) {
        (Some(x), Some(y)) => overlap(x, y) >= at_least,
        _ => false,
    };
    let mut groups = Groups::new(entries.len());
    for (n, &a) in quotes.iter().enumerate() {
        for &b in quotes.iter().skip(n + 1) {
            let same_key = match (entries.get(a), entries.get(b)) {
                (Some(x), Some(y)) => x.key == y.key,
                _ => false,
            };
            if same_key || alike(a, b, SAME_QUOTE) {
                groups.join(a, b);
            }
        }
    }
    for &(a, b) in &links.quotes {
        if alike(a, b, SAME_QUOTE_IN_SHARED) {
            groups.join(a, b);
        }
    }
    groups
        .of(quotes)
        .into_iter()
        .map(|members| {
            let list: Vec<&Entry> = members.iter().filter_map(|&i| entries.get(i)).collect();
            row_of(Kind::Quote, flag_of(&list), entries, &members)
        })
        .collect()
}

/// Numbers, dates and names: one row per key.
fn keyed_rows(entries: &[Entry]) -> Vec<Row> {
    let mut by_key: BTreeMap<(Kind, &str), Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.kind != Kind::Quote {
            by_key.entry((e.kind, e.key.as_str())).or_default().push(i);
        }
    }
    by_key
        .into_iter()
        .map(|((kind, _), members)| {
            let list: Vec<&Entry> = members.iter().filter_map(|&i| entries.get(i)).collect();
            row_of(kind, flag_of(&list), entries, &members)
        })
        .collect()
}

/// One row per group of numbers, dates or names the diff shows replacing each other.
fn replaced_rows(entries: &[Entry], links: &Links) -> Vec<Row> {
    let mut groups = Groups::new(entries.len());
    let mut members = Vec::new();
    for &(a, b) in &links.replaced {
        groups.join(a, b);
        members.extend([a, b]);
    }
    members.sort_unstable();
    members.dedup();
    groups
        .of(members)
        .into_iter()
        .filter_map(|group| {
            let kind = entries.get(*group.first()?)?.kind;
            Some(row_of(kind, Flag::Differently, entries, &group))
        })
        .collect()
}
