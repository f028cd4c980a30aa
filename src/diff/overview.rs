//! The story at a glance: for every ordered pair of reports how much one reuses of the
//! other and how much they tell alike, and for every report what it alone tells.

use std::collections::{HashMap, HashSet};

use super::Told;
use super::sentences::SentenceRef;
use crate::side::Side;

/// The figures of the overview screen and of `stats`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overview {
    /// `reuse[row][column]`: share of the column report's words in runs of 8 or more
    /// words the row report has too (see `reuse`).
    pub reuse: Vec<Vec<f64>>,
    /// `both[row][column]`: share of the column report's content told by both; `None`
    /// until that pair is compared.
    pub both: Vec<Vec<Option<f64>>>,
    /// Per report, the share of its content no other report tells; `None` until every
    /// pair it is in is compared.
    pub original: Vec<Option<f64>>,
    /// Per report, how many of its sentences no other report tells.
    pub only: Vec<Option<usize>>,
}

/// The overview of `count` reports from their reuse grid and the sentence layer of each
/// compared pair: `told(i, j)` gives the comparison of reports `i` and `j`, either way
/// round, with the side report `j` is on.
pub fn overview<'a>(
    reuse: Vec<Vec<f64>>,
    count: usize,
    told: impl Fn(usize, usize) -> Option<(&'a Told, Side)>,
) -> Overview {
    let both = (0..count)
        .map(|row| {
            (0..count)
                .map(|column| match told(row, column) {
                    _ if row == column => Some(1.0),
                    Some((t, side)) => Some(t.shared[side]),
                    None => None,
                })
                .collect()
        })
        .collect();
    let (original, only) = (0..count).map(|i| alone(count, i, &told)).unzip();
    Overview {
        reuse,
        both,
        original,
        only,
    }
}

/// The share of report `i`'s content and the number of its sentences no other report
/// tells: the sentences every pair leaves to `i` alone.
fn alone<'a>(
    count: usize,
    i: usize,
    told: &impl Fn(usize, usize) -> Option<(&'a Told, Side)>,
) -> (Option<f64>, Option<usize>) {
    let mut lone: Option<HashSet<SentenceRef>> = None;
    let mut words = HashMap::new();
    let mut content = 0;
    for j in (0..count).filter(|&j| j != i) {
        // The comparison of j and i, and the side i is on in it.
        let Some((t, side)) = told(j, i) else {
            return (None, None);
        };
        content = t.content[side];
        let here: HashSet<SentenceRef> = t.only[side]
            .iter()
            .map(|l| {
                words.insert(l.at, l.words);
                l.at
            })
            .collect();
        lone = Some(match lone {
            None => here,
            Some(before) => before.intersection(&here).copied().collect(),
        });
    }
    let Some(lone) = lone else {
        // A report alone in its story tells everything alone.
        return (Some(1.0), None);
    };
    let alone_words: usize = lone.iter().filter_map(|at| words.get(at)).sum();
    let share = if content == 0 {
        0.0
    } else {
        alone_words as f64 / content as f64
    };
    (Some(share), Some(lone.len()))
}
