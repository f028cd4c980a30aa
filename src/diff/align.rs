//! Pairing the paragraphs of two versions before any word is compared.
//!
//! Exact matches in order are anchors (Myers on paragraph ids); an exact match out of
//! order is a move. Inside the gaps between anchors, close copies facing each other pair
//! at once (see [`sure`]); between those, fuzzy pairing is a dynamic programme over a
//! band around the gap's diagonal, and can pair one paragraph with two or three
//! neighbours on the other side (a split or a merge). Whatever is left may still pair as
//! a fuzzy move. Cost: O(n) hashing plus Myers O(n·d) for anchors, one comparison per
//! close copy, and O(g·B) word-bag comparisons per stretch of g other paragraphs with
//! band B, so it grows linearly with the paragraph count for a fixed amount of change.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

mod sure;

use super::intern::{FastMap, FastSet};
use super::stats::dice as dice_of;
use crate::side::{Pair, Side};

/// Least word-bag similarity (Dice) for two paragraphs to count as versions of each other.
pub const PAIR_THRESHOLD: f64 = 0.45;
/// Least similarity for two paragraphs far apart to count as one moved paragraph.
const MOVE_THRESHOLD: f64 = 0.6;
/// Least share of a piece's words found in the whole for a split or merge.
const PIECE_CONTAINMENT: f64 = 0.5;
/// Least word-bag similarity (Dice) of a paragraph and the one facing it for the two
/// to count as close copies, paired without the gap programme (see [`sure`]).
const SURE: f64 = 0.7;
/// Least words of each paragraph of such a pair: a short paragraph's score is coarse.
const SURE_WORDS: usize = 8;
/// Half-width of the band of the gap matrix the dynamic programme looks at.
const BAND: usize = 24;
/// Most leftover pairs compared when looking for fuzzy moves.
const MOVE_PAIRS_LIMIT: usize = 250_000;

/// The pairing of two versions' paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// Paragraph ranges that face each other, in reading order; both sides increase.
    pub pairs: Vec<Pair<Range<usize>>>,
    /// Moved paragraphs, each paragraph in at most one.
    pub moved: Vec<Pair<usize>>,
}

/// What the aligner asks of the paragraphs beyond their exact ids. Word bags are asked
/// for only for paragraphs that no exact match pairs, or that their common start and end
/// alone do not pair, and dropped once paired, so a long text that changed little is
/// never tokenised whole here.
pub trait ParaWords {
    /// Whether paragraph `i` of `side` holds any word.
    fn has_words(&self, side: Side, i: usize) -> bool;
    /// The word keys of paragraph `i` of `side`, in any order (they are sorted here).
    fn bag(&self, side: Side, i: usize) -> Vec<u32>;
    /// Whether the paragraphs `at` have `least` words each and a Dice similarity of
    /// `threshold` or more counting only the words of their common start and end: a
    /// bound below their bags' similarity, found without building the bags. Never
    /// true is always right, only slower.
    fn close_by_ends(&self, at: Pair<usize>, threshold: f64, least: usize) -> bool {
        let _ = (at, threshold, least);
        false
    }
}

/// Word bags of the paragraphs being paired, indexed by paragraph, each sorted; `None`
/// where not asked for, or dropped once paired.
type Bags = Pair<Vec<Option<Vec<u32>>>>;

/// Paragraph `i`'s bag, asked for the first time it is needed.
fn ensure_bag(bags: &mut Bags, words: &impl ParaWords, side: Side, i: usize) {
    if let Some(slot @ None) = bags[side].get_mut(i) {
        let mut bag = words.bag(side, i);
        bag.sort_unstable();
        *slot = Some(bag);
    }
}

fn bag_of(bags: &Bags, side: Side, i: usize) -> Option<&[u32]> {
    bags[side].get(i).and_then(Option::as_deref)
}

/// The word keys of one gap's bags, numbered from 0 in order of first sight, so the gap
/// programme can count a paragraph's words in a table indexed by word.
#[derive(Default)]
struct Vocabulary {
    numbers: FastMap<u32, u32>,
}

impl Vocabulary {
    /// `bag` with each key replaced by its number, sorted.
    fn number(&mut self, bag: &[u32]) -> Vec<u32> {
        let mut numbered: Vec<u32> = bag
            .iter()
            .map(|key| {
                let next = u32::try_from(self.numbers.len()).unwrap_or(u32::MAX);
                *self.numbers.entry(*key).or_insert(next)
            })
            .collect();
        numbered.sort_unstable();
        numbered
    }

    fn len(&self) -> usize {
        self.numbers.len()
    }
}

/// Number of word ids `a` and `b` share, counting repeats (both sorted). The steps are
/// branch-free: the gap programme runs this for every cell of its band, and a
/// mispredicted comparison per word was most of its time.
pub(super) fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Number of words a sorted bag shares with the bag counted in `counts` (its count of
/// each word), counting repeats: the `k`th time a word comes in `bag` it is shared when
/// the other bag has it `k` times or more.
fn common_counted(counts: &[u32], bag: &[u32]) -> usize {
    let (mut n, mut seen, mut last) = (0, 0, None);
    for &word in bag {
        seen = if last == Some(word) { seen + 1 } else { 1 };
        last = Some(word);
        n += usize::from(counts.get(word as usize).is_some_and(|&c| seen <= c));
    }
    n
}

/// Dice similarity of two word bags; 0 when either has no words, since a paragraph
/// without words says nothing about where it belongs.
fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    dice_of(common(a, b), a.len() + b.len())
}

/// Pairs the paragraphs of two versions, given as exact text ids and their words.
pub fn align(ids: Pair<&[u32]>, words: &impl ParaWords, deadline: Option<Instant>) -> Alignment {
    let anchors = anchors(ids, deadline);
    let gaps = gaps_between(&anchors, ids.map(<[u32]>::len));

    let mut taken = Pair::new(vec![false; ids.left.len()], vec![false; ids.right.len()]);
    for pair in &anchors {
        mark_pair(&mut taken, pair);
    }
    let mut moved = exact_moves(ids, words, &mut taken);

    let mut bags: Bags = Pair::from_fn(|side| vec![None; ids[side].len()]);
    let mut pairs = anchors;
    for (old, new) in gaps {
        let ranges = Pair::new(old, new);
        let free = Pair::from_fn(|side| {
            ranges[side]
                .clone()
                .filter(|&i| is_free(&taken[side], i))
                .collect()
        });
        for pair in pair_free(words, &mut bags, &free) {
            mark_pair(&mut taken, &pair);
            for side in Side::BOTH {
                for i in pair[side].clone() {
                    if let Some(bag) = bags[side].get_mut(i) {
                        *bag = None;
                    }
                }
            }
            pairs.push(pair);
        }
    }
    pairs.sort_by_key(|p| (p.left.start, p.right.start));
    moved.extend(fuzzy_moves(&bags, &mut taken));
    moved.sort_unstable_by_key(|m| (m.left, m.right));
    Alignment { pairs, moved }
}

/// Identical paragraphs in order, each pair of one paragraph a side. Only paragraphs
/// found on both sides can be matched, so the paragraph diff looks at those alone: in
/// two versions where nearly every paragraph was edited, stepping over the others was
/// most of its work (Myers' cost grows with the paragraphs it must skip).
fn anchors(ids: Pair<&[u32]>, deadline: Option<Instant>) -> Vec<Pair<Range<usize>>> {
    let on = ids.map(|side| side.iter().copied().collect::<FastSet<u32>>());
    let kept = Pair::new(
        positions_of(ids.left, &on.right),
        positions_of(ids.right, &on.left),
    );
    let kept_ids = Pair::from_fn(|side| -> Vec<u32> {
        kept[side]
            .iter()
            .filter_map(|&i| ids[side].get(i).copied())
            .collect()
    });
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &kept_ids.left, &kept_ids.right, deadline);
    let mut anchors = Vec::new();
    for op in &ops {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in old.zip(new) {
                if let (Some(&i), Some(&j)) = (kept.left.get(i), kept.right.get(j)) {
                    anchors.push(Pair::new(i..i + 1, j..j + 1));
                }
            }
        }
    }
    anchors
}

/// Places in `ids` whose id is in `other`.
fn positions_of(ids: &[u32], other: &FastSet<u32>) -> Vec<usize> {
    (0..ids.len())
        .filter(|&i| ids.get(i).is_some_and(|id| other.contains(id)))
        .collect()
}

/// The paragraphs between consecutive anchors (and before the first and after the
/// last), as ranges of each side; a gap may be empty on one side.
fn gaps_between(
    anchors: &[Pair<Range<usize>>],
    lens: Pair<usize>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut gaps = Vec::new();
    let mut from = Pair::new(0, 0);
    let ends = Pair::new(lens.left..lens.left, lens.right..lens.right);
    for anchor in anchors.iter().chain(std::iter::once(&ends)) {
        let gap = (from.left..anchor.left.start, from.right..anchor.right.start);
        if !gap.0.is_empty() || !gap.1.is_empty() {
            gaps.push(gap);
        }
        from = Pair::new(anchor.left.end, anchor.right.end);
    }
    gaps
}

/// True when paragraph `i` exists and is not paired yet.
fn is_free(taken: &[bool], i: usize) -> bool {
    taken.get(i).is_some_and(|t| !t)
}

fn mark(taken: &mut [bool], range: &Range<usize>) {
    for i in range.clone() {
        if let Some(t) = taken.get_mut(i) {
            *t = true;
        }
    }
}

/// Marks both sides of a pair of paragraph ranges as paired.
fn mark_pair(taken: &mut Pair<Vec<bool>>, pair: &Pair<Range<usize>>) {
    for side in Side::BOTH {
        mark(&mut taken[side], &pair[side]);
    }
}

/// Pairs identical paragraphs that the anchors left out: they moved.
fn exact_moves(
    ids: Pair<&[u32]>,
    words: &impl ParaWords,
    taken: &mut Pair<Vec<bool>>,
) -> Vec<Pair<usize>> {
    let mut waiting: HashMap<u32, Vec<usize>> = HashMap::new();
    for (j, id) in ids.right.iter().enumerate().rev() {
        if is_free(&taken.right, j) && words.has_words(Side::Right, j) {
            waiting.entry(*id).or_default().push(j);
        }
    }
    let mut moved = Vec::new();
    for (i, id) in ids.left.iter().enumerate() {
        if !is_free(&taken.left, i) {
            continue;
        }
        if let Some(j) = waiting.get_mut(id).and_then(Vec::pop) {
            moved.push(Pair::new(i, j));
            mark_pair(taken, &Pair::new(i..i + 1, j..j + 1));
        }
    }
    moved
}

/// Pairs left over after the gaps: similar enough paragraphs far apart, best first.
fn fuzzy_moves(bags: &Bags, taken: &mut Pair<Vec<bool>>) -> Vec<Pair<usize>> {
    let free = |taken: &[bool]| -> Vec<usize> {
        (0..taken.len()).filter(|&i| is_free(taken, i)).collect()
    };
    let (li, ri) = (free(&taken.left), free(&taken.right));
    if li.len().saturating_mul(ri.len()) > MOVE_PAIRS_LIMIT {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    for &i in &li {
        for &j in &ri {
            let (Some(a), Some(b)) = (bag_of(bags, Side::Left, i), bag_of(bags, Side::Right, j))
            else {
                continue;
            };
            let score = dice(a, b);
            if score >= MOVE_THRESHOLD {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut moved = Vec::new();
    for (_, i, j) in candidates {
        if !is_free(&taken.left, i) || !is_free(&taken.right, j) {
            continue;
        }
        mark_pair(taken, &Pair::new(i..i + 1, j..j + 1));
        moved.push(Pair::new(i, j));
    }
    moved
}

/// One step of the gap programme: how many paragraphs it takes from each side.
const STEPS: &[(usize, usize)] = &[(1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (1, 0), (0, 1)];

/// The columns of row `i` the gap programme looks at: a band around the gap's diagonal,
/// or every column when the gap is small.
fn band(i: usize, m: usize, n: usize) -> Range<usize> {
    if m.max(n) <= 2 * BAND {
        return 0..n + 1;
    }
    let centre = i * n / m.max(1);
    centre.saturating_sub(BAND)..(centre + BAND + 1).min(n + 1)
}

/// The band of every row of a gap's matrix, worked out once per gap: the programme
/// reads each cell a dozen times, and a division per read to find the band again was
/// most of its time.
struct Band {
    width: usize,
    rows: Vec<Range<usize>>,
}

impl Band {
    /// The bands of rows `0..=m` of an `m` by `n` gap.
    fn new(m: usize, n: usize) -> Self {
        let width = if m.max(n) <= 2 * BAND {
            n + 1
        } else {
            2 * BAND + 1
        };
        Band {
            width,
            rows: (0..=m).map(|i| band(i, m, n)).collect(),
        }
    }

    /// The columns of row `i`; none past the last row.
    fn row(&self, i: usize) -> Range<usize> {
        self.rows.get(i).cloned().unwrap_or(0..0)
    }

    fn slot(&self, i: usize, j: usize) -> Option<usize> {
        let cols = self.rows.get(i)?;
        cols.contains(&j).then(|| i * self.width + j - cols.start)
    }
}

/// Cells of a gap's matrix, each row holding only the columns of its band, so a gap of
/// thousands of paragraphs costs thousands of rows of at most `2·BAND + 1` cells.
struct Banded<'b, T> {
    band: &'b Band,
    cells: Vec<T>,
    outside: T,
}

impl<'b, T: Copy> Banded<'b, T> {
    /// The first `rows` rows of `band`, every cell `outside`.
    fn new(band: &'b Band, rows: usize, outside: T) -> Self {
        Banded {
            band,
            cells: vec![outside; rows * band.width],
            outside,
        }
    }

    /// The cell, or `outside` off the band.
    fn get(&self, i: usize, j: usize) -> T {
        self.band
            .slot(i, j)
            .and_then(|k| self.cells.get(k))
            .copied()
            .unwrap_or(self.outside)
    }

    fn get_mut(&mut self, i: usize, j: usize) -> Option<&mut T> {
        self.band.slot(i, j).and_then(|k| self.cells.get_mut(k))
    }
}

/// Shared word counts of the band cells of a gap, computed once: the programme reads
/// each cell up to a dozen times.
struct SharedWords<'b>(Banded<'b, u32>);

impl<'b> SharedWords<'b> {
    /// The counts of a gap whose bags hold numbers below `vocabulary`. Each left
    /// paragraph's words are counted in a table once, and each right paragraph of its
    /// band is looked up in it: half the steps of merging the two bags, and no branch
    /// to mispredict.
    fn new(band: &'b Band, bags: &Pair<Vec<Vec<u32>>>, vocabulary: usize) -> Self {
        let mut cells = Banded::new(band, bags.left.len(), 0);
        let mut counts = vec![0u32; vocabulary];
        let tally = |counts: &mut [u32], a: &[u32], add: bool| {
            for &word in a {
                if let Some(c) = counts.get_mut(word as usize) {
                    *c = if add { *c + 1 } else { 0 };
                }
            }
        };
        for (i, a) in bags.left.iter().enumerate() {
            tally(&mut counts, a, true);
            for j in band.row(i) {
                let Some(b) = bags.right.get(j) else {
                    continue;
                };
                if let Some(cell) = cells.get_mut(i, j) {
                    *cell = u32::try_from(common_counted(&counts, b)).unwrap_or(u32::MAX);
                }
            }
            tally(&mut counts, a, false);
        }
        SharedWords(cells)
    }

    /// Words shared by left `i` and right `j`; 0 outside the band.
    fn get(&self, i: usize, j: usize) -> usize {
        self.0.get(i, j) as usize
    }
}

/// The pairing of a gap's free paragraphs: close copies facing each other pair at once
/// (see [`sure`]), and the gap programme pairs what lies between them.
fn pair_free(
    words: &impl ParaWords,
    bags: &mut Bags,
    free: &Pair<Vec<usize>>,
) -> Vec<Pair<Range<usize>>> {
    let (li, ri) = (free.left.as_slice(), free.right.as_slice());
    let stretches = sure::stretches(li.len(), ri.len(), |i, j| {
        let (Some(&a), Some(&b)) = (li.get(i), ri.get(j)) else {
            return false;
        };
        if words.close_by_ends(Pair::new(a, b), SURE, SURE_WORDS) {
            return true;
        }
        ensure_bag(bags, words, Side::Left, a);
        ensure_bag(bags, words, Side::Right, b);
        match (bag_of(bags, Side::Left, a), bag_of(bags, Side::Right, b)) {
            (Some(x), Some(y)) => x.len().min(y.len()) >= SURE_WORDS && dice(x, y) >= SURE,
            _ => false,
        }
    });
    let mut pairs = Vec::new();
    let mut next = (0, 0);
    let ends = [(li.len(), ri.len(), 0)];
    for (i, j, len) in stretches.into_iter().chain(ends) {
        let between = Pair::new(li.get(next.0..i), ri.get(next.1..j));
        if let (Some(l), Some(r)) = (between.left, between.right) {
            // What is left unpaired here is looked at again for moves, by its bag.
            for (side, ix) in [(Side::Left, l), (Side::Right, r)] {
                for &p in ix {
                    ensure_bag(bags, words, side, p);
                }
            }
            pairs.extend(pair_gap(bags, l, r));
        }
        for k in 0..len {
            if let (Some(&a), Some(&b)) = (li.get(i + k), ri.get(j + k)) {
                pairs.push(Pair::new(a..a + 1, b..b + 1));
            }
        }
        next = (i + len, j + len);
    }
    pairs
}

/// Best monotone pairing inside one gap, allowing splits and merges of up to three.
fn pair_gap(bags: &Bags, li: &[usize], ri: &[usize]) -> Vec<Pair<Range<usize>>> {
    let (m, n) = (li.len(), ri.len());
    if m == 0 || n == 0 {
        return Vec::new();
    }
    let mut vocabulary = Vocabulary::default();
    // The gap's bags by place in the gap, their words numbered.
    let ix = Pair::new(li, ri);
    let numbered = Pair::from_fn(|side| -> Vec<Vec<u32>> {
        ix[side]
            .iter()
            .map(|&p| vocabulary.number(bag_of(bags, side, p).unwrap_or_default()))
            .collect()
    });
    let band = Band::new(m, n);
    let shared = SharedWords::new(&band, &numbered, vocabulary.len());
    let lsize = |i: usize| numbered.left.get(i).map_or(0, Vec::len);
    let rsize = |j: usize| numbered.right.get(j).map_or(0, Vec::len);
    let consecutive = |ix: &[usize], from: usize, len: usize| {
        (1..len).all(|k| match (ix.get(from + k - 1), ix.get(from + k)) {
            (Some(a), Some(b)) => *b == *a + 1,
            _ => false,
        })
    };

    // best(i, j): best score pairing the first i left and first j right paragraphs.
    let mut best = Banded::new(&band, m + 1, f64::NEG_INFINITY);
    let mut step_of = Banded::new(&band, m + 1, (0u8, 0u8));
    if let Some(b) = best.get_mut(0, 0) {
        *b = 0.0;
    }
    for i in 0..=m {
        for j in band.row(i) {
            if (i, j) == (0, 0) {
                continue;
            }
            for &(di, dj) in STEPS {
                if di > i || dj > j {
                    continue;
                }
                let (pi, pj) = (i - di, j - dj);
                let prev = best.get(pi, pj);
                if prev == f64::NEG_INFINITY {
                    continue;
                }
                let gain = if di == 0 || dj == 0 {
                    Some(0.0)
                } else if !consecutive(li, pi, di) || !consecutive(ri, pj, dj) {
                    None
                } else {
                    step_gain(pi, di, pj, dj, &shared, &lsize, &rsize)
                };
                let Some(gain) = gain else { continue };
                let score = prev + gain;
                if let (Some(b), Some(s)) = (best.get_mut(i, j), step_of.get_mut(i, j)) {
                    if score > *b {
                        *b = score;
                        *s = (di as u8, dj as u8);
                    }
                }
            }
        }
    }

    let mut pairs = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 || j > 0 {
        let (di, dj) = step_of.get(i, j);
        let (di, dj) = (usize::from(di), usize::from(dj));
        if (di, dj) == (0, 0) {
            break;
        }
        i -= di;
        j -= dj;
        if di > 0 && dj > 0 {
            if let (Some(&a), Some(&b)) = (li.get(i), ri.get(j)) {
                pairs.push(Pair::new(a..a + di, b..b + dj));
            }
        }
    }
    pairs.reverse();
    pairs
}

/// Score of pairing left[pi..pi+di] with right[pj..pj+dj], or None when they are not
/// versions of each other. One side has a single paragraph; every piece on the other
/// side must be mostly contained in it.
fn step_gain(
    pi: usize,
    di: usize,
    pj: usize,
    dj: usize,
    shared: &SharedWords,
    lsize: &impl Fn(usize) -> usize,
    rsize: &impl Fn(usize) -> usize,
) -> Option<f64> {
    // Shared words and size of the `k`th piece; no list is built, as this runs for
    // every step of every cell.
    let piece = |k: usize| {
        if di == 1 {
            (shared.get(pi, pj + k), rsize(pj + k))
        } else {
            (shared.get(pi + k, pj), lsize(pi + k))
        }
    };
    let (whole, count) = if di == 1 {
        (lsize(pi), dj)
    } else {
        (rsize(pj), di)
    };
    if count > 1
        && (0..count)
            .map(piece)
            .any(|(c, size)| size == 0 || (c as f64) < PIECE_CONTAINMENT * size as f64)
    {
        return None;
    }
    let (common, sizes) = (0..count)
        .map(piece)
        .fold((0, 0), |(c, s), (pc, ps)| (c + pc, s + ps));
    let shared = common.min(whole);
    let total = whole + sizes;
    if total == 0 {
        return None;
    }
    let similarity = dice_of(shared, total);
    (similarity >= PAIR_THRESHOLD).then_some(similarity - PAIR_THRESHOLD + 1e-6)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph as these tests give it: an exact id and its word ids.
    struct ParaKey {
        exact: u32,
        bag: Vec<u32>,
    }

    struct Keys<'a>(Pair<&'a Vec<ParaKey>>);

    impl ParaWords for Keys<'_> {
        fn has_words(&self, side: Side, i: usize) -> bool {
            self.0[side].get(i).is_some_and(|p| !p.bag.is_empty())
        }

        fn bag(&self, side: Side, i: usize) -> Vec<u32> {
            self.0[side].get(i).map_or_else(Vec::new, |p| p.bag.clone())
        }
    }

    fn align_keys(keys: Pair<&Vec<ParaKey>>, deadline: Option<Instant>) -> Alignment {
        let ids = keys.map(|k| k.iter().map(|p| p.exact).collect::<Vec<u32>>());
        align(ids.as_ref().map(Vec::as_slice), &Keys(keys), deadline)
    }

    /// A paragraph of `n` words with ids from `first`, under exact id `exact`.
    fn para(exact: u32, first: u32, n: u32) -> ParaKey {
        ParaKey {
            exact,
            bag: (first..first + n).collect(),
        }
    }

    /// `count` unrelated paragraphs, their words and exact ids starting at `base`.
    fn unrelated(base: u32, count: u32) -> Vec<ParaKey> {
        (0..count)
            .map(|i| para(base + i, (base + i) * 100, 10))
            .collect()
    }

    #[test]
    fn identical_paragraphs_anchor_and_a_reordered_one_moves() {
        let left = unrelated(0, 4);
        let right: Vec<ParaKey> = [1, 2, 3, 0].iter().map(|&i| para(i, i * 100, 10)).collect();
        let a = align_keys(Pair::new(&left, &right), None);
        assert_eq!(a.moved, vec![Pair::new(0, 3)]);
        assert_eq!(a.pairs.len(), 3);
    }

    #[test]
    fn a_gap_wider_than_the_band_still_pairs_every_edited_paragraph() {
        let n = 3 * BAND as u32;
        let left = unrelated(0, n);
        // Each right paragraph keeps 8 of its left counterpart's 10 words: no exact
        // anchors, one gap of 72 paragraphs a side, wider than the band.
        let right: Vec<ParaKey> = (0..n)
            .map(|i| ParaKey {
                exact: 10_000 + i,
                bag: (i * 100..i * 100 + 8)
                    .chain([900_000 + i, 900_001 + i])
                    .collect(),
            })
            .collect();
        let a = align_keys(Pair::new(&left, &right), None);
        let expected: Vec<Pair<Range<usize>>> = (0..n as usize)
            .map(|i| Pair::new(i..i + 1, i..i + 1))
            .collect();
        assert_eq!(a.pairs, expected);
        assert!(a.moved.is_empty());
    }

    #[test]
    fn a_paragraph_split_in_two_pairs_with_both_pieces() {
        let whole = para(1, 0, 20);
        let pieces = vec![para(2, 0, 10), para(3, 10, 10)];
        let a = align_keys(Pair::new(&vec![whole], &pieces), None);
        assert_eq!(a.pairs, vec![Pair::new(0..1, 0..2)]);
    }

    /// Unrelated paragraphs with one similar pair far off the diagonal: the gap
    /// programme cannot see it, so only the fuzzy-move pass can pair it.
    fn far_apart(count: u32) -> (Vec<ParaKey>, Vec<ParaKey>) {
        let mut left = unrelated(0, count);
        let mut right = unrelated(count, count);
        if let (Some(l), Some(r)) = (left.first_mut(), right.last_mut()) {
            *l = para(5_000_000, 7_000_000, 10);
            *r = para(5_000_001, 7_000_001, 10);
        }
        (left, right)
    }

    #[test]
    fn a_similar_paragraph_far_off_the_diagonal_is_a_fuzzy_move() {
        let (left, right) = far_apart(400);
        let a = align_keys(Pair::new(&left, &right), None);
        assert_eq!(a.moved, vec![Pair::new(0, 399)]);
    }

    #[test]
    fn fuzzy_moves_are_skipped_past_the_candidate_limit() {
        // 501 × 501 free paragraphs is more pairs than the limit allows comparing.
        let (left, right) = far_apart(501);
        const { assert!(501 * 501 > MOVE_PAIRS_LIMIT) };
        let a = align_keys(Pair::new(&left, &right), None);
        assert!(a.moved.is_empty());
        assert!(a.pairs.is_empty());
    }
}

#[cfg(test)]
mod sure_tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Leaving out the paragraphs found on one side only gives as many anchors as
        /// the paragraph diff of every paragraph, each an identical pair, in order on
        /// both sides. Where several longest matches tie (a paragraph repeated, or two
        /// swapped), which one anchors may differ; the others are then moves.
        #[test]
        fn anchors_of_the_paragraphs_on_both_sides_are_a_longest_match(
            left in proptest::collection::vec(0u32..40, 0..60),
            right in proptest::collection::vec(0u32..40, 0..60),
        ) {
            let all = capture_diff_slices_deadline(Algorithm::Myers, &left, &right, None);
            let longest: usize = all
                .iter()
                .filter(|op| op.tag() == DiffTag::Equal)
                .map(|op| op.old_range().len())
                .sum();
            let found = anchors(Pair::new(&left, &right), None);
            prop_assert_eq!(found.len(), longest);
            for a in &found {
                prop_assert_eq!(left.get(a.left.start), right.get(a.right.start));
            }
            for w in found.windows(2) {
                prop_assert!(w[0].left.end <= w[1].left.start && w[0].right.end <= w[1].right.start);
            }
        }
    }

    /// What happens to one paragraph of a text in its other version.
    #[derive(Debug, Clone)]
    enum Fate {
        /// Kept, with this many of its words replaced.
        Kept(usize),
        Dropped,
        /// A new paragraph put after it.
        Added(Vec<u32>),
        /// Cut in two after this many words.
        Split(usize),
        /// Joined to the paragraph after it.
        Merged,
    }

    fn fate() -> impl Strategy<Value = Fate> {
        prop_oneof![
            6 => (0..6usize).prop_map(Fate::Kept),
            1 => Just(Fate::Dropped),
            1 => proptest::collection::vec(0..400u32, 3..30).prop_map(Fate::Added),
            1 => (1..20usize).prop_map(Fate::Split),
            1 => Just(Fate::Merged),
        ]
    }

    /// One text's paragraphs as word bags, and what becomes of each.
    fn versions() -> impl Strategy<Value = (Vec<Vec<u32>>, Vec<Fate>)> {
        proptest::collection::vec((proptest::collection::vec(0..400u32, 3..40), fate()), 1..30)
            .prop_map(|v| v.into_iter().unzip())
    }

    /// The other version of `left` after `fates`; replaced words are new words.
    fn edited(left: &[Vec<u32>], fates: &[Fate]) -> Vec<Vec<u32>> {
        let mut right: Vec<Vec<u32>> = Vec::new();
        let mut merge = false;
        for (p, (words, fate)) in left.iter().zip(fates).enumerate() {
            let mut words = words.clone();
            if let Fate::Kept(n) = fate {
                for (k, w) in words.iter_mut().enumerate().take(*n) {
                    *w = 1000 + (p * 50 + k) as u32;
                }
            }
            match (merge, right.last_mut()) {
                (true, Some(last)) => last.extend(words.iter().copied()),
                _ if !matches!(fate, Fate::Dropped) => right.push(words.clone()),
                _ => {}
            }
            merge = false;
            match fate {
                Fate::Added(new) => right.push(new.iter().map(|w| w + 5000).collect()),
                Fate::Split(at) if *at < words.len() => {
                    if let Some(last) = right.last_mut() {
                        let tail = last.split_off(*at);
                        right.push(tail);
                    }
                }
                Fate::Merged => merge = true,
                _ => {}
            }
        }
        right
    }

    struct Bagged(Pair<Vec<Vec<u32>>>);

    impl ParaWords for Bagged {
        fn has_words(&self, side: Side, i: usize) -> bool {
            self.0[side].get(i).is_some_and(|b| !b.is_empty())
        }

        fn bag(&self, side: Side, i: usize) -> Vec<u32> {
            self.0[side].get(i).cloned().unwrap_or_default()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// In a gap small enough for the programme to look at every pair, pairing close
        /// copies at once gives the pairs the programme alone gives, whatever was added,
        /// dropped, split or merged around them.
        #[test]
        fn close_copies_paired_at_once_are_the_programme_s_pairs((left, fates) in versions()) {
            let right = edited(&left, &fates);
            prop_assume!(left.len().max(right.len()) <= 2 * BAND);
            let words = Bagged(Pair::new(left, right));
            let free = Pair::from_fn(|side| (0..words.0[side].len()).collect::<Vec<usize>>());
            let mut all: Bags = Pair::from_fn(|side| {
                words.0[side].iter().map(|b| { let mut b = b.clone(); b.sort_unstable(); Some(b) }).collect()
            });
            let programme = pair_gap(&all, &free.left, &free.right);
            let mut lazy: Bags = Pair::from_fn(|side| vec![None; words.0[side].len()]);
            let fast = pair_free(&words, &mut lazy, &free);
            let mut fast_sorted = fast.clone();
            fast_sorted.sort_by_key(|p| (p.left.start, p.right.start));
            prop_assert_eq!(fast_sorted, programme);
            // Bags left for the move pass are those of paragraphs left unpaired.
            for pair in &fast {
                for side in Side::BOTH {
                    for i in pair[side].clone() {
                        if let Some(b) = all[side].get_mut(i) { *b = None; }
                    }
                }
            }
            for side in Side::BOTH {
                for (i, bag) in all[side].iter().enumerate() {
                    if bag.is_some() {
                        prop_assert_eq!(lazy[side].get(i), Some(bag));
                    }
                }
            }
        }
    }
}
