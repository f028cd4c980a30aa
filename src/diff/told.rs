//! What two reports tell alike, the one meaning of "told by both" the reader, `diff` and
//! the overview share: paragraphs the engine paired, plus sentences matched across the
//! whole of both reports in any order.

use super::Comparison;
use super::block::Kind;
use super::doc::Doc;
use super::intern::FastSet;
use super::sentences::{Corpus, Sentence, SentenceRef};
use super::span::Span;
use super::words::{WordOptions, diff_words};
use crate::side::{Pair, Side};

/// Two sentences, one in each report, that tell the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub at: Pair<SentenceRef>,
    /// How alike they are, 0..1.
    pub score: f64,
    /// True when a pair of paragraphs the engine paired already holds both sentences.
    pub in_paired: bool,
    /// The word diff of the two sentences; empty when it was not asked for (see
    /// [`Diffs`]).
    pub spans: Vec<Span>,
}

/// A sentence only one report tells, with its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Lone {
    pub at: SentenceRef,
    pub text: String,
    /// Its content words.
    pub words: usize,
}

/// The sentence layer of a comparison: what both reports tell, in the left report's
/// order, and what each tells alone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Told {
    pub matched: Vec<Matched>,
    /// Share of each side's content words told by both, 0..1.
    pub shared: Pair<f64>,
    /// Each side's content words (words that are not stop words), in all its sentences.
    pub content: Pair<usize>,
    /// Each side's sentences told by neither a paired paragraph nor a match.
    pub only: Pair<Vec<Lone>>,
}

impl Told {
    /// The matches no paired paragraph holds: what the sentence layer adds to the
    /// paragraph diff.
    pub fn extra(&self) -> impl Iterator<Item = &Matched> {
        self.matched.iter().filter(|m| !m.in_paired)
    }
}

/// For each side, the paragraphs a comparison pairs with a counterpart.
pub fn paired_paragraphs(comparison: &Comparison) -> Pair<FastSet<usize>> {
    Paired::of(comparison).paragraphs
}

/// The paragraphs a comparison pairs: for each side, which of its paragraphs face a
/// counterpart, and every (left, right) paragraph pair.
struct Paired {
    paragraphs: Pair<FastSet<usize>>,
    pairs: FastSet<(usize, usize)>,
}

impl Paired {
    fn of(comparison: &Comparison) -> Paired {
        let mut paired = Paired {
            paragraphs: Pair::default(),
            pairs: FastSet::default(),
        };
        for block in &comparison.blocks {
            let right = match block.kind {
                Kind::LeftOnly | Kind::RightOnly | Kind::MovedIn => continue,
                Kind::MovedOut => match block.partner.and_then(|p| comparison.blocks.get(p)) {
                    Some(partner) => partner.paras.right.clone(),
                    None => continue,
                },
                Kind::Same | Kind::Changed | Kind::Split | Kind::Merged => {
                    block.paras.right.clone()
                }
            };
            for i in block.paras.left.clone() {
                for j in right.clone() {
                    paired.paragraphs.left.insert(i);
                    paired.paragraphs.right.insert(j);
                    paired.pairs.insert((i, j));
                }
            }
        }
        paired
    }
}

/// The sentence corpus of several documents (a story's reports, or two texts): word
/// weights come from all of them.
pub fn corpus<'a>(docs: impl IntoIterator<Item = &'a Doc>) -> Corpus {
    let paragraphs: Vec<Vec<&str>> = docs.into_iter().map(Doc::paragraphs).collect();
    let slices: Vec<&[&str]> = paragraphs.iter().map(Vec::as_slice).collect();
    Corpus::new(&slices)
}

/// Which matched sentence pairs get their word diff: a word diff per sentence pair
/// costs as much as the paragraph diff again on near-copies, so only what is shown.
#[derive(Debug, Clone, Copy)]
pub enum Diffs<'o> {
    /// Every pair (the reader's told-by-both view shows them all).
    All(&'o WordOptions),
    /// The pairs no paired paragraph holds (`diff` prints only those).
    Extra(&'o WordOptions),
    /// None (figures only).
    None,
}

/// Which sentences look for a counterpart: all of them, or only those no paired
/// paragraph holds (enough for what `diff` prints, and much less work on near-copies,
/// whose paragraphs nearly all pair).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Unpaired,
}

/// What reports `reports` of `corpus` tell alike, given the two documents and their
/// paragraph comparison; matched sentences are word-diffed as `diffs` says.
pub fn told(
    corpus: &Corpus,
    reports: Pair<usize>,
    docs: Pair<&Doc>,
    comparison: &Comparison,
    diffs: Diffs,
    scope: Scope,
) -> Told {
    let sentences: Pair<&[Sentence]> = reports.map(|r| corpus.sentences(r));
    let paired = Paired::of(comparison);
    let text = |side: Side, at: &SentenceRef| {
        docs[side]
            .para(at.paragraph)
            .and_then(|p| p.get(at.start..at.end))
            .unwrap_or_default()
    };
    let asks = |side: Side, at: &SentenceRef| {
        scope == Scope::All || !paired.paragraphs[side].contains(&at.paragraph)
    };
    let links = corpus.match_pair_asking(reports.left, reports.right, &asks);
    let links: Vec<(Pair<SentenceRef>, f64)> = links
        .into_iter()
        .map(|m| (Pair::new(m.left, m.right), m.score))
        .collect();
    let in_match: Pair<FastSet<SentenceRef>> =
        Pair::from_fn(|side| links.iter().map(|(at, _)| at[side]).collect());
    let matched: Vec<Matched> = merge_parts(links)
        .into_iter()
        .map(|(at, score)| {
            let in_paired = paired
                .pairs
                .contains(&(at.left.paragraph, at.right.paragraph));
            let options = match diffs {
                Diffs::All(options) => Some(options),
                Diffs::Extra(options) if !in_paired => Some(options),
                _ => None,
            };
            let text = Pair::from_fn(|side| text(side, &at[side]));
            Matched {
                at,
                score,
                in_paired,
                spans: options.map_or_else(Vec::new, |o| diff_words(text, o).0),
            }
        })
        .collect();
    let is_told = |side: Side, s: &Sentence| {
        in_match[side].contains(&s.at) || paired.paragraphs[side].contains(&s.at.paragraph)
    };
    // Paragraphs left out of the corpus's index count whole: told when they pair.
    let unindexed = Pair::from_fn(|side| {
        corpus
            .unindexed_words(reports[side])
            .iter()
            .enumerate()
            .fold((0, 0), |(told, all), (p, &words)| {
                let paired = paired.paragraphs[side].contains(&p);
                (told + if paired { words } else { 0 }, all + words)
            })
    });
    let shared = Pair::from_fn(|side| {
        let (told, total) = sentences[side].iter().fold(unindexed[side], |(t, all), s| {
            (
                t + if is_told(side, s) { s.words } else { 0 },
                all + s.words,
            )
        });
        if total == 0 {
            0.0
        } else {
            told as f64 / total as f64
        }
    });
    let only = Pair::from_fn(|side| {
        sentences[side]
            .iter()
            .filter(|s| !is_told(side, s))
            .map(|s| Lone {
                at: s.at,
                text: text(side, &s.at).to_string(),
                words: s.words,
            })
            .collect()
    });
    Told {
        matched,
        shared,
        content: Pair::from_fn(|side| {
            unindexed[side].1 + sentences[side].iter().map(|s| s.words).sum::<usize>()
        }),
        only,
    }
}

/// Links that pair one sentence with neighbouring parts in one paragraph of the other side
/// (where one outlet split what the other told in one) read as one: the parts' span faces
/// the whole, so it is shown and diffed once rather than once per part.
fn merge_parts(links: Vec<(Pair<SentenceRef>, f64)>) -> Vec<(Pair<SentenceRef>, f64)> {
    let merge = |mut links: Vec<(Pair<SentenceRef>, f64)>, whole: Side| {
        let part = whole.other();
        links.sort_by_key(|(at, _)| (at[whole], at[part]));
        let mut out: Vec<(Pair<SentenceRef>, f64)> = Vec::with_capacity(links.len());
        for (at, score) in links {
            if let Some((last, best)) = out.last_mut() {
                let (a, b) = (last[part], at[part]);
                if last[whole] == at[whole] && a.paragraph == b.paragraph {
                    last[part] = SentenceRef {
                        paragraph: a.paragraph,
                        start: a.start.min(b.start),
                        end: a.end.max(b.end),
                    };
                    *best = best.max(score);
                    continue;
                }
            }
            out.push((at, score));
        }
        out
    };
    let mut merged = merge(merge(links, Side::Right), Side::Left);
    merged.sort_by_key(|(at, _)| (at.left, at.right));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{Options, compare};

    fn plain() -> WordOptions {
        WordOptions {
            normalize: false,
            algorithm: Options::default().algorithm,
            deadline: None,
        }
    }

    /// Two texts given as paragraphs, compared, and what they tell alike in `scope`.
    fn told_of(left: &[&str], right: &[&str], scope: Scope) -> (Comparison, Told) {
        let docs = Pair::new(Doc::from_paragraphs(left), Doc::from_paragraphs(right));
        let c = compare(&docs.left, &docs.right, &Options::default());
        let corpus = corpus(&[docs.left.clone(), docs.right.clone()]);
        let t = told(
            &corpus,
            Pair::new(0, 1),
            docs.as_ref(),
            &c,
            Diffs::All(&plain()),
            scope,
        );
        (c, t)
    }

    #[test]
    fn copies_are_told_by_both_through_their_paragraphs_and_add_no_matches() {
        let paras = [
            "Lee and Xi spoke by phone on Tuesday about trade and security.",
            "China is South Korea's biggest trading partner by a wide margin.",
        ];
        let (_, t) = told_of(&paras, &paras, Scope::All);
        assert_eq!(t.shared, Pair::new(1.0, 1.0));
        assert_eq!(t.extra().count(), 0);
        assert!(t.only.left.is_empty() && t.only.right.is_empty());
    }

    #[test]
    fn a_reworded_sentence_elsewhere_is_an_extra_match_and_the_rest_is_only_one_side() {
        let left = [
            "The two leaders spoke for thirty minutes on Tuesday evening.",
            "President Lee requested China to play a constructive role for the denuclearisation of the Korean peninsula, Kang Yu-jung told a briefing.",
        ];
        // The reworded sentence sits in another place, in a paragraph about other
        // things too, so no paragraph pairs with its counterpart.
        let right = [
            "Markets in Seoul rose sharply after the announcement of new export figures, \
             and shipbuilders led the gains in afternoon trading as investors returned. \
             Analysts said exporters of chips and cars could gain most from cheaper won. \
             Lee asked China to play a constructive role in achieving denuclearization on \
             the Korean Peninsula, spokesperson Kang Yu-jung said.",
            "Weather forecasters expect heavy rain across the southern provinces this weekend.",
        ];
        let (c, t) = told_of(&left, &right, Scope::All);
        let extra: Vec<&Matched> = t.extra().collect();
        // Asking only from the sentences no paired paragraph holds finds the same.
        let (_, unpaired) = told_of(&left, &right, Scope::Unpaired);
        assert_eq!(unpaired.extra().collect::<Vec<_>>(), extra);
        assert_eq!(unpaired.shared, t.shared);
        let kinds: Vec<_> = c.blocks.iter().map(|b| (b.kind, b.paras.clone())).collect();
        assert_eq!(extra.len(), 1, "{:?} {kinds:?}", t.matched);
        assert_eq!(extra[0].at.map(|a| a.paragraph), Pair::new(1, 0));
        let marked: String = extra[0]
            .spans
            .iter()
            .filter(|s| s.is_change())
            .map(|s| s.text.as_str())
            .collect();
        assert!(
            marked.contains("requested") && marked.contains("asked"),
            "{marked}"
        );
        assert_eq!(t.only.left.len(), 1);
        assert_eq!(t.only.right.len(), 3);
        assert!(t.shared.left > 0.4 && t.shared.left < 0.9, "{:?}", t.shared);
    }

    #[test]
    fn a_sentence_told_in_two_faces_both_parts_as_one_pair() {
        let left = [
            "Weather forecasters expect heavy rain across the southern provinces this weekend.",
            "The finance ministry said exports of semiconductors rose sharply in May, while \
             shipments of automobiles to Europe fell for a third straight month.",
        ];
        let right = [
            "Exports of semiconductors rose sharply in May, the finance ministry said. \
             Shipments of automobiles to Europe fell for a third straight month.",
            "Tourism officials in Jeju counted record visitor numbers over the holiday.",
        ];
        let (_, t) = told_of(&left, &right, Scope::All);
        assert_eq!(t.matched.len(), 1, "{:#?}", t.matched);
        let m = &t.matched[0];
        assert_eq!(m.at.right.paragraph, 0);
        assert_eq!((m.at.right.start, m.at.right.end), (0, right[0].len()));
        assert_eq!((m.at.left.start, m.at.left.end), (0, left[1].len()));
        // Both parts are told by both; neither shows as told by the right alone.
        assert_eq!(t.only.right.len(), 1, "{:?}", t.only.right);
    }
}
