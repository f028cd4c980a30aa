//! How alike two sentences are, 0..1: TF-IDF weighted cosine over stems, raised by shared
//! word pairs, numbers and quoted words; and how much of one sentence another contains, to
//! tell a sentence split in two.

/// Highest share of the gap to 1 that the bonuses can close.
const MAX_BONUS: f64 = 0.5;
const BIGRAM_BONUS: f64 = 0.3;
const NUMBER_BONUS: f64 = 0.1;
const QUOTE_BONUS: f64 = 0.1;
/// Factor on the score of sentences that share only two content words.
const THIN_EVIDENCE: f64 = 0.75;

/// A sentence as the matcher sees it, borrowed from a [`Table`] or a [`Bag`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Features<'a> {
    /// Term ids, sorted, each once...
    pub terms: &'a [u32],
    /// ...and their weights, (1 + ln tf) × idf.
    pub weights: &'a [f64],
    pub norm: f64,
    /// Sum of the weights, for containment.
    pub mass: f64,
    /// Consecutive content-word pairs, as (first << 32 | second), sorted, unique.
    pub bigrams: &'a [u64],
    /// Term ids of numbers, sorted, unique.
    pub numbers: &'a [u32],
    /// Term ids said inside quotation marks, sorted, unique.
    pub quoted: &'a [u32],
}

impl Features<'_> {
    /// (term id, weight) in term order.
    pub fn bag(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.terms.iter().copied().zip(self.weights.iter().copied())
    }

    /// The weight of `term`, 0 when the sentence does not hold it.
    pub fn weight(&self, term: u32) -> f64 {
        self.terms
            .binary_search(&term)
            .ok()
            .and_then(|k| self.weights.get(k))
            .copied()
            .unwrap_or(0.0)
    }

    /// Two sentences read as one: what the parts of a split sentence tell together.
    pub fn union(&self, other: &Features) -> Bag {
        let mut bag = Bag::default();
        let (mut i, mut j) = (0, 0);
        loop {
            let (a, b) = (self.terms.get(i), other.terms.get(j));
            let (wa, wb) = (self.weights.get(i), other.weights.get(j));
            match (a.zip(wa), b.zip(wb)) {
                (Some((&a, &wa)), Some((&b, &wb))) if a == b => {
                    bag.push_term(a, wa.max(wb));
                    i += 1;
                    j += 1;
                }
                (Some((&a, &wa)), Some((&b, _))) if a < b => {
                    bag.push_term(a, wa);
                    i += 1;
                }
                (_, Some((&b, &wb))) => {
                    bag.push_term(b, wb);
                    j += 1;
                }
                (Some((&a, &wa)), None) => {
                    bag.push_term(a, wa);
                    i += 1;
                }
                (None, None) => break,
            }
        }
        bag.bigrams = sorted_unique([self.bigrams, other.bigrams].concat());
        bag.numbers = sorted_unique([self.numbers, other.numbers].concat());
        bag.quoted = sorted_unique([self.quoted, other.quoted].concat());
        bag
    }
}

/// The features of one sentence made on their own: parts of a split sentence read
/// together.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Bag {
    terms: Vec<u32>,
    weights: Vec<f64>,
    bigrams: Vec<u64>,
    numbers: Vec<u32>,
    quoted: Vec<u32>,
}

impl Bag {
    fn push_term(&mut self, term: u32, weight: f64) {
        self.terms.push(term);
        self.weights.push(weight);
    }

    pub fn features(&self) -> Features<'_> {
        Features {
            terms: &self.terms,
            weights: &self.weights,
            norm: norm(&self.weights),
            mass: self.weights.iter().sum(),
            bigrams: &self.bigrams,
            numbers: &self.numbers,
            quoted: &self.quoted,
        }
    }
}

impl From<Features<'_>> for Bag {
    fn from(f: Features) -> Bag {
        Bag {
            terms: f.terms.to_vec(),
            weights: f.weights.to_vec(),
            bigrams: f.bigrams.to_vec(),
            numbers: f.numbers.to_vec(),
            quoted: f.quoted.to_vec(),
        }
    }
}

fn norm(weights: &[f64]) -> f64 {
    weights.iter().map(|w| w * w).sum::<f64>().sqrt()
}

/// Where one sentence's features end in a [`Table`]'s arrays (each starts where the
/// previous sentence's ends), and its norm and mass.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Row {
    terms: u32,
    bigrams: u32,
    numbers: u32,
    quoted: u32,
    norm: f64,
    mass: f64,
}

/// The features of every sentence of a report, in a few flat arrays: a corpus keeps them
/// as long as the reader is open, and four small allocations per sentence, with their
/// headers, took twice the room of the features themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Table {
    rows: Vec<Row>,
    terms: Vec<u32>,
    weights: Vec<f64>,
    bigrams: Vec<u64>,
    /// Numbers, then quoted words, of each sentence.
    marks: Vec<u32>,
}

impl Table {
    /// Adds a sentence whose content words are `ids` (in order), numbers and quoted
    /// words flagged alongside, weighed by `idf`.
    pub fn push(&mut self, ids: &[u32], numbers: &[u32], quoted: &[u32], idf: &dyn Fn(u32) -> f64) {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let first = self.weights.len();
        let mut i = 0;
        while let Some(&id) = sorted.get(i) {
            let tf = sorted.iter().skip(i).take_while(|&&x| x == id).count();
            self.terms.push(id);
            self.weights.push((1.0 + (tf as f64).ln()) * idf(id));
            i += tf;
        }
        let weights = self.weights.get(first..).unwrap_or_default();
        let (norm, mass) = (norm(weights), weights.iter().sum());
        self.bigrams.extend(sorted_unique(
            ids.windows(2)
                .filter_map(|w| match w {
                    [a, b] => Some(u64::from(*a) << 32 | u64::from(*b)),
                    _ => None,
                })
                .collect(),
        ));
        self.marks.extend(sorted_unique(numbers.to_vec()));
        let numbers_end = self.marks.len();
        self.marks.extend(sorted_unique(quoted.to_vec()));
        let end = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.rows.push(Row {
            terms: end(self.terms.len()),
            bigrams: end(self.bigrams.len()),
            numbers: end(numbers_end),
            quoted: end(self.marks.len()),
            norm,
            mass,
        });
    }

    /// Gives back the room the arrays grew into.
    pub fn shrink_to_fit(&mut self) {
        self.rows.shrink_to_fit();
        self.terms.shrink_to_fit();
        self.weights.shrink_to_fit();
        self.bigrams.shrink_to_fit();
        self.marks.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The features of sentence `i`.
    pub fn get(&self, i: usize) -> Option<Features<'_>> {
        let row = self.rows.get(i)?;
        let start = match i.checked_sub(1).and_then(|p| self.rows.get(p)) {
            Some(p) => *p,
            None => Row {
                terms: 0,
                bigrams: 0,
                numbers: 0,
                quoted: 0,
                norm: 0.0,
                mass: 0.0,
            },
        };
        let range = |from: u32, to: u32| from as usize..to as usize;
        Some(Features {
            terms: self.terms.get(range(start.terms, row.terms))?,
            weights: self.weights.get(range(start.terms, row.terms))?,
            norm: row.norm,
            mass: row.mass,
            bigrams: self.bigrams.get(range(start.bigrams, row.bigrams))?,
            numbers: self.marks.get(range(start.quoted, row.numbers))?,
            quoted: self.marks.get(range(row.numbers, row.quoted))?,
        })
    }

    /// Every sentence's features, in order.
    pub fn iter(&self) -> impl Iterator<Item = Features<'_>> {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

fn sorted_unique<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Dot product of two bags and the number of terms they share.
fn dot(a: &Features, b: &Features) -> (f64, usize) {
    let (mut i, mut j) = (0, 0);
    let (mut sum, mut shared) = (0.0, 0);
    while let (Some(&x), Some(&y)) = (a.terms.get(i), b.terms.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let (wx, wy) = (a.weights.get(i), b.weights.get(j));
                sum += wx.copied().unwrap_or(0.0) * wy.copied().unwrap_or(0.0);
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (sum, shared)
}

/// Items two sorted lists share.
fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Share of the smaller list found in the other one; 0 when either is empty.
fn overlap<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let least = a.len().min(b.len());
    if least == 0 {
        0.0
    } else {
        common(a, b) as f64 / least as f64
    }
}

/// Content words two sentences must share before they can match at all, when the shorter
/// has `shorter` distinct ones: two, and three once the shorter has six or more (one shared
/// name is no evidence; two shared common words in long sentences are chance).
fn least_shared(shorter: usize) -> usize {
    if shorter >= 6 { 3 } else { 2 }
}

/// How alike two sentences are, 0..1; 0 when they share too few content words
/// ([`least_shared`]).
pub(super) fn score(a: &Features, b: &Features) -> f64 {
    if a.norm <= 0.0 || b.norm <= 0.0 {
        return 0.0;
    }
    let (d, shared) = dot(a, b);
    if shared < least_shared(a.terms.len().min(b.terms.len())) {
        return 0.0;
    }
    let cos = (d / (a.norm * b.norm)).clamp(0.0, 1.0);
    let bonus = BIGRAM_BONUS * overlap(a.bigrams, b.bigrams)
        + NUMBER_BONUS * overlap(a.numbers, b.numbers)
        + QUOTE_BONUS * overlap(a.quoted, b.quoted);
    // The bonuses back lexical evidence up; they do not stand in for it.
    let raw = cos + (1.0 - cos) * bonus.min(MAX_BONUS) * cos.sqrt();
    // Two shared words are thin evidence, however short the sentences.
    let thin = if shared < 3 { THIN_EVIDENCE } else { 1.0 };
    (raw * thin).clamp(0.0, 1.0)
}

/// Share of `part`'s weight that `whole` also holds, 0..1.
pub(super) fn containment(part: &Features, whole: &Features) -> f64 {
    if part.mass <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut held) = (0, 0, 0.0);
    while let (Some(&x), Some(&y)) = (part.terms.get(i), whole.terms.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                held += part.weights.get(i).copied().unwrap_or(0.0);
                i += 1;
                j += 1;
            }
        }
    }
    (held / part.mass).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of sentences given as (content words, numbers, quoted words).
    fn table(sentences: &[(&[u32], &[u32], &[u32])], idf: &dyn Fn(u32) -> f64) -> Table {
        let mut t = Table::default();
        for (ids, numbers, quoted) in sentences {
            t.push(ids, numbers, quoted, idf);
        }
        t
    }

    /// Sentences of content words alone, all weighed alike.
    fn plain(sentences: &[&[u32]]) -> Table {
        let with_none: Vec<(&[u32], &[u32], &[u32])> = sentences
            .iter()
            .map(|&ids| (ids, &[][..], &[][..]))
            .collect();
        table(&with_none, &|_| 1.0)
    }

    fn at(t: &Table, i: usize) -> Features<'_> {
        t.get(i).unwrap_or_else(|| panic!("no sentence {i}"))
    }

    /// Score of sentences 0 and 1 of `t`.
    fn first_two(t: &Table) -> f64 {
        score(&at(t, 0), &at(t, 1))
    }

    #[test]
    fn identical_sentences_score_one_and_disjoint_ones_zero() {
        let t = plain(&[&[1, 2, 3, 4], &[5, 6, 7]]);
        assert!((score(&at(&t, 0), &at(&t, 0)) - 1.0).abs() < 1e-9);
        assert_eq!(first_two(&t), 0.0);
    }

    #[test]
    fn one_shared_word_is_not_enough() {
        assert_eq!(first_two(&plain(&[&[1, 2], &[1, 3]])), 0.0);
    }

    #[test]
    fn shared_word_order_raises_the_score() {
        let same_order = first_two(&plain(&[&[1, 2, 3, 4, 5, 6], &[1, 2, 3, 7, 8, 9]]));
        let other_order = first_two(&plain(&[&[1, 2, 3, 4, 5, 6], &[3, 1, 2, 7, 8, 9]]));
        assert!(same_order > other_order, "{same_order} vs {other_order}");
        assert!(same_order <= 1.0);
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let idf = |id: u32| if id < 10 { 0.2 } else { 3.0 };
        let none: &[u32] = &[];
        let t = table(
            &[
                (&[1, 2, 3, 10, 11, 12], none, none),
                (&[1, 2, 3, 20, 21, 22], none, none),
                (&[10, 11, 12, 4, 5, 6], none, none),
            ],
            &idf,
        );
        assert!(score(&at(&t, 0), &at(&t, 2)) > 0.9);
        assert!(score(&at(&t, 0), &at(&t, 1)) < 0.1);
    }

    #[test]
    fn shared_numbers_and_quotes_add_a_bonus() {
        let plain = first_two(&plain(&[&[1, 2, 3, 4], &[1, 2, 5, 6]]));
        let marked = table(
            &[(&[1, 2, 3, 4], &[1], &[2]), (&[1, 2, 5, 6], &[1], &[2])],
            &|_| 1.0,
        );
        assert!(first_two(&marked) > plain);
    }

    #[test]
    fn a_table_gives_back_each_sentence_s_own_features() {
        let t = table(
            &[
                (&[3, 1, 3], &[3], &[]),
                (&[], &[], &[]),
                (&[7, 5], &[], &[5]),
            ],
            &|id| f64::from(id),
        );
        let first = at(&t, 0);
        assert_eq!(
            (first.terms, first.numbers, first.quoted),
            (&[1, 3][..], &[3][..], &[][..])
        );
        assert_eq!(first.bigrams, &[1 << 32 | 3, 3 << 32 | 1][..]);
        assert!((first.weight(3) - (1.0 + 2f64.ln()) * 3.0).abs() < 1e-12);
        assert_eq!(at(&t, 1).terms, &[] as &[u32]);
        let last = at(&t, 2);
        assert_eq!(
            (last.terms, last.numbers, last.quoted),
            (&[5, 7][..], &[][..], &[5][..])
        );
        assert!((last.mass - 12.0).abs() < 1e-12);
        assert_eq!(t.get(3), None);
    }

    #[test]
    fn halves_of_a_sentence_are_contained_and_their_union_scores_higher() {
        let t = plain(&[&[1, 2, 3, 4, 5, 6, 7, 8], &[1, 2, 3, 4], &[5, 6, 7, 8]]);
        let (whole, first, second) = (at(&t, 0), at(&t, 1), at(&t, 2));
        assert!((containment(&first, &whole) - 1.0).abs() < 1e-9);
        assert!(containment(&whole, &first) < 0.6);
        let union = first.union(&second);
        assert!((score(&union.features(), &whole) - 1.0).abs() < 1e-9);
        assert!(score(&first, &whole) < 0.85);
    }
}
