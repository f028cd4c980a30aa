//! The engine on real and generated text: the seed's Reuters and Straits Times versions,
//! and a generated 100k-word pair with 2% word edits, under each diff algorithm.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use divan::{Bencher, black_box};
use diverge::diff::{Algorithm, Doc, Options, compare};
use diverge::text::count_words;

fn main() {
    divan::main();
}

const REUTERS: &str = include_str!("../tests/fixtures/reuters.txt");
const STRAITS_TIMES: &str = include_str!("../tests/fixtures/straits_times.txt");

/// A small deterministic generator, so every run benchmarks the same texts.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

const VOCABULARY: &[&str] = &[
    "the",
    "president",
    "said",
    "on",
    "Tuesday",
    "China",
    "Korea",
    "trade",
    "security",
    "talks",
    "of",
    "a",
    "and",
    "to",
    "in",
    "minister",
    "office",
    "week",
    "call",
    "economic",
    "ties",
    "peace",
    "region",
    "alliance",
    "summit",
    "officials",
    "reported",
    "would",
    "pledged",
    "cooperation",
    "Seoul",
    "Beijing",
    "Washington",
    "missile",
    "defence",
    "policy",
    "visit",
];

/// About `words` words in paragraphs of 40 to 90 words, and a copy with `edit_percent`
/// of its words replaced, dropped or doubled.
fn generated_pair(words: usize, edit_percent: u64) -> (String, String) {
    let mut rng = Lcg(42);
    let mut left = Vec::with_capacity(words);
    for _ in 0..words {
        let i = rng.next() as usize % VOCABULARY.len();
        left.push(VOCABULARY[i]);
    }
    let mut right = Vec::with_capacity(words);
    for &w in &left {
        match rng.next() % 100 {
            r if r < edit_percent / 2 => right.push("changed"),
            r if r < edit_percent * 3 / 4 => {}
            r if r < edit_percent => {
                right.push(w);
                right.push("added");
            }
            _ => right.push(w),
        }
    }
    let to_text = |ws: &[&str], rng: &mut Lcg| {
        let mut text = String::new();
        let mut in_para = 0;
        let mut para_len = 40 + rng.next() as usize % 50;
        for w in ws {
            if in_para > 0 {
                text.push(' ');
            }
            text.push_str(w);
            in_para += 1;
            if in_para == para_len {
                text.push_str(".\n\n");
                in_para = 0;
                para_len = 40 + rng.next() as usize % 50;
            }
        }
        text
    };
    let mut rng_l = Lcg(7);
    let mut rng_r = Lcg(7);
    (to_text(&left, &mut rng_l), to_text(&right, &mut rng_r))
}

const ALGORITHMS: &[(&str, Algorithm)] = &[
    ("myers", Algorithm::Myers),
    ("patience", Algorithm::Patience),
    ("histogram", Algorithm::Histogram),
];

fn options(name: &str) -> Options {
    let algorithm = ALGORITHMS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(Algorithm::Histogram, |(_, a)| *a);
    Options {
        algorithm,
        ..Options::default()
    }
}

/// Benchmarks one comparison, counting the words of both sides as throughput.
fn bench_compare(bencher: Bencher, left: Doc, right: Doc, options: Options) {
    let words = count_words(&left.text) + count_words(&right.text);
    bencher
        .counter(divan::counter::ItemsCount::new(words))
        .bench(|| compare(black_box(&left), black_box(&right), &options));
}

#[divan::bench(args = ["myers", "patience", "histogram"])]
fn seed_pair(bencher: Bencher, algorithm: &str) {
    let (left, right) = (Doc::from_text(REUTERS), Doc::from_text(STRAITS_TIMES));
    bench_compare(bencher, left, right, options(algorithm));
}

#[divan::bench(args = ["myers", "patience", "histogram"], sample_count = 20)]
fn generated_100k_words_2_percent(bencher: Bencher, algorithm: &str) {
    let (l, r) = generated_pair(100_000, 2);
    bench_compare(
        bencher,
        Doc::from_text(l),
        Doc::from_text(r),
        options(algorithm),
    );
}

#[divan::bench(sample_count = 10)]
fn generated_100k_words_normalized(bencher: Bencher) {
    let (l, r) = generated_pair(100_000, 2);
    let options = Options {
        normalize: true,
        ..Options::default()
    };
    bench_compare(bencher, Doc::from_text(l), Doc::from_text(r), options);
}

/// 2,000 paragraphs, 2% word edits, and every 20th paragraph moved 50 places on: the
/// case that exercises pairing, moves and the gap programme together.
#[divan::bench(sample_count = 10)]
fn generated_2000_paragraphs_with_moves(bencher: Bencher) {
    let (l, r) = generated_pair(130_000, 2);
    let left: Vec<&str> = l.split("\n\n").take(2000).collect();
    let mut right: Vec<&str> = r.split("\n\n").take(2000).collect();
    for i in (0..right.len().saturating_sub(50)).step_by(20) {
        right.swap(i, i + 50);
    }
    let (left, right) = (Doc::from_paragraphs(&left), Doc::from_paragraphs(&right));
    bench_compare(bencher, left, right, Options::default());
}

/// About `words` words of made-up sentences (a Zipf-like vocabulary of 5,000 words, 12 to 30
/// words a sentence, three sentences a paragraph), and a retelling: the same sentences with
/// a fifth of their words replaced, in shuffled order.
fn retold_pair(words: usize) -> (Vec<String>, Vec<String>) {
    let mut rng = Lcg(11);
    let vocabulary: Vec<String> = (0..5000).map(|i| format!("w{i}x")).collect();
    let pick = |rng: &mut Lcg| {
        // Squaring a uniform draw favours low ranks, as word frequencies do.
        let u = (rng.next() % 10_000) as f64 / 10_000.0;
        vocabulary[((u * u) * vocabulary.len() as f64) as usize].clone()
    };
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut total = 0;
    while total < words {
        let n = 12 + rng.next() as usize % 19;
        sentences.push((0..n).map(|_| pick(&mut rng)).collect());
        total += n;
    }
    let mut retold: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|w| {
                    if rng.next() % 5 == 0 {
                        pick(&mut rng)
                    } else {
                        w.clone()
                    }
                })
                .collect()
        })
        .collect();
    for i in (1..retold.len()).rev() {
        retold.swap(i, rng.next() as usize % (i + 1));
    }
    let to_paragraphs = |ss: &[Vec<String>]| -> Vec<String> {
        ss.chunks(3)
            .map(|chunk| {
                chunk
                    .iter()
                    .map(|s| {
                        let mut t = s.join(" ");
                        t.replace_range(..1, "W");
                        t + "."
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    (to_paragraphs(&sentences), to_paragraphs(&retold))
}

/// Sentence correspondence (corpus and matching) on a retold pair, at three sizes to show
/// how the cost grows.
#[divan::bench(args = [25_000, 50_000, 100_000], sample_count = 5)]
fn sentences_retold(bencher: Bencher, words: usize) {
    use diverge::diff::sentences::Corpus;
    let (left, right) = retold_pair(words);
    bencher
        .counter(divan::counter::ItemsCount::new(2 * words))
        .bench(|| {
            let corpus = Corpus::new(&[black_box(&left[..]), black_box(&right[..])]);
            corpus.match_pair(0, 1)
        });
}
