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

/// A sentence as the matcher sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Features {
    /// (term id, weight) sorted by term id; weight = (1 + ln tf) × idf.
    pub bag: Vec<(u32, f64)>,
    pub norm: f64,
    /// Sum of the weights, for containment.
    pub mass: f64,
    /// Consecutive content-word pairs, as (first << 32 | second), sorted, unique.
    pub bigrams: Vec<u64>,
    /// Term ids of numbers, sorted, unique.
    pub numbers: Vec<u32>,
    /// Term ids said inside quotation marks, sorted, unique.
    pub quoted: Vec<u32>,
}

impl Features {
    /// Features of a sentence whose content words are `ids` (in order), numbers and quoted
    /// words flagged alongside, weighed by `idf`.
    pub fn new(ids: &[u32], numbers: &[u32], quoted: &[u32], idf: &dyn Fn(u32) -> f64) -> Self {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let mut bag: Vec<(u32, f64)> = Vec::new();
        let mut i = 0;
        while let Some(&id) = sorted.get(i) {
            let tf = sorted.iter().skip(i).take_while(|&&x| x == id).count();
            bag.push((id, (1.0 + (tf as f64).ln()) * idf(id)));
            i += tf;
        }
        let bigrams = sorted_unique(
            ids.windows(2)
                .filter_map(|w| match w {
                    [a, b] => Some(u64::from(*a) << 32 | u64::from(*b)),
                    _ => None,
                })
                .collect(),
        );
        Self::from_parts(
            bag,
            bigrams,
            sorted_unique(numbers.to_vec()),
            sorted_unique(quoted.to_vec()),
        )
    }

    fn from_parts(
        mut bag: Vec<(u32, f64)>,
        mut bigrams: Vec<u64>,
        mut numbers: Vec<u32>,
        mut quoted: Vec<u32>,
    ) -> Self {
        // A corpus keeps the features of every sentence of every report as long as the
        // reader is open: the room growing and de-duplicating left is given back.
        bag.shrink_to_fit();
        bigrams.shrink_to_fit();
        numbers.shrink_to_fit();
        quoted.shrink_to_fit();
        let norm = bag.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let mass = bag.iter().map(|(_, w)| w).sum();
        Features {
            bag,
            norm,
            mass,
            bigrams,
            numbers,
            quoted,
        }
    }

    /// Two sentences read as one: what the parts of a split sentence tell together.
    pub fn union(&self, other: &Features) -> Features {
        let mut bag = Vec::with_capacity(self.bag.len() + other.bag.len());
        let (mut i, mut j) = (0, 0);
        loop {
            match (self.bag.get(i), other.bag.get(j)) {
                (Some(&(a, wa)), Some(&(b, wb))) if a == b => {
                    bag.push((a, wa.max(wb)));
                    i += 1;
                    j += 1;
                }
                (Some(&(a, wa)), Some(&(b, _))) if a < b => {
                    bag.push((a, wa));
                    i += 1;
                }
                (_, Some(&(b, wb))) => {
                    bag.push((b, wb));
                    j += 1;
                }
                (Some(&(a, wa)), None) => {
                    bag.push((a, wa));
                    i += 1;
                }
                (None, None) => break,
            }
        }
        let join = |a: &[u64], b: &[u64]| sorted_unique([a, b].concat());
        let join32 = |a: &[u32], b: &[u32]| sorted_unique([a, b].concat());
        Self::from_parts(
            bag,
            join(&self.bigrams, &other.bigrams),
            join32(&self.numbers, &other.numbers),
            join32(&self.quoted, &other.quoted),
        )
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
    while let (Some(&(x, wx)), Some(&(y, wy))) = (a.bag.get(i), b.bag.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wx * wy;
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
    if shared < least_shared(a.bag.len().min(b.bag.len())) {
        return 0.0;
    }
    let cos = (d / (a.norm * b.norm)).clamp(0.0, 1.0);
    let bonus = BIGRAM_BONUS * overlap(&a.bigrams, &b.bigrams)
        + NUMBER_BONUS * overlap(&a.numbers, &b.numbers)
        + QUOTE_BONUS * overlap(&a.quoted, &b.quoted);
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
    while let (Some(&(x, wx)), Some(&(y, _))) = (part.bag.get(i), whole.bag.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                held += wx;
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

    fn f(ids: &[u32]) -> Features {
        Features::new(ids, &[], &[], &|_| 1.0)
    }

    #[test]
    fn identical_sentences_score_one_and_disjoint_ones_zero() {
        let a = f(&[1, 2, 3, 4]);
        assert!((score(&a, &a) - 1.0).abs() < 1e-9);
        assert_eq!(score(&a, &f(&[5, 6, 7])), 0.0);
    }

    #[test]
    fn one_shared_word_is_not_enough() {
        assert_eq!(score(&f(&[1, 2]), &f(&[1, 3])), 0.0);
    }

    #[test]
    fn shared_word_order_raises_the_score() {
        let same_order = score(&f(&[1, 2, 3, 4, 5, 6]), &f(&[1, 2, 3, 7, 8, 9]));
        let other_order = score(&f(&[1, 2, 3, 4, 5, 6]), &f(&[3, 1, 2, 7, 8, 9]));
        assert!(same_order > other_order, "{same_order} vs {other_order}");
        assert!(same_order <= 1.0);
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let idf = |id: u32| if id < 10 { 0.2 } else { 3.0 };
        let a = Features::new(&[1, 2, 3, 10, 11, 12], &[], &[], &idf);
        let common_pair = Features::new(&[1, 2, 3, 20, 21, 22], &[], &[], &idf);
        let rare_pair = Features::new(&[10, 11, 12, 4, 5, 6], &[], &[], &idf);
        assert!(score(&a, &rare_pair) > 0.9);
        assert!(score(&a, &common_pair) < 0.1);
    }

    #[test]
    fn shared_numbers_and_quotes_add_a_bonus() {
        let plain = score(&f(&[1, 2, 3, 4]), &f(&[1, 2, 5, 6]));
        let a = Features::new(&[1, 2, 3, 4], &[1], &[2], &|_| 1.0);
        let b = Features::new(&[1, 2, 5, 6], &[1], &[2], &|_| 1.0);
        assert!(score(&a, &b) > plain);
    }

    #[test]
    fn halves_of_a_sentence_are_contained_and_their_union_scores_higher() {
        let whole = f(&[1, 2, 3, 4, 5, 6, 7, 8]);
        let first = f(&[1, 2, 3, 4]);
        let second = f(&[5, 6, 7, 8]);
        assert!((containment(&first, &whole) - 1.0).abs() < 1e-9);
        assert!(containment(&whole, &first) < 0.6);
        let union = first.union(&second);
        assert!((score(&union, &whole) - 1.0).abs() < 1e-9);
        assert!(score(&first, &whole) < 0.85);
    }
}
