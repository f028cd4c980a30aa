//! Sentence correspondence against a known answer: three English renderings of the same
//! verses (KJV; World English Bible, close wording; Bible in Basic English, a free
//! rendering), verses grouped into paragraphs, the paragraphs shuffled on one side. A match
//! is right when its two sentences share a verse. Fixtures and licences:
//! tests/fixtures/sentences/README.md.
//!
//! The thresholds were tuned on the tuning range only (Genesis 1–3, Proverbs 10–11); the
//! asserted figures are on the reported range (Proverbs 13–15, Acts 1–2).
//! `cargo test --test sentences_bible -- --nocapture` prints the figures, and with
//! SENTENCES_MISSED=1 set, the verses no right match covers.
//!
//! Targets of issue 9: precision ≥ 0.95; recall ≥ 0.95 for close wording and ≥ 0.7 for the
//! free rendering. Measured on the reported range with the linking threshold at 0.25 and
//! neighbours at 0.17: KJV–WEB precision 1.000, recall 0.952; KJV–BBE precision 0.981,
//! recall 0.729 (tuning range 0.979 and 0.734). Three changes were made after looking at
//! misses, which were printed for both ranges: runs of up to four sentences standing for
//! one (a KJV sentence run over several verses with `;` and `:`), reading "-eth" as "-s",
//! and passing that modern ending through the house-style fold ("despiseth" had stemmed
//! apart from "despises", which the -ise/-ize fold spells "despizes"); their thresholds,
//! and the neighbour threshold, were chosen on the tuning range. A linking threshold of
//! 0.2, which the tuning range preferred, was rejected on the unrelated texts below (6.5
//! false matches per 100 sentences, over the 2 allowed).
//!
//! Because the reported range has been read for misses, a holdout range (Luke 5–6,
//! Romans 12) was added afterwards and its figures printed once, unseen: KJV–WEB precision
//! 1.000, recall 0.945 (one verse of 109 under the target); KJV–BBE precision 0.987,
//! recall 0.752. Its misses are not printed or read, so it stays a fair check. The misses
//! left on both are modern rewordings sharing too few content words ("numbered" /
//! "counted", "tongue" / "language").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use std::collections::BTreeSet;
use std::ops::Range;

use diverge::diff::sentences::{Corpus, Match, Sentence, SentenceRef};
use diverge::story::bundled;

const KJV: &str = include_str!("fixtures/sentences/kjv.tsv");
const WEB: &str = include_str!("fixtures/sentences/web.tsv");
const BBE: &str = include_str!("fixtures/sentences/bbe.tsv");

const TUNING: &[(&str, Range<u32>)] = &[("Genesis", 1..4), ("Proverbs", 10..12)];
const REPORTED: &[(&str, Range<u32>)] = &[("Proverbs", 13..16), ("Acts", 1..3)];
/// Added once the reported range had been read for misses: never looked at before its
/// figures were first printed, and never since.
const HOLDOUT: &[(&str, Range<u32>)] = &[("Luke", 5..7), ("Romans", 12..13)];

/// Verses per paragraph.
const GROUP: usize = 4;

/// (reference, text) of the verses of `file` in `ranges`.
fn verses<'a>(file: &'a str, ranges: &[(&str, Range<u32>)]) -> Vec<(&'a str, &'a str)> {
    file.lines()
        .filter_map(|line| line.split_once('\t'))
        .filter(|(reference, _)| {
            ranges.iter().any(|(book, chapters)| {
                reference
                    .strip_prefix(book)
                    .and_then(|rest| rest.trim().split(':').next())
                    .and_then(|c| c.parse::<u32>().ok())
                    .is_some_and(|c| chapters.contains(&c))
            })
        })
        .collect()
}

/// A version as paragraphs of `GROUP` verses, with each verse's number and byte range in
/// its paragraph; `order` gives the paragraphs' order.
struct Version {
    paragraphs: Vec<String>,
    verses: Vec<Vec<(usize, Range<usize>)>>,
}

fn version(verses: &[(&str, &str)], shuffle: bool) -> Version {
    let groups: Vec<Vec<(usize, &str)>> = verses
        .iter()
        .enumerate()
        .map(|(i, (_, text))| (i, *text))
        .collect::<Vec<_>>()
        .chunks(GROUP)
        .map(<[_]>::to_vec)
        .collect();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    if shuffle {
        // A fixed scramble: every paragraph moves.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
    }
    let mut out = Version {
        paragraphs: Vec::new(),
        verses: Vec::new(),
    };
    for g in order {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for &(v, verse) in &groups[g] {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(verse);
            ranges.push((v, start..text.len()));
        }
        out.paragraphs.push(text);
        out.verses.push(ranges);
    }
    out
}

/// Verses a sentence overlaps.
fn verses_of(version: &Version, s: &Sentence) -> BTreeSet<usize> {
    version.verses[s.at.paragraph]
        .iter()
        .filter(|(_, r)| r.start < s.at.end && s.at.start < r.end)
        .map(|(v, _)| *v)
        .collect()
}

/// The sentences of `own` that hold verse `v`, each with what it was matched to in
/// `other`; `ends` gives a match's (own, other) sentences.
fn print_holders(
    name: &str,
    v: usize,
    (own, sentences): (&Version, &[Sentence]),
    (other, matches): (&Version, &[Match]),
    ends: impl Fn(&Match) -> (SentenceRef, SentenceRef),
) {
    for s in sentences.iter().filter(|s| verses_of(own, s).contains(&v)) {
        println!("    {name} sentence: {}", s.at.text(&own.paragraphs));
        for m in matches.iter().filter(|m| ends(m).0 == s.at) {
            let text = ends(m).1.text(&other.paragraphs);
            println!("      matched {:.3}: {text}", m.score);
        }
    }
}

struct Figures {
    matches: usize,
    right: usize,
    verses_found: usize,
    verses: usize,
    sentences: (usize, usize),
}

impl Figures {
    fn precision(&self) -> f64 {
        if self.matches == 0 {
            1.0
        } else {
            self.right as f64 / self.matches as f64
        }
    }

    fn recall(&self) -> f64 {
        self.verses_found as f64 / self.verses.max(1) as f64
    }
}

fn evaluate(name: &str, left: &str, right: &str, ranges: &[(&str, Range<u32>)]) -> Figures {
    let (lv, rv) = (verses(left, ranges), verses(right, ranges));
    assert_eq!(lv.len(), rv.len());
    let (l, r) = (version(&lv, false), version(&rv, true));
    let corpus = Corpus::new(&[l.paragraphs.as_slice(), r.paragraphs.as_slice()]);
    let (ls, rs) = (corpus.sentences(0), corpus.sentences(1));
    let matches = corpus.match_pair(0, 1);
    let mut found = BTreeSet::new();
    let mut right = 0;
    for m in &matches {
        let a = ls.iter().find(|s| s.at == m.left).expect("left sentence");
        let b = rs.iter().find(|s| s.at == m.right).expect("right sentence");
        let shared: BTreeSet<usize> = verses_of(&l, a)
            .intersection(&verses_of(&r, b))
            .copied()
            .collect();
        if shared.is_empty() {
            println!(
                "  wrong {:.3}: {} | {}",
                m.score,
                m.left.text(&l.paragraphs),
                m.right.text(&r.paragraphs)
            );
        } else {
            right += 1;
        }
        found.extend(shared);
    }
    // The holdout stays unread: its misses are never printed.
    if std::env::var("SENTENCES_MISSED").is_ok() && !name.starts_with("holdout") {
        for (v, (reference, text)) in lv.iter().enumerate() {
            if !found.contains(&v) {
                println!("  missed {reference}: {text} || {}", rv[v].1);
                print_holders("left", v, (&l, ls), (&r, &matches), |m: &Match| {
                    (m.left, m.right)
                });
                print_holders("right", v, (&r, rs), (&l, &matches), |m: &Match| {
                    (m.right, m.left)
                });
            }
        }
    }
    let f = Figures {
        matches: matches.len(),
        right,
        verses_found: found.len(),
        verses: lv.len(),
        sentences: (ls.len(), rs.len()),
    };
    println!(
        "{name}: {} verses, {}+{} sentences, {} matches, precision {:.3}, recall (verses) {:.3}",
        f.verses,
        f.sentences.0,
        f.sentences.1,
        f.matches,
        f.precision(),
        f.recall()
    );
    f
}

#[test]
fn tuning_range_figures() {
    // Printed for tuning; the assertions are on the reported range below.
    evaluate("tuning KJV-WEB", KJV, WEB, TUNING);
    evaluate("tuning KJV-BBE", KJV, BBE, TUNING);
}

#[test]
fn close_wording_kjv_web() {
    let f = evaluate("reported KJV-WEB", KJV, WEB, REPORTED);
    assert!(f.precision() >= 0.95, "precision {}", f.precision());
    assert!(f.recall() >= 0.95, "recall {}", f.recall());
}

#[test]
fn free_paraphrase_kjv_bbe() {
    let f = evaluate("reported KJV-BBE", KJV, BBE, REPORTED);
    assert!(f.precision() >= 0.95, "precision {}", f.precision());
    assert!(f.recall() >= 0.7, "recall {}", f.recall());
}

#[test]
fn holdout_range_figures() {
    // Floors that guard against regressions (figures in the module comment).
    for (name, other, recall) in [
        ("holdout KJV-WEB", WEB, 0.93),
        ("holdout KJV-BBE", BBE, 0.7),
    ] {
        let f = evaluate(name, KJV, other, HOLDOUT);
        assert!(f.precision() >= 0.95, "{name} precision {}", f.precision());
        assert!(f.recall() >= recall, "{name} recall {}", f.recall());
    }
}

/// Matches per 100 sentences of the smaller side between texts that tell nothing alike.
fn false_rate(name: &str, left: &[String], right: &[String]) -> f64 {
    let corpus = Corpus::new(&[left, right]);
    let matches = corpus.match_pair(0, 1);
    for m in &matches {
        println!(
            "  false {:.3}: {} | {}",
            m.score,
            m.left.text(left),
            m.right.text(right)
        );
    }
    let n = corpus
        .sentences(0)
        .len()
        .min(corpus.sentences(1).len())
        .max(1);
    let rate = 100.0 * matches.len() as f64 / n as f64;
    println!(
        "{name}: {}+{} sentences, {} matches, {rate:.2} per 100 sentences",
        corpus.sentences(0).len(),
        corpus.sentences(1).len(),
        matches.len()
    );
    rate
}

#[test]
fn unrelated_texts_rarely_match() {
    let genesis = version(&verses(KJV, &[("Genesis", 1..4)]), false).paragraphs;
    let acts = version(&verses(WEB, &[("Acts", 1..3)]), false).paragraphs;
    let proverbs = version(&verses(WEB, &[("Proverbs", 13..16)]), false).paragraphs;
    let story = bundled().expect("bundled story loads");
    let news: Vec<String> = story
        .reports
        .iter()
        .flat_map(|r| r.body.iter().cloned())
        .collect();
    assert!(false_rate("Genesis (KJV) vs Acts (WEB)", &genesis, &acts) <= 2.0);
    assert!(false_rate("Proverbs (WEB) vs the bundled news story", &proverbs, &news) <= 2.0);
}
