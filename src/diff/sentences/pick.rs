//! Which sentences of two reports tell the same thing, in any order: candidates come from an
//! index of rare stems (never all pairs), the best-scoring pairs are linked one to one above
//! a high threshold, and a sentence one outlet split in two gets both halves.

use super::super::intern::FastMap;
use super::score::{Features, containment, score};

/// Lowest score at which two sentences are taken to tell the same thing.
pub(super) const THRESHOLD: f64 = 0.25;
/// Lowest score for a neighbour of a linked pair, in the same order on both sides.
const NEIGHBOUR: f64 = 0.2;
/// Candidates kept per sentence from the index, best partial score first.
const CANDIDATES: usize = 8;
/// A half of a split sentence must be this much contained in the whole...
const HALF_CONTAINED: f64 = 0.5;
/// ...score at least this with it on its own...
const HALF_SCORE: f64 = 0.15;
/// ...and the two halves together must beat the better half by this much.
const UNION_GAIN: f64 = 0.08;

/// One side of a pair: its sentences' features and its index of rare terms.
pub(super) struct Side<'a> {
    pub features: &'a [Features],
    pub index: &'a FastMap<u32, Vec<u32>>,
    /// Which sentences look for partners on the other side (all of them, or only those
    /// the caller still needs told); a sentence that does not ask can still be found.
    pub asks: &'a [bool],
}

/// Links between sentences of two sides: (left sentence, right sentence, score).
pub(super) fn pick(
    left: &Side,
    right: &Side,
    is_rare: &dyn Fn(u32) -> bool,
) -> Vec<(usize, usize, f64)> {
    let mut pairs: Vec<(usize, usize)> = candidates(left, right, is_rare);
    pairs.extend(
        candidates(right, left, is_rare)
            .into_iter()
            .map(|(r, l)| (l, r)),
    );
    pairs.sort_unstable();
    pairs.dedup();
    let scored: Vec<(usize, usize, f64)> = pairs
        .into_iter()
        .filter_map(|(l, r)| {
            let s = score(left.features.get(l)?, right.features.get(r)?);
            (s >= HALF_SCORE).then_some((l, r, s))
        })
        .collect();
    let mut links = link(&scored, left.features.len(), right.features.len());
    extend_runs(&scored, &mut links);
    let halves = split_halves(&scored, &links, left.features, right.features);
    links.extend(halves);
    let flipped: Vec<(usize, usize, f64)> = scored.iter().map(|&(l, r, s)| (r, l, s)).collect();
    let flipped_links: Vec<(usize, usize, f64)> =
        links.iter().map(|&(l, r, s)| (r, l, s)).collect();
    let halves = split_halves(&flipped, &flipped_links, right.features, left.features);
    links.extend(halves.into_iter().map(|(r, l, s)| (l, r, s)));
    links.sort_by_key(|a| (a.0, a.1));
    links.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    links
}

/// For each sentence of `from`, the sentences of `to` sharing the most rare-term weight.
fn candidates(from: &Side, to: &Side, is_rare: &dyn Fn(u32) -> bool) -> Vec<(usize, usize)> {
    let mut acc = vec![0.0_f64; to.features.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let asking = from
        .features
        .iter()
        .zip(from.asks)
        .enumerate()
        .filter(|(_, (_, asks))| **asks);
    for (i, (f, _)) in asking {
        for &(term, weight) in &f.bag {
            if !is_rare(term) {
                continue;
            }
            for &j in to.index.get(&term).map(Vec::as_slice).unwrap_or_default() {
                let j = j as usize;
                let wj = to
                    .features
                    .get(j)
                    .and_then(|g| {
                        g.bag
                            .binary_search_by_key(&term, |&(t, _)| t)
                            .ok()
                            .and_then(|k| g.bag.get(k))
                    })
                    .map_or(0.0, |&(_, w)| w);
                if let Some(slot) = acc.get_mut(j) {
                    if *slot == 0.0 {
                        touched.push(j);
                    }
                    *slot += weight * wj;
                }
            }
        }
        touched.sort_by(|&a, &b| {
            let (x, y) = (
                acc.get(a).copied().unwrap_or(0.0),
                acc.get(b).copied().unwrap_or(0.0),
            );
            y.total_cmp(&x).then(a.cmp(&b))
        });
        out.extend(touched.iter().take(CANDIDATES).map(|&j| (i, j)));
        for &j in &touched {
            if let Some(slot) = acc.get_mut(j) {
                *slot = 0.0;
            }
        }
        touched.clear();
    }
    out
}

/// Competitive linking: the best-scoring pair above the threshold first, each sentence
/// linked once; pairs that are each other's best are always among those taken.
fn link(
    scored: &[(usize, usize, f64)],
    left_len: usize,
    right_len: usize,
) -> Vec<(usize, usize, f64)> {
    let mut order: Vec<&(usize, usize, f64)> = scored.iter().filter(|p| p.2 >= THRESHOLD).collect();
    // Ties go to the pair whose places in their reports are closest.
    let place = |l: usize, r: usize| {
        (l as f64 / left_len.max(1) as f64 - r as f64 / right_len.max(1) as f64).abs()
    };
    order.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(place(a.0, a.1).total_cmp(&place(b.0, b.1)))
            .then((a.0, a.1).cmp(&(b.0, b.1)))
    });
    let mut left_used = vec![false; left_len];
    let mut right_used = vec![false; right_len];
    let mut out = Vec::new();
    for &&(l, r, s) in &order {
        let free = !left_used.get(l).copied().unwrap_or(true)
            && !right_used.get(r).copied().unwrap_or(true);
        if free {
            if let Some(u) = left_used.get_mut(l) {
                *u = true;
            }
            if let Some(u) = right_used.get_mut(r) {
                *u = true;
            }
            out.push((l, r, s));
        }
    }
    out
}

/// Neighbours of linked sentences that follow in the same order on both sides are linked
/// on weaker evidence, as passim extends a match along its text: a retold passage keeps its
/// order more often than not.
fn extend_runs(scored: &[(usize, usize, f64)], links: &mut Vec<(usize, usize, f64)>) {
    let scores: FastMap<(usize, usize), f64> =
        scored.iter().map(|&(l, r, s)| ((l, r), s)).collect();
    let mut left_used: FastMap<usize, ()> = links.iter().map(|&(l, _, _)| (l, ())).collect();
    let mut right_used: FastMap<usize, ()> = links.iter().map(|&(_, r, _)| (r, ())).collect();
    let mut queue: Vec<(usize, usize)> = links.iter().map(|&(l, r, _)| (l, r)).collect();
    while let Some((l, r)) = queue.pop() {
        let next = [
            (l.checked_add(1), r.checked_add(1)),
            (l.checked_sub(1), r.checked_sub(1)),
        ];
        for (nl, nr) in next {
            let (Some(nl), Some(nr)) = (nl, nr) else {
                continue;
            };
            if left_used.contains_key(&nl) || right_used.contains_key(&nr) {
                continue;
            }
            let Some(&s) = scores.get(&(nl, nr)) else {
                continue;
            };
            if s >= NEIGHBOUR {
                left_used.insert(nl, ());
                right_used.insert(nr, ());
                links.push((nl, nr, s));
                queue.push((nl, nr));
            }
        }
    }
}

/// Where one right sentence tells what two neighbouring left sentences tell: links for the
/// halves not linked yet, scored by the two halves read together.
fn split_halves(
    scored: &[(usize, usize, f64)],
    links: &[(usize, usize, f64)],
    left: &[Features],
    right: &[Features],
) -> Vec<(usize, usize, f64)> {
    let mut left_link: FastMap<usize, usize> = FastMap::default();
    let mut right_links: FastMap<usize, Vec<usize>> = FastMap::default();
    for &(l, r, _) in links {
        left_link.insert(l, r);
        right_links.entry(r).or_default().push(l);
    }
    let mut by_right: FastMap<usize, Vec<(usize, f64)>> = FastMap::default();
    for &(l, r, s) in scored {
        by_right.entry(r).or_default().push((l, s));
    }
    let mut keys: Vec<usize> = by_right.keys().copied().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for r in keys {
        let Some(whole) = right.get(r) else { continue };
        let linked = right_links.get(&r).map(Vec::as_slice).unwrap_or_default();
        if linked.len() > 1 {
            continue;
        }
        let scores: FastMap<usize, f64> = by_right.get(&r).into_iter().flatten().copied().collect();
        let mut best: Option<(usize, usize, f64)> = None;
        for (&a, &sa) in &scores {
            let b = a + 1;
            let Some(&sb) = scores.get(&b) else { continue };
            // Each half is free or linked to this very sentence, and at most one is linked.
            let free_or_here = |x: usize| left_link.get(&x).is_none_or(|&y| y == r);
            if !free_or_here(a) || !free_or_here(b) {
                continue;
            }
            if let Some(&only) = linked.first() {
                if only != a && only != b {
                    continue;
                }
            }
            let (Some(fa), Some(fb)) = (left.get(a), left.get(b)) else {
                continue;
            };
            if containment(fa, whole) < HALF_CONTAINED || containment(fb, whole) < HALF_CONTAINED {
                continue;
            }
            let together = score(&fa.union(fb), whole);
            if together >= THRESHOLD
                && together >= sa.max(sb) + UNION_GAIN
                && best.is_none_or(|(_, _, s)| together > s)
            {
                best = Some((a, b, together));
            }
        }
        if let Some((a, b, s)) = best {
            for half in [a, b] {
                if !linked.contains(&half) {
                    out.push((half, r, s));
                }
                left_link.insert(half, r);
            }
        }
    }
    out
}
