//! Sentence correspondence on the bundled story: Reuters and The Korea Herald wrote the
//! call up independently, yet tell the same two Kang quotes.
//!
//! `cargo test --test sentences_story -- --nocapture` prints every match of the two pairs
//! the report on issue 9 was checked by eye against.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use diverge::diff::sentences::{Corpus, Match};
use diverge::story::{Story, bundled};

fn outlet(story: &Story, name: &str) -> usize {
    story
        .reports
        .iter()
        .position(|r| r.outlet == name)
        .unwrap_or_else(|| panic!("no report from {name}"))
}

fn corpus(story: &Story) -> Corpus {
    let bodies: Vec<&[String]> = story.reports.iter().map(|r| r.body.as_slice()).collect();
    Corpus::new(&bodies)
}

fn texts<'a>(story: &'a Story, l: usize, r: usize, m: &Match) -> (&'a str, &'a str) {
    (
        m.left.text(&story.reports[l].body),
        m.right.text(&story.reports[r].body),
    )
}

fn print_matches(story: &Story, corpus: &Corpus, l: usize, r: usize) -> Vec<Match> {
    let matches = corpus.match_pair(l, r);
    println!(
        "== {} vs {}: {} matches",
        story.reports[l].outlet,
        story.reports[r].outlet,
        matches.len()
    );
    for m in &matches {
        let (a, b) = texts(story, l, r, m);
        println!(
            "{:.3}  L[{}] {a}\n       R[{}] {b}\n",
            m.score, m.left.paragraph, m.right.paragraph
        );
    }
    matches
}

#[test]
fn reuters_and_the_korea_herald_share_the_two_kang_quotes() {
    let story = bundled().expect("bundled story loads");
    let corpus = corpus(&story);
    let (l, r) = (
        outlet(&story, "Reuters"),
        outlet(&story, "The Korea Herald"),
    );
    let matches = print_matches(&story, &corpus, l, r);
    let pairs: Vec<(&str, &str)> = matches.iter().map(|m| texts(&story, l, r, m)).collect();
    let has = |left: &str, right: &str| {
        pairs
            .iter()
            .any(|(a, b)| a.contains(left) && b.contains(right))
    };
    assert!(
        has(
            "President Lee requested China to play a constructive role",
            "Lee asked China to play a constructive role"
        ),
        "{pairs:#?}"
    );
    assert!(
        has(
            "President Xi in response said the Chinese side would make efforts",
            "In response, President Xi stated"
        ),
        "{pairs:#?}"
    );
}

#[test]
fn the_tourism_desk_and_the_korea_herald_share_little() {
    let story = bundled().expect("bundled story loads");
    let corpus = corpus(&story);
    let (l, r) = (
        outlet(&story, "Korean daily, tourism desk"),
        outlet(&story, "The Korea Herald"),
    );
    let matches = print_matches(&story, &corpus, l, r);
    // The tourism piece is about travel numbers; the Herald's about the call. The one fact
    // they share is China's visa-free policy; nothing else may match.
    assert!(matches.len() <= 2, "{matches:#?}");
}

#[test]
fn reuters_and_the_straits_times_reprint_match_sentence_for_sentence() {
    let story = bundled().expect("bundled story loads");
    let corpus = corpus(&story);
    let (l, r) = (
        outlet(&story, "Reuters"),
        outlet(&story, "The Straits Times"),
    );
    let matches = print_matches(&story, &corpus, l, r);
    // The Straits Times reprints Reuters: all of Reuters' news sentences are matched.
    assert!(matches.len() >= 10, "{}", matches.len());
    assert!(matches.iter().all(|m| m.score > 0.5), "{matches:#?}");
}
