//! Pairs of paragraphs a few edits apart: found without building the diff (such a pair
//! is diffed with Myers, whose work grows with the edits, not with how often its tokens
//! repeat), and Myers' changes settled in one place among the equivalent ones.

use std::ops::Range;

use similar::{DiffOp, DiffTag};

/// True when `a` becomes `b` with at most `max` tokens inserted or deleted (the greedy
/// forward pass of Myers' algorithm, stopped after `max` edits).
pub(super) fn within(a: &[u32], b: &[u32], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Furthest x reached on each diagonal k = x - y, stored at k + max + 1.
    let mut furthest = vec![0usize; 2 * max + 3];
    let slide = |mut x: usize, mut y: usize| {
        while let (Some(p), Some(q)) = (a.get(x), b.get(y)) {
            if p != q {
                break;
            }
            x += 1;
            y += 1;
        }
        x
    };
    for d in 0..=max {
        // The diagonals k = -d, -d + 2, …, d, as k + d = 2 × step (unsigned).
        for step in 0..=d {
            let shifted = 2 * step;
            let at = max + 1 + shifted - d;
            let from_above = furthest.get(at + 1).copied().unwrap_or(0);
            let from_below = furthest.get(at - 1).copied().unwrap_or(0);
            let x = if step == 0 || (step != d && from_below < from_above) {
                from_above
            } else {
                from_below + 1
            };
            // y = x - k, never below 0 on a reachable diagonal.
            let Some(y) = (x + d).checked_sub(shifted) else {
                continue;
            };
            let x = slide(x, y);
            if let Some(slot) = furthest.get_mut(at) {
                *slot = x;
            }
            if x >= a.len() && x + d - shifted >= b.len() {
                return true;
            }
        }
    }
    false
}

/// A run of the diff: equal tokens, or a change (tokens deleted and inserted).
#[derive(Debug, Clone, PartialEq)]
enum Run {
    Equal {
        old: usize,
        new: usize,
        len: usize,
    },
    Change {
        old: Range<usize>,
        new: Range<usize>,
    },
}

/// `ops` with every change moved to one place among the equivalent ones: tokens a change
/// deletes and inserts alike at its start or end are taken out of it, and a change that
/// only deletes or only inserts slides forward while its first token is the one after it.
/// Myers puts a word's space before it where Histogram, like an editor, puts it after
/// (`grass,[- and-] herb` for `grass, [-and -]herb`).
pub(super) fn settle(ops: &[DiffOp], old: &[u32], new: &[u32]) -> Vec<DiffOp> {
    let mut runs: Vec<Run> = Vec::with_capacity(ops.len());
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match (tag, runs.last_mut()) {
            (DiffTag::Equal, _) => runs.push(Run::Equal {
                old: o.start,
                new: n.start,
                len: o.len(),
            }),
            (_, Some(Run::Change { old, new })) => {
                old.end = o.end;
                new.end = n.end;
            }
            _ => runs.push(Run::Change { old: o, new: n }),
        }
    }
    for at in 0..runs.len() {
        settle_change(&mut runs, at, old, new);
    }
    runs.into_iter()
        .filter_map(|run| match run {
            Run::Equal { len: 0, .. } => None,
            Run::Equal { old, new, len } => Some(DiffOp::Equal {
                old_index: old,
                new_index: new,
                len,
            }),
            Run::Change { old, new } => match (old.is_empty(), new.is_empty()) {
                (true, true) => None,
                (false, true) => Some(DiffOp::Delete {
                    old_index: old.start,
                    old_len: old.len(),
                    new_index: new.start,
                }),
                (true, false) => Some(DiffOp::Insert {
                    old_index: old.start,
                    new_index: new.start,
                    new_len: new.len(),
                }),
                (false, false) => Some(DiffOp::Replace {
                    old_index: old.start,
                    old_len: old.len(),
                    new_index: new.start,
                    new_len: new.len(),
                }),
            },
        })
        .collect()
}

/// Settles the change at `runs[at]` when it stands between two equal runs.
fn settle_change(runs: &mut [Run], at: usize, old: &[u32], new: &[u32]) {
    let Some(before) = at.checked_sub(1) else {
        return;
    };
    let Some(
        [
            Run::Equal { len: kept, .. },
            Run::Change { old: o, new: n },
            Run::Equal {
                old: eo,
                new: en,
                len,
            },
        ],
    ) = runs.get_mut(before..=at + 1)
    else {
        return;
    };
    // Alike at the start: into the equal run before.
    while o.start < o.end && n.start < n.end && old.get(o.start) == new.get(n.start) {
        o.start += 1;
        n.start += 1;
        *kept += 1;
    }
    // Alike at the end: into the equal run after.
    while o.start < o.end && n.start < n.end && old.get(o.end - 1) == new.get(n.end - 1) {
        o.end -= 1;
        n.end -= 1;
        *eo -= 1;
        *en -= 1;
        *len += 1;
    }
    if (o.start < o.end) == (n.start < n.end) {
        return;
    }
    // One-sided: forward while its first token is the one after it; the equal run
    // after keeps a token.
    let deletes = n.start >= n.end;
    let (run, seq) = if deletes {
        (&mut *o, old)
    } else {
        (&mut *n, new)
    };
    while *len > 1 && seq.get(run.start).is_some() && seq.get(run.start) == seq.get(run.end) {
        run.start += 1;
        run.end += 1;
        *kept += 1;
        *eo += 1;
        *en += 1;
        *len -= 1;
    }
    if deletes {
        *n = *en..*en;
    } else {
        *o = *eo..*eo;
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Insertions and deletions of a shortest edit script: both lengths less twice the
    /// longest common subsequence.
    fn distance(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for x in a {
            let mut diagonal = 0;
            for (j, y) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if x == y {
                    diagonal + 1
                } else {
                    above.max(row[j])
                };
                diagonal = above;
            }
        }
        a.len() + b.len() - 2 * row[b.len()]
    }

    #[test]
    fn a_word_changed_is_two_edits_away() {
        assert!(within(&[1, 2, 3], &[1, 4, 3], 2));
        assert!(!within(&[1, 2, 3], &[1, 4, 3], 1));
        assert!(within(&[], &[], 0));
        assert!(within(&[], &[7, 8], 2) && !within(&[], &[7, 8], 1));
    }

    /// Checks that `ops` walk both sequences in order, their equal runs equal; returns
    /// the tokens they change.
    fn walk(ops: &[DiffOp], a: &[u32], b: &[u32]) -> Result<usize, String> {
        let (mut i, mut j, mut changed) = (0, 0, 0);
        for op in ops {
            let (tag, o, n) = op.as_tag_tuple();
            if (o.start, n.start) != (i, j) {
                return Err(format!("{op:?} does not start at {i}, {j}"));
            }
            if tag == DiffTag::Equal && a.get(o.clone()) != b.get(n.clone()) {
                return Err(format!("{op:?} is not equal"));
            }
            if tag != DiffTag::Equal {
                changed += o.len() + n.len();
            }
            (i, j) = (o.end, n.end);
        }
        if (i, j) == (a.len(), b.len()) {
            Ok(changed)
        } else {
            Err(format!("ends at {i}, {j}"))
        }
    }

    #[test]
    fn a_deleted_word_takes_the_space_after_it() {
        // "grass, and herb" -> "grass, herb": 1 = grass, 2 = ",", 0 = space, 3 = and.
        let (a, b) = ([1, 2, 0, 3, 0, 4], [1, 2, 0, 4]);
        let ops = [
            DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: 2,
            },
            DiffOp::Delete {
                old_index: 2,
                old_len: 2,
                new_index: 2,
            },
            DiffOp::Equal {
                old_index: 4,
                new_index: 2,
                len: 2,
            },
        ];
        let settled = settle(&ops, &a, &b);
        assert_eq!(
            settled,
            vec![
                DiffOp::Equal {
                    old_index: 0,
                    new_index: 0,
                    len: 3
                },
                DiffOp::Delete {
                    old_index: 3,
                    old_len: 2,
                    new_index: 3
                },
                DiffOp::Equal {
                    old_index: 5,
                    new_index: 3,
                    len: 1
                },
            ]
        );
        // A change whose two sides start alike gives the common start back.
        let (a, b) = ([1, 0, 3, 0, 4], [1, 0, 5, 0, 4]);
        let ops = [
            DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: 1,
            },
            DiffOp::Replace {
                old_index: 1,
                old_len: 2,
                new_index: 1,
                new_len: 2,
            },
            DiffOp::Equal {
                old_index: 3,
                new_index: 3,
                len: 2,
            },
        ];
        assert_eq!(walk(&settle(&ops, &a, &b), &a, &b), Ok(2));
    }

    proptest! {
        #[test]
        fn settled_ops_still_walk_both_texts_and_change_as_much(
            a in prop::collection::vec(0u32..4, 0..40),
            b in prop::collection::vec(0u32..4, 0..40),
        ) {
            let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
            let before = walk(&ops, &a, &b);
            prop_assert!(before.is_ok(), "{before:?}");
            prop_assert_eq!(walk(&settle(&ops, &a, &b), &a, &b), before);
        }

        #[test]
        fn within_says_whether_the_shortest_edit_script_fits(
            a in prop::collection::vec(0u32..4, 0..30),
            b in prop::collection::vec(0u32..4, 0..30),
            max in 0usize..12,
        ) {
            prop_assert_eq!(within(&a, &b, max), distance(&a, &b) <= max);
        }
    }
}
