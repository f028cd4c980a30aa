//! Matching on small hand-made reports: reordered facts, unrelated sentences, a split
//! sentence, and inputs that must not panic.

use super::*;

fn texts(paragraphs: &[&str], m: &[Match], right: &[&str]) -> Vec<(String, String)> {
    m.iter()
        .map(|m| {
            (
                m.left.text(paragraphs).to_string(),
                m.right.text(right).to_string(),
            )
        })
        .collect()
}

const LEFT: &[&str] = &[
    "South Korean President Lee Jae-myung and Chinese President Xi Jinping spoke by phone on Tuesday. \
     Lee asked China to play a constructive role in the denuclearisation of the Korean peninsula.",
    "The call lasted thirty minutes, the presidential office said. Weather in Seoul was warm.",
];

const RIGHT: &[&str] = &[
    "The conversation went on for thirty minutes, according to the presidential office.",
    "Farmers in the south expect a good rice harvest this autumn.",
    "Lee requested that China play a constructive role for denuclearization of the Korean Peninsula, his spokesperson said. \
     Lee and Xi held their first phone talks on Tuesday.",
];

#[test]
fn facts_told_in_another_order_are_matched_and_unrelated_ones_are_not() {
    let m = match_texts(LEFT, RIGHT);
    let pairs = texts(LEFT, &m, RIGHT);
    assert!(
        pairs
            .iter()
            .any(|(l, r)| l.starts_with("Lee asked") && r.starts_with("Lee requested")),
        "{pairs:#?}"
    );
    assert!(
        pairs
            .iter()
            .any(|(l, r)| l.starts_with("The call lasted") && r.starts_with("The conversation")),
        "{pairs:#?}"
    );
    assert!(
        !pairs
            .iter()
            .any(|(l, r)| l.starts_with("Weather") || r.starts_with("Farmers")),
        "{pairs:#?}"
    );
    assert!(m.iter().all(|m| (0.0..=1.0).contains(&m.score)));
    // Sorted in the left report's order.
    assert!(m.windows(2).all(|w| w[0].left <= w[1].left));
}

#[test]
fn a_sentence_split_in_two_matches_both_halves() {
    let whole = [
        "The finance ministry said exports of semiconductors rose sharply in May, \
                  while shipments of automobiles to Europe fell for a third straight month.",
    ];
    let halves = [
        "Exports of semiconductors rose sharply in May, the finance ministry said. \
                   Shipments of automobiles to Europe fell for a third straight month.",
    ];
    let m = match_texts(&whole, &halves);
    assert_eq!(m.len(), 2, "{m:#?}");
    assert!(m.iter().all(|m| m.left.start == 0));
    let m = match_texts(&halves, &whole);
    assert_eq!(m.len(), 2, "{m:#?}");
}

#[test]
fn a_sentence_told_as_three_matches_all_three() {
    let whole = [
        "The finance ministry said exports of semiconductors rose sharply in May; shipments \
         of automobiles to Europe fell for a third straight month: and the central bank \
         raised its benchmark interest rate by a quarter point.",
    ];
    let parts = [
        "Exports of semiconductors rose sharply in May, the finance ministry said. \
         Shipments of automobiles to Europe fell for a third straight month. \
         The central bank raised its benchmark interest rate by a quarter point.",
    ];
    for (left, right) in [(&whole, &parts), (&parts, &whole)] {
        let m = match_texts(left, right);
        assert_eq!(m.len(), 3, "{m:#?}");
        let ends: Vec<usize> = m.iter().map(|m| m.left.end.max(m.right.end)).collect();
        assert_eq!(ends.iter().max(), Some(&whole[0].len()), "{m:#?}");
    }
}

#[test]
fn a_sentence_and_an_unrelated_neighbour_are_not_one() {
    let whole = ["Exports of semiconductors rose sharply in May, the finance ministry said."];
    let parts = [
        "Exports of semiconductors rose sharply in May. The ministry said so. \
         A festival of lanterns drew crowds to the river on Sunday evening.",
    ];
    let m = match_texts(&whole, &parts);
    let festival = parts[0].find("A festival").unwrap_or(0);
    assert!(m.iter().all(|m| m.right.start < festival), "{m:#?}");
    assert!(!m.is_empty());
}

#[test]
fn sentences_know_their_place_and_content_words() {
    let corpus = Corpus::new(&[LEFT, RIGHT]);
    assert_eq!(corpus.reports(), 2);
    let s = corpus.sentences(0);
    assert_eq!(s.len(), 4);
    assert_eq!(s[1].at.paragraph, 0);
    assert!(s[1].at.text(LEFT).starts_with("Lee asked"));
    assert!(s[1].words >= 8);
    assert!(corpus.sentences(7).is_empty());
    assert!(corpus.match_pair(0, 7).is_empty());
}

#[test]
fn odd_inputs_do_not_panic() {
    let empty: &[&str] = &[];
    assert!(match_texts(empty, empty).is_empty());
    let odd = [
        "\u{201C}",
        "...",
        "。。。",
        "\u{1b}[31m",
        "a. b. c.",
        "  ",
        "\u{201D}\u{201C}.",
    ];
    let m = match_texts(&odd, &odd);
    assert!(m.iter().all(|m| m.score.is_finite()));
}

#[test]
fn identical_texts_match_every_sentence_with_content() {
    let m = match_texts(LEFT, LEFT);
    let corpus = Corpus::new(&[LEFT, LEFT]);
    let with_words = corpus.sentences(0).iter().filter(|s| s.words >= 2).count();
    assert_eq!(m.len(), with_words);
    assert!(m.iter().all(|m| m.left == m.right));
}

#[test]
fn long_degenerate_input_stays_fast() {
    let dots = "a.".repeat(50_000);
    let quotes = "\u{201C}Yes. No,\u{201D} he said. ".repeat(5_000);
    let start = std::time::Instant::now();
    assert!(!split_sentences(&dots).is_empty());
    assert!(split_sentences(&quotes).len() >= 5_000);
    let m = match_texts(&[quotes.as_str()], &[dots.as_str()]);
    assert!(m.is_empty());
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
