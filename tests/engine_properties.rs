//! Invariants of the engine on arbitrary input: both texts rebuild exactly from the
//! diff, in every mode, and shuffled paragraphs are only ever same or moved.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use diverge::diff::{Doc, Kind, Options, compare, flat_ops, rebuild};
use diverge::side::{Pair, Side};
use proptest::prelude::*;

/// Text built from pieces that stress tokenising: words, Hangul, Han, emoji, quotes,
/// dashes, escape sequences and paragraph breaks.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Lee".to_string()),
        Just("Mr ".to_string()),
        Just("U.S.".to_string()),
        Just("denuclearisation".to_string()),
        Just("the ".to_string()),
        Just(" ".to_string()),
        Just(", ".to_string()),
        Just("\u{2019}s".to_string()),
        Just("\u{2014}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("이재명 ".to_string()),
        Just("习近平".to_string()),
        Just("👍🏽".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("1,000".to_string()),
        "[a-zA-Z]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn assert_rebuilds(left: &str, right: &str, normalize: bool) {
    let (l, r) = (Doc::from_text(left), Doc::from_text(right));
    let options = Options {
        normalize,
        ..Options::default()
    };
    let c = compare(&l, &r, &options);
    let ops = flat_ops(&c.blocks, Pair::new(&l, &r));
    assert_eq!(rebuild(&ops, Side::Left), left);
    assert_eq!(rebuild(&ops, Side::Right), right);
    assert!((0.0..=1.0).contains(&c.stats.similarity));
}

/// Applies word-level edits (replace, drop, insert) chosen by `edits` to `text`.
fn edit(text: &str, edits: &[(usize, u8)]) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    for &(at, what) in edits {
        if words.is_empty() {
            break;
        }
        let i = at % words.len();
        match what % 3 {
            0 => words[i] = "edited".to_string(),
            1 => {
                words.remove(i);
            }
            _ => words.insert(i, "added".to_string()),
        }
    }
    words.join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_texts_rebuild(left in newsy_text(), right in newsy_text(), normalize in any::<bool>()) {
        assert_rebuilds(&left, &right, normalize);
    }

    #[test]
    fn random_edits_rebuild(text in newsy_text(), edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..12), normalize in any::<bool>()) {
        let edited = edit(&text, &edits);
        assert_rebuilds(&text, &edited, normalize);
    }

    #[test]
    fn shuffled_paragraphs_are_only_same_or_moved(
        paras in prop::collection::vec("[a-z]{1,6}( [a-z]{1,6}){2,8}", 1..12),
        seed in any::<u64>(),
    ) {
        let mut shuffled = paras.clone();
        // Fisher-Yates with a small LCG, so the shuffle follows the seed.
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let c = compare(&Doc::from_paragraphs(&paras), &Doc::from_paragraphs(&shuffled), &Options::default());
        for block in &c.blocks {
            prop_assert!(
                matches!(block.kind, Kind::Same | Kind::MovedOut | Kind::MovedIn),
                "{:?}", block.kind
            );
            prop_assert!(!block.has_changes());
        }
        prop_assert_eq!(c.stats.words_added + c.stats.words_removed, 0);
    }
}
