//! The Reuters copy and its Straits Times reprint from the seed page: every paragraph
//! pairs with its counterpart, and normalisation leaves only substantive edits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use diverge::diff::{Doc, Kind, Options, Span, compare, flat_ops};
use diverge::side::Pair;

const REUTERS: &str = include_str!("fixtures/reuters.txt");
const STRAITS_TIMES: &str = include_str!("fixtures/straits_times.txt");

fn pairing(normalize: bool) -> Vec<(Kind, Vec<usize>, Vec<usize>)> {
    let c = compare(
        &Doc::from_text(REUTERS),
        &Doc::from_text(STRAITS_TIMES),
        &Options {
            normalize,
            ..Options::default()
        },
    );
    c.blocks
        .iter()
        .map(|b| {
            (
                b.kind,
                b.paras.left.clone().collect(),
                b.paras.right.clone().collect(),
            )
        })
        .collect()
}

#[test]
fn every_reuters_paragraph_pairs_with_its_counterpart() {
    use Kind::*;
    let expected: Vec<(Kind, Vec<usize>, Vec<usize>)> = vec![
        (LeftOnly, vec![0], vec![]),   // photo caption
        (Changed, vec![1], vec![0]),   // dateline, "Tuesday" -> "June 10"
        (Changed, vec![2], vec![1]),   // Mr, spokesperson -> spokeswoman
        (LeftOnly, vec![3], vec![]),   // "Sign up here."
        (Changed, vec![4], vec![2]),   // Ms Kang
        (Changed, vec![5], vec![3]),   // "issues …"
        (Split, vec![6], vec![4, 5]),  // one Reuters paragraph, two in ST
        (Changed, vec![7], vec![6]),   // Mr Xi, Mr Lee
        (Changed, vec![8], vec![7]),   // Mr Xi
        (RightOnly, vec![], vec![8]),  // "Mr Xi urged the two countries…"
        (Changed, vec![9], vec![9]),   // comma, U.S. -> US
        (Changed, vec![10], vec![10]), // REUTERS sign-off
        (LeftOnly, vec![11], vec![]),  // credit line
        (LeftOnly, vec![12], vec![]),  // "Our Standards"
        (RightOnly, vec![], vec![11]), // Telegram footer
    ];
    assert_eq!(pairing(false), expected);
}

fn changes(normalize: bool) -> Vec<String> {
    let (l, r) = (Doc::from_text(REUTERS), Doc::from_text(STRAITS_TIMES));
    let c = compare(
        &l,
        &r,
        &Options {
            normalize,
            ..Options::default()
        },
    );
    flat_ops(&c.blocks, Pair::new(&l, &r))
        .iter()
        .filter(|s| s.is_change())
        .map(|s: &Span| s.text.trim().to_string())
        .collect()
}

#[test]
fn normalisation_hides_house_style_and_keeps_substance() {
    let strict = changes(false);
    assert!(strict.iter().any(|c| c == "Mr"));
    assert!(strict.iter().any(|c| c == "U.S."));

    let normalized = changes(true);
    for style in ["Mr", "Ms", "U.S.", "US", "Mr Lee", ""] {
        assert!(
            !normalized.iter().any(|c| c == style),
            "{style:?} in {normalized:?}"
        );
    }
    for substance in [
        "Tuesday",
        "June 10",
        ", June 10 (Reuters)",
        "spokesperson",
        "spokeswoman",
        "Sign up here.",
        "REUTERS",
    ] {
        assert!(
            normalized.iter().any(|c| c == substance),
            "{substance:?} missing from {normalized:?}"
        );
    }
    assert!(
        normalized
            .iter()
            .any(|c| c.starts_with("Mr Xi urged the two countries"))
    );
    assert!(
        normalized
            .iter()
            .any(|c| c.starts_with("Reporting by Jack Kim"))
    );
    // Pairing does not depend on normalisation; paragraphs that differ only in style
    // become the same.
    let ranges = |p: Vec<(Kind, Vec<usize>, Vec<usize>)>| -> Vec<(Vec<usize>, Vec<usize>)> {
        p.into_iter().map(|(_, l, r)| (l, r)).collect()
    };
    assert_eq!(ranges(pairing(true)), ranges(pairing(false)));
    let same: Vec<Vec<usize>> = pairing(true)
        .into_iter()
        .filter(|(k, _, _)| *k == Kind::Same)
        .map(|(_, l, _)| l)
        .collect();
    assert_eq!(same, vec![vec![4], vec![5], vec![7], vec![8]]);
}
