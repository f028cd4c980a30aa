//! Each stage of a comparison on its own, on the bench kit's kind of text (long ASCII
//! prose, 2% word edits): tokenising, pairing paragraphs, the word diff of one
//! paragraph pair, counting the content words of two texts (the sentence layer's first
//! pass), laying the comparison out at a terminal's width (all of it, or the paragraphs
//! around one), and searching it.

use divan::{Bencher, black_box};
use diverge::diff::sentences::{Folder, content_words};
use diverge::diff::{
    Diffs, Doc, Options, Scope, WordOptions, compare, corpus, diff_words, pair_paragraphs,
    para_ids, told,
};
use diverge::layout::{Margin, View, build, build_around};
use diverge::side::Pair;
use diverge::text::tokenize;

fn main() {
    divan::main();
}

const REUTERS: &str = include_str!("../tests/fixtures/reuters.txt");
const STRAITS_TIMES: &str = include_str!("../tests/fixtures/straits_times.txt");

/// About `paragraphs` paragraphs of 40 to 90 words cut from the seed's two versions,
/// and a copy with every 50th word replaced: enough edits that most paragraphs change,
/// as in the bench kit's 2% pairs.
fn long_pair(paragraphs: usize) -> (Doc, Doc) {
    let words: Vec<&str> = REUTERS
        .split_whitespace()
        .chain(STRAITS_TIMES.split_whitespace())
        .collect();
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut k = 0;
    for p in 0..paragraphs {
        let len = 40 + (p * 37) % 50;
        let para: Vec<&str> = (0..len)
            .map(|i| words.get((k + i) % words.len()).copied().unwrap_or("x"))
            .collect();
        let edited: Vec<&str> = para
            .iter()
            .enumerate()
            .map(|(i, w)| if (k + i) % 50 == 0 { "edited" } else { w })
            .collect();
        k += len;
        left.push(para.join(" "));
        right.push(edited.join(" "));
    }
    (Doc::from_paragraphs(&left), Doc::from_paragraphs(&right))
}

#[divan::bench(args = [100, 2000])]
fn tokenise(bencher: Bencher, paragraphs: usize) {
    let (left, _) = long_pair(paragraphs);
    bencher
        .counter(divan::counter::BytesCount::new(left.text.len()))
        .bench(|| tokenize(black_box(&left.text)).len());
}

#[divan::bench(args = [100, 2000])]
fn pair_paragraphs_only(bencher: Bencher, paragraphs: usize) {
    let (left, right) = long_pair(paragraphs);
    bencher.bench(|| pair_paragraphs(black_box(Pair::new(&left, &right)), false, None));
}

#[divan::bench]
fn word_diff_of_one_paragraph_pair(bencher: Bencher) {
    let (left, right) = long_pair(1);
    let options = WordOptions {
        normalize: false,
        algorithm: Options::default().algorithm,
        deadline: None,
    };
    bencher.bench(|| {
        diff_words(
            black_box(Pair::new(left.text.as_str(), right.text.as_str())),
            &options,
        )
    });
}

#[divan::bench(args = [100, 2000])]
fn content_words_of_two_texts(bencher: Bencher, paragraphs: usize) {
    let (left, right) = long_pair(paragraphs);
    let texts = [left.paragraphs(), right.paragraphs()];
    let ids = para_ids(Pair::new(&left, &right));
    bencher.bench(|| {
        content_words(
            &Folder::new(),
            &[&texts[0], &texts[1]],
            &[&ids.left, &ids.right],
        )
        .len()
    });
}

#[divan::bench(args = [100, 2000])]
fn whole_comparison(bencher: Bencher, paragraphs: usize) {
    let (left, right) = long_pair(paragraphs);
    bencher.bench(|| compare(black_box(&left), black_box(&right), &Options::default()));
}

#[divan::bench(args = [100, 2000])]
fn layout_side_by_side_at_120_columns(bencher: Bencher, paragraphs: usize) {
    let (left, right) = long_pair(paragraphs);
    let comparison = compare(&left, &right, &Options::default());
    bencher.bench(|| {
        build(black_box(&comparison), View::SideBySide, 120, "m")
            .rows
            .len()
    });
}

/// What a key in the reader lays out in a long pair: the paragraphs around one in the
/// middle, two 40-row screens above it and three below, side by side.
#[divan::bench(args = [100, 2000])]
fn layout_around_one_paragraph_at_120_columns(bencher: Bencher, paragraphs: usize) {
    let (left, right) = long_pair(paragraphs);
    let comparison = compare(&left, &right, &Options::default());
    let margin = Margin {
        rows: Pair::new(80, 120),
        bytes: usize::MAX,
    };
    let middle = comparison.blocks.len() / 2;
    bencher.bench(|| {
        build_around(
            black_box(&comparison),
            View::SideBySide,
            120,
            "m",
            middle,
            margin,
        )
        .map_or(0, |l| l.rows.len())
    });
}

/// Two versions of `paragraphs` paragraphs of three sentences each, every sentence with
/// words of its own (so each finds its partner), the right-hand one reworded here and
/// there: the told-by-both view's kind of input.
fn told_pair(paragraphs: usize) -> (Doc, Doc) {
    let sentence = |p: usize, k: usize, edited: bool| {
        let verb = if edited && (p + k) % 3 == 0 {
            "stated"
        } else {
            "said"
        };
        format!(
            "The ministry {verb} that talks on topic{p}x{k} with delegation{k}y{p} went on \
             for {p} hours in Seoul and Beijing."
        )
    };
    let version = |edited: bool| {
        let paras: Vec<String> = (0..paragraphs)
            .map(|p| {
                (0..3)
                    .map(|k| sentence(p, k, edited))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        Doc::from_paragraphs(&paras)
    };
    (version(false), version(true))
}

/// The told-by-both view: every matched sentence pair with its word diff, then what only
/// one side tells.
#[divan::bench(args = [100, 2000])]
fn layout_told_by_both_at_120_columns(bencher: Bencher, paragraphs: usize) {
    let (left, right) = told_pair(paragraphs);
    let mut comparison = compare(&left, &right, &Options::default());
    let words = WordOptions {
        normalize: false,
        algorithm: Options::default().algorithm,
        deadline: None,
    };
    let docs = Pair::new(&left, &right);
    let told = told(
        &corpus([&left, &right]),
        Pair::new(0, 1),
        docs,
        &comparison,
        Diffs::All(&words),
        Scope::All,
    );
    assert!(told.matched.len() >= paragraphs, "{}", told.matched.len());
    comparison.told = Some(told);
    bencher.bench(|| {
        build(black_box(&comparison), View::Shared, 120, "m")
            .rows
            .len()
    });
}

/// The reader's search over a laid-out comparison, for a rare and a common word.
#[divan::bench(args = ["gyeongju", "the"])]
fn search_a_layout(bencher: Bencher, query: &str) {
    let (left, right) = long_pair(2000);
    let comparison = compare(&left, &right, &Options::default());
    let layout = build(&comparison, View::SideBySide, 120, "m");
    bencher.bench(|| layout.search(black_box(query)).len());
}
