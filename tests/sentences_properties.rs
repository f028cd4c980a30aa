//! Invariants of sentence matching on generated text: a text matched against a copy whose
//! sentences were shuffled across paragraphs finds every sentence's original, and matches
//! always point inside their paragraphs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use diverge::diff::sentences::{Corpus, split_sentences};
use proptest::prelude::*;

/// A sentence of 4..10 distinct made-up words, capitalised and closed with a full stop.
fn sentence() -> impl Strategy<Value = String> {
    // Abbreviations the splitter knows would not end a sentence: left out.
    let word = "[a-z]{4,9}".prop_filter("not an abbreviation", |w| {
        !["prof", "capt", "cmdr", "dept", "sept", "messrs", "approx"].contains(&w.as_str())
    });
    prop::collection::btree_set(word, 4..10).prop_shuffle_words()
}

trait ShuffleWords {
    fn prop_shuffle_words(self) -> BoxedStrategy<String>;
}

impl<S: Strategy<Value = std::collections::BTreeSet<String>> + 'static> ShuffleWords for S {
    fn prop_shuffle_words(self) -> BoxedStrategy<String> {
        self.prop_map(|set| set.into_iter().collect::<Vec<_>>())
            .prop_shuffle()
            .prop_map(|words| {
                let mut s = words.join(" ");
                if let Some(first) = s.get(..1).map(str::to_uppercase) {
                    s.replace_range(..1, &first);
                }
                s.push('.');
                s
            })
            .boxed()
    }
}

/// Sentences into paragraphs of `sizes` (cycled), joined by spaces.
fn paragraphs(sentences: &[&str], sizes: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut k = 0;
    while i < sentences.len() {
        let n = sizes
            .get(k % sizes.len().max(1))
            .copied()
            .unwrap_or(1)
            .max(1);
        let end = (i + n).min(sentences.len());
        out.push(sentences[i..end].join(" "));
        i = end;
        k += 1;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn shuffled_sentences_find_their_originals(
        sentences in prop::collection::vec(sentence(), 1..30),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
        left_sizes in prop::collection::vec(1usize..4, 1..5),
        right_sizes in prop::collection::vec(1usize..4, 1..5),
    ) {
        let mut unique: Vec<&str> = Vec::new();
        for s in &sentences {
            if !unique.contains(&s.as_str()) {
                unique.push(s);
            }
        }
        let mut shuffled = unique.clone();
        let mut state = order | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let left = paragraphs(&unique, &left_sizes);
        let right = paragraphs(&shuffled, &right_sizes);
        let corpus = Corpus::new(&[left.as_slice(), right.as_slice()]);
        let matches = corpus.match_pair(0, 1);
        for s in corpus.sentences(0) {
            let text = s.at.text(&left);
            if s.words < 2 {
                continue;
            }
            let found: Vec<&str> = matches
                .iter()
                .filter(|m| m.left == s.at)
                .map(|m| m.right.text(&right))
                .collect();
            prop_assert_eq!(found, vec![text]);
        }
        for m in &matches {
            prop_assert!(!m.left.text(&left).is_empty());
            prop_assert!(!m.right.text(&right).is_empty());
            prop_assert!((0.0..=1.0).contains(&m.score));
        }
    }

    #[test]
    fn sentences_are_trimmed_ordered_and_inside_the_paragraph(text in "\\PC{0,200}") {
        let ranges = split_sentences(&text);
        let mut last = 0;
        for r in ranges {
            prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
            let piece = text.get(r.clone());
            prop_assert!(piece.is_some());
            let piece = piece.unwrap_or_default();
            prop_assert_eq!(piece.trim(), piece);
            last = r.end;
        }
    }
}
