//! The importer on pages it has never seen: breakdown pages generated from public-domain
//! text (a King James Bible excerpt, tests/fixtures/kjv-excerpt.txt, from Debian's
//! bible-kjv), varying what real pages vary, and scored on whether every headline and
//! every body paragraph comes back right.
//!
//! `cargo test --test unseen_pages -- --nocapture` prints the figure;
//! `DIVERGE_PAGES=5000` generates more pages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use diverge::story::{ImportOptions, import_page};

const EXCERPT: &str = include_str!("fixtures/kjv-excerpt.txt");
const DEFAULT_PAGES: u64 = 240;
/// Of the default pages, how many import exactly today: all of them. This floor makes
/// any step back fail.
const MIN_EXACTLY_RIGHT: u64 = 240;

/// SplitMix64: a seeded generator, so every page can be made again from its number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi` (`lo` when the range is empty).
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % (hi - lo) as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len())]
    }
}

/// The excerpt's chapters, each a list of verses ("sentences" of the generated reports).
fn chapters() -> Vec<Vec<&'static str>> {
    EXCERPT
        .split("## ")
        .filter_map(|chapter| {
            let verses: Vec<&str> = chapter.lines().skip(1).filter(|l| !l.is_empty()).collect();
            (verses.len() >= 4).then_some(verses)
        })
        .collect()
}

const CAPTIONS: &[&str] = &[
    "Item 1 of 3 A shepherd leads his flock across the hills near Bethlehem",
    "The harbour at Joppa at dawn (Reuters/File Photo)",
    "Photograph by Gustave Doré",
    "Illustration: Jonah and the whale",
    "Pictured: the valley of Elah",
    "Image credit: British Library",
];

/// One report as generated: what the importer should give back.
struct Report {
    headline: String,
    summary: Option<String>,
    body: Vec<String>,
}

/// A headline made from the opening words of a sentence of the lede: headlines are short,
/// unpunctuated, and say what the first paragraph says.
fn headline(rng: &mut Rng, lede: &str) -> String {
    let words: Vec<&str> = lede
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let n = rng.range(5, 11).min(words.len());
    let mut text = words[..n].join(" ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

fn report(rng: &mut Rng, verses: &[&str]) -> Report {
    let len = rng.range(4, 16).min(verses.len());
    let from = rng.range(0, verses.len() - len + 1);
    let picked = &verses[from..from + len];
    let mut body: Vec<String> = Vec::new();
    let mut i = 0;
    while i < picked.len() {
        let n = rng.range(1, 4).min(picked.len() - i);
        body.push(picked[i..i + n].join(" "));
        i += n;
    }
    let headline = headline(rng, picked[0]);
    // A summary: one to three sentences from anywhere in the body, in any order.
    let summary = (!rng.chance(10)).then(|| {
        let n = rng.range(1, 4);
        (0..n)
            .map(|_| *rng.pick(picked))
            .collect::<Vec<_>>()
            .join(" ")
    });
    for _ in 0..rng.range(0, 3) {
        let at = rng.range(0, body.len() + 1);
        body.insert(at, rng.pick(CAPTIONS).to_string());
    }
    Report {
        headline,
        summary,
        body,
    }
}

/// A near-duplicate of `of`: the same report with a word changed here and there and a
/// paragraph dropped, as two outlets running one agency's copy.
fn near_copy(rng: &mut Rng, of: &Report) -> Report {
    let mut body = of.body.clone();
    // The paragraph dropped is never the lede, which the headline is made from: a copy
    // without its summary is only known as a report by its lede repeating the headline.
    let lede = body
        .iter()
        .position(|p| !CAPTIONS.contains(&p.as_str()))
        .unwrap_or(0);
    if body.len() > 3 && lede + 1 < body.len() {
        body.remove(rng.range(lede + 1, body.len()));
    }
    // The copy edits the text, not the picture captions it runs with.
    for paragraph in body.iter_mut().filter(|p| !CAPTIONS.contains(&p.as_str())) {
        if rng.chance(50) {
            *paragraph = paragraph.replacen(" the ", " that ", 1);
        }
    }
    // The copy's summary is made from its own body, like every summary.
    let summary = match &of.summary {
        Some(s) if body.iter().any(|p| p.contains(s.as_str())) => Some(s.clone()),
        Some(_) => body
            .iter()
            .find(|p| !CAPTIONS.contains(&p.as_str()))
            .cloned(),
        None => None,
    };
    Report {
        headline: format!("{} again", of.headline),
        summary,
        body,
    }
}

/// A generated page and the reports it holds.
fn page(number: u64) -> (String, Vec<Report>) {
    let mut rng = Rng(number);
    let chapters = chapters();
    let count = rng.range(2, 7);
    let mut reports: Vec<Report> = Vec::new();
    while reports.len() < count {
        match reports.last() {
            Some(last) if rng.chance(20) => {
                let copy = near_copy(&mut rng, last);
                reports.push(copy);
            }
            _ => {
                let chapter = rng.pick(&chapters).clone();
                reports.push(report(&mut rng, &chapter));
            }
        }
    }
    let title = rng.pick(&reports).headline.clone();
    let mut lines = vec![
        title,
        "How did your country report this? Share your view in the comments.".to_string(),
        "Diverging Reports Breakdown".to_string(),
    ];
    for r in &reports {
        lines.push(r.headline.clone());
        lines.extend(r.summary.clone());
        lines.extend(r.body.iter().cloned());
    }
    let crlf = rng.chance(30);
    let trailing = rng.chance(30);
    let blank = rng.chance(30);
    let mut text = String::new();
    for line in lines {
        text.push_str(&line);
        if trailing && rng.chance(50) {
            text.push_str("  ");
        }
        let end = if crlf { "\r\n" } else { "\n" };
        text.push_str(end);
        if blank {
            text.push_str(end);
        }
    }
    (text, reports)
}

/// Whether the importer gives back exactly the page's reports: each headline, and each
/// body paragraph in order.
fn exactly_right(number: u64) -> Result<(), String> {
    let (text, expected) = page(number);
    let imported = import_page(&text, ImportOptions::default()).map_err(|e| e.to_string())?;
    let got: Vec<(Option<&str>, Vec<&str>)> = imported
        .story
        .reports
        .iter()
        .map(|r| {
            (
                r.headline.as_deref(),
                r.body.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let want: Vec<(Option<&str>, Vec<&str>)> = expected
        .iter()
        .map(|r| {
            (
                Some(r.headline.as_str()),
                r.body.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    if got == want {
        Ok(())
    } else {
        let heads = |v: &[(Option<&str>, Vec<&str>)]| -> Vec<String> {
            v.iter()
                .map(|(h, b)| format!("{} [{}]", h.unwrap_or("-"), b.len()))
                .collect()
        };
        Err(format!("got {:?}\nwant {:?}", heads(&got), heads(&want)))
    }
}

#[test]
fn generated_pages_import_exactly() {
    let pages = std::env::var("DIVERGE_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_PAGES);
    let failures: Vec<(u64, String)> = (0..pages)
        .filter_map(|n| exactly_right(n).err().map(|e| (n, e)))
        .collect();
    println!(
        "unseen pages: {} tried, {} exactly right",
        pages,
        pages - failures.len() as u64
    );
    let numbers: Vec<String> = failures.iter().map(|(n, _)| n.to_string()).collect();
    println!("missed pages: {}", numbers.join(" "));
    for (n, why) in failures.iter().take(5) {
        println!("page {n}:\n{why}");
        if std::env::var_os("DIVERGE_SHOW_PAGES").is_some() {
            println!("{}", page(*n).0);
        }
    }
    let right = pages - failures.len() as u64;
    if pages == DEFAULT_PAGES {
        assert!(right >= MIN_EXACTLY_RIGHT, "{right} of {pages} pages right");
    }
}

#[test]
fn a_generated_page_has_what_real_pages_vary() {
    let pages: Vec<(String, Vec<Report>)> = (0..DEFAULT_PAGES).map(page).collect();
    let reports = || pages.iter().flat_map(|(_, r)| r);
    assert!(pages.iter().any(|(t, _)| t.contains("\r\n")));
    assert!(
        pages
            .iter()
            .any(|(t, _)| t.contains("  \n") || t.contains("  \r\n"))
    );
    assert!(reports().any(|r| r.summary.is_none()));
    assert!(reports().any(|r| r.headline.ends_with(" again")));
    for end in [':', ';', ','] {
        assert!(
            reports().any(|r| r.summary.as_deref().is_some_and(|s| s.ends_with(end))),
            "no summary ends in {end}"
        );
    }
    assert!(reports().any(|r| r.summary.as_deref() == Some("A Psalm of David.")));
    assert!(reports().any(|r| r.body.iter().any(|p| CAPTIONS.contains(&p.as_str()))));
}

/// A near copy keeps the lede its headline is made from, whatever pictures open its body:
/// a copy without a summary is a report only through that lede.
#[test]
fn a_near_copy_keeps_its_lede() {
    let lede = |r: &Report| {
        r.body
            .iter()
            .find(|p| !CAPTIONS.contains(&p.as_str()))
            .map(|p| {
                // The copy's one edit, undone: "the" became "that".
                p.split_whitespace()
                    .map(|w| if w == "that" { "the" } else { w })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
    };
    let mut copies = 0;
    for number in 0..5000 {
        let (_, reports) = page(number);
        for pair in reports.windows(2) {
            if pair[1].headline == format!("{} again", pair[0].headline) {
                copies += 1;
                assert_eq!(lede(&pair[1]), lede(&pair[0]), "page {number}");
            }
        }
    }
    assert!(copies > 100);
}
