//! Which sentences of two reports tell the same thing, in any order: candidates come from an
//! index of rare stems (never all pairs), the best-scoring pairs are linked one to one above
//! a high threshold, and a sentence one outlet split in two (or up to four) gets every part.

use super::super::intern::FastMap;
use super::score::{Bag, Features, Table, containment, score};

/// Lowest score at which two sentences are taken to tell the same thing.
pub(super) const THRESHOLD: f64 = 0.25;
/// Lowest score for a neighbour of a linked pair, in the same order on both sides.
const NEIGHBOUR: f64 = 0.17;
/// Candidates kept per sentence from the index, best partial score first.
const CANDIDATES: usize = 8;
/// The parts of a split sentence, weighed together, must be this much contained in the
/// whole, and each part at least `PART_CONTAINED`...
const HALF_CONTAINED: f64 = 0.5;
const PART_CONTAINED: f64 = 0.25;
/// ...score at least this with it on its own...
const HALF_SCORE: f64 = 0.15;
/// ...and the parts together must beat the best part by this much.
const UNION_GAIN: f64 = 0.08;
/// Most sentences one sentence on the other side may be taken to tell together.
const MAX_PARTS: usize = 4;

/// One side of a pair: its sentences' features and its index of rare terms.
pub(super) struct Side<'a> {
    pub features: &'a Table,
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
            let s = score(&left.features.get(l)?, &right.features.get(r)?);
            (s >= HALF_SCORE).then_some((l, r, s))
        })
        .collect();
    let mut links = link(&scored, left.features.len(), right.features.len());
    extend_runs(&scored, &mut links);
    let halves = split_parts(&scored, &links, left.features, right.features);
    links.extend(halves);
    let flipped: Vec<(usize, usize, f64)> = scored.iter().map(|&(l, r, s)| (r, l, s)).collect();
    let flipped_links: Vec<(usize, usize, f64)> =
        links.iter().map(|&(l, r, s)| (r, l, s)).collect();
    let halves = split_parts(&flipped, &flipped_links, right.features, left.features);
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
        for (term, weight) in f.bag() {
            if !is_rare(term) {
                continue;
            }
            for &j in to.index.get(&term).map(Vec::as_slice).unwrap_or_default() {
                let j = j as usize;
                let wj = to.features.get(j).map_or(0.0, |g| g.weight(term));
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

/// Where one right sentence tells what a run of neighbouring left sentences tell (one outlet
/// split in two or more what another told in one): links for the parts not linked yet,
/// scored by the parts read together.
fn split_parts(
    scored: &[(usize, usize, f64)],
    links: &[(usize, usize, f64)],
    left: &Table,
    right: &Table,
) -> Vec<(usize, usize, f64)> {
    let mut left_link: FastMap<usize, usize> = FastMap::default();
    let mut right_links: FastMap<usize, Vec<usize>> = FastMap::default();
    for &(l, r, _) in links {
        left_link.insert(l, r);
        right_links.entry(r).or_default().push(l);
    }
    let mut by_right: FastMap<usize, Vec<usize>> = FastMap::default();
    for &(l, r, _) in scored {
        by_right.entry(r).or_default().push(l);
    }
    let mut keys: Vec<usize> = by_right.keys().copied().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for r in keys {
        let Some(whole) = right.get(r) else { continue };
        let whole = &whole;
        let linked = right_links.get(&r).map(Vec::as_slice).unwrap_or_default();
        if linked.len() > 1 {
            continue;
        }
        let mut runs: Vec<std::ops::Range<usize>> = by_right
            .get(&r)
            .into_iter()
            .flatten()
            .flat_map(|&anchor| runs_around(anchor, left.len()))
            .collect();
        runs.sort_unstable_by_key(|run| (run.start, run.end));
        runs.dedup();
        let mut best: Option<(std::ops::Range<usize>, f64)> = None;
        for run in runs {
            let Some(together) = run_score(run.clone(), r, whole, left, linked, &left_link) else {
                continue;
            };
            if best
                .as_ref()
                .is_none_or(|(b, s)| together > *s || (together == *s && run.len() > b.len()))
            {
                best = Some((run, together));
            }
        }
        if let Some((run, s)) = best {
            for part in run {
                if !linked.contains(&part) {
                    out.push((part, r, s));
                }
                left_link.insert(part, r);
            }
        }
    }
    out
}

/// Runs of two to `MAX_PARTS` neighbouring sentences that hold `anchor`.
fn runs_around(anchor: usize, len: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    (2..=MAX_PARTS).flat_map(move |n| {
        (anchor.saturating_sub(n - 1)..=anchor)
            .map(move |start| start..start + n)
            .filter(move |run| run.end <= len)
    })
}

/// The score of `run` read together against `whole`, when the run may stand for it: every
/// part is free or linked to this very whole, at most the one sentence already linked to it
/// is among them (and it is), the parts are mostly contained in the whole (each at least
/// in part: a run may carry one loosely retold sentence between two close ones), and
/// together they cover clearly more of the whole than the best part alone.
fn run_score(
    run: std::ops::Range<usize>,
    r: usize,
    whole: &Features,
    left: &Table,
    linked: &[usize],
    left_link: &FastMap<usize, usize>,
) -> Option<f64> {
    if run
        .clone()
        .any(|x| left_link.get(&x).is_some_and(|&y| y != r))
    {
        return None;
    }
    if linked.first().is_some_and(|only| !run.contains(only)) {
        return None;
    }
    let mut together: Option<Bag> = None;
    let (mut held, mut mass) = (0.0, 0.0);
    let mut best_part = 0.0_f64;
    for part in run {
        let f = &left.get(part)?;
        let contained = containment(f, whole);
        if contained < PART_CONTAINED {
            return None;
        }
        held += contained * f.mass;
        mass += f.mass;
        best_part = best_part.max(containment(whole, f));
        together = Some(match together {
            Some(t) => t.features().union(f),
            None => Bag::from(*f),
        });
    }
    let together = together?;
    let together = together.features();
    if mass <= 0.0
        || held / mass < HALF_CONTAINED
        || containment(whole, &together) < best_part + UNION_GAIN
    {
        return None;
    }
    let s = score(&together, whole);
    (s >= THRESHOLD).then_some(s)
}
