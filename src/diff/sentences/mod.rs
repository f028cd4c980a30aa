//! Sentence correspondence across reports written independently, pure and terminal-free:
//! which sentences of two reports tell the same fact or quote, wherever they stand.
//!
//! A [`Corpus`] is built over all reports of a story: every paragraph is cut into
//! sentences ([`split_sentences`]), each sentence becomes its content words (house-style
//! folded, stop words removed, stemmed), and each stem is weighed by its inverse document
//! frequency over all sentences of all reports, so the names every outlet repeats weigh
//! less than the rarer words two outlets share. [`Corpus::match_pair`] then pairs the
//! sentences of two reports: candidates from an index of rare stems, a TF-IDF cosine with
//! bonuses for shared word pairs, numbers and quoted words, one-to-one links above a high
//! threshold (precision first), and many-to-one links (up to four neighbouring sentences) where
//! one outlet split a sentence another told in one.
//!
//! IDF is counted per sentence rather than per report: with two reports, a per-report
//! count gives every shared word the same weight (zero), while per sentence it still tells
//! a name repeated in every sentence from a word said once.

mod count;
mod pick;
mod score;
mod split;
mod terms;

pub use count::content_words;
pub use split::split_sentences;
pub use terms::Folder;

use super::intern::{FastMap, Interner};
use pick::{Side, pick};
use score::Table;

/// Terms held by more sentences than this are not used to find candidates, as passim drops
/// n-grams found in over 100 documents: such a term finds candidates everywhere and tells
/// little, and a fixed cap keeps the candidate search linear in the corpus size.
const MAX_DF: u32 = 100;

/// Where a sentence stands: its paragraph (from 0) and byte offsets into that paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceRef {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

impl SentenceRef {
    /// The sentence's text in `paragraphs` (the report it was cut from); empty if the
    /// reference does not fit them.
    pub fn text<'a, S: AsRef<str>>(&self, paragraphs: &'a [S]) -> &'a str {
        paragraphs
            .get(self.paragraph)
            .and_then(|p| p.as_ref().get(self.start..self.end))
            .unwrap_or_default()
    }
}

/// One sentence of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub at: SentenceRef,
    /// Content words: words that are not stop words, numbers included. The share of these
    /// in matched sentences is what "told by both" counts.
    pub words: usize,
}

/// Two sentences, one from each report, that tell the same thing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub left: SentenceRef,
    pub right: SentenceRef,
    /// How alike they are, 0..1 (for a sentence split in parts, the score of the parts
    /// read together against the whole).
    pub score: f64,
}

/// A sentence before weighing: content-word ids in order, the ids of its numbers, the ids
/// it says inside quotation marks.
type RawSentence = (Vec<u32>, Vec<u32>, Vec<u32>);

/// The sentences of all reports of a story, ready to be matched pair by pair.
pub struct Corpus {
    sentences: Vec<Vec<Sentence>>,
    features: Vec<Table>,
    /// Per report: term id to the sentences holding it.
    index: Vec<FastMap<u32, Vec<u32>>>,
    /// Per term id: sentences (of all reports) holding it.
    df: Vec<u32>,
    /// Per report, per paragraph: the content words of a paragraph left out of the index
    /// (0 for the others).
    unindexed: Vec<Vec<usize>>,
}

impl Corpus {
    /// Builds the corpus; `reports` are the paragraphs of each report.
    pub fn new<S: AsRef<str>>(reports: &[&[S]]) -> Corpus {
        Corpus::new_where(reports, &|_, _| true, &[], &Folder::new())
    }

    /// Builds the corpus over the paragraphs `index(report, paragraph)` accepts; of the
    /// others only the content words are counted, so a caller that knows they are told
    /// by both (paired near-copies) pays for a count, not for sentences and an index.
    /// `counted[report][paragraph]`, where given, are those counts made beforehand (see
    /// [`content_words`]). `folder` may be the one those counts were made with: the
    /// words it folded are not folded again.
    pub fn new_where<S: AsRef<str>>(
        reports: &[&[S]],
        index: &dyn Fn(usize, usize) -> bool,
        counted: &[Vec<usize>],
        folder: &Folder,
    ) -> Corpus {
        let mut unindexed = Vec::with_capacity(reports.len());
        let mut terms_ids: Interner<String> = Interner::new();
        let mut sentences = Vec::with_capacity(reports.len());
        let mut raw: Vec<Vec<RawSentence>> = Vec::with_capacity(reports.len());
        let mut df: Vec<u32> = Vec::new();
        for (r, paragraphs) in reports.iter().enumerate() {
            let mut report_sentences = Vec::new();
            let mut report_raw = Vec::new();
            let mut report_unindexed = vec![0; paragraphs.len()];
            for (p, paragraph) in paragraphs.iter().enumerate() {
                let paragraph = paragraph.as_ref();
                if !index(r, p) {
                    let known = counted.get(r).and_then(|c| c.get(p)).copied();
                    if let Some(count) = report_unindexed.get_mut(p) {
                        *count = known.unwrap_or_else(|| folder.count(paragraph));
                    }
                    continue;
                }
                for range in split_sentences(paragraph) {
                    let text = paragraph.get(range.clone()).unwrap_or_default();
                    let terms = folder.terms(text);
                    let mut ids = Vec::with_capacity(terms.len());
                    let (mut numbers, mut quoted) = (Vec::new(), Vec::new());
                    for term in terms {
                        let id = terms_ids.id(term.key);
                        ids.push(id);
                        if term.number {
                            numbers.push(id);
                        }
                        if term.quoted {
                            quoted.push(id);
                        }
                    }
                    let mut distinct = ids.clone();
                    distinct.sort_unstable();
                    distinct.dedup();
                    for &id in &distinct {
                        let id = id as usize;
                        if df.len() <= id {
                            df.resize(id + 1, 0);
                        }
                        if let Some(n) = df.get_mut(id) {
                            *n += 1;
                        }
                    }
                    report_sentences.push(Sentence {
                        at: SentenceRef {
                            paragraph: p,
                            start: range.start,
                            end: range.end,
                        },
                        words: ids.len(),
                    });
                    report_raw.push((ids, numbers, quoted));
                }
            }
            report_sentences.shrink_to_fit();
            sentences.push(report_sentences);
            raw.push(report_raw);
            unindexed.push(report_unindexed);
        }
        let total: usize = sentences.iter().map(Vec::len).sum();
        let n = total.max(1) as f64;
        let idf = |id: u32| {
            let d = df.get(id as usize).copied().unwrap_or(1).max(1);
            (1.0 + n / f64::from(d)).ln()
        };
        let features: Vec<Table> = raw
            .iter()
            .map(|report| {
                let mut table = Table::default();
                for (ids, numbers, quoted) in report {
                    table.push(ids, numbers, quoted, &idf);
                }
                table.shrink_to_fit();
                table
            })
            .collect();
        let index = features
            .iter()
            .map(|report| {
                let mut map: FastMap<u32, Vec<u32>> = FastMap::default();
                for (s, f) in report.iter().enumerate() {
                    for &term in f.terms {
                        map.entry(term).or_default().push(s as u32);
                    }
                }
                for holders in map.values_mut() {
                    holders.shrink_to_fit();
                }
                map.shrink_to_fit();
                map
            })
            .collect();
        Corpus {
            sentences,
            features,
            index,
            df,
            unindexed,
        }
    }

    /// Content words of each paragraph of `report` left out of the index (0 for the
    /// indexed ones).
    pub fn unindexed_words(&self, report: usize) -> &[usize] {
        self.unindexed
            .get(report)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Number of reports.
    pub fn reports(&self) -> usize {
        self.sentences.len()
    }

    /// The sentences of report `report`, in reading order; none for a report not there.
    pub fn sentences(&self, report: usize) -> &[Sentence] {
        self.sentences
            .get(report)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Sentences of report `left` and report `right` that tell the same thing, in the
    /// left report's order. A sentence takes part in two matches only where the other
    /// report split what it tells into two neighbouring sentences.
    pub fn match_pair(&self, left: usize, right: usize) -> Vec<Match> {
        self.match_pair_asking(left, right, &|_, _| true)
    }

    /// As [`Corpus::match_pair`], but only the sentences `asks(side, sentence)` accepts
    /// look for partners (they may still be found by one that does): a caller that
    /// already knows a sentence is told by both spares its search.
    pub fn match_pair_asking(
        &self,
        left: usize,
        right: usize,
        asks: &dyn Fn(crate::side::Side, &SentenceRef) -> bool,
    ) -> Vec<Match> {
        let (Some(lf), Some(rf), Some(li), Some(ri), Some(ls), Some(rs)) = (
            self.features.get(left),
            self.features.get(right),
            self.index.get(left),
            self.index.get(right),
            self.sentences.get(left),
            self.sentences.get(right),
        ) else {
            return Vec::new();
        };
        let is_rare = |term: u32| self.df.get(term as usize).is_some_and(|&d| d <= MAX_DF);
        let asking = |side, sentences: &[Sentence]| -> Vec<bool> {
            sentences.iter().map(|s| asks(side, &s.at)).collect()
        };
        let (la, ra) = (
            asking(crate::side::Side::Left, ls),
            asking(crate::side::Side::Right, rs),
        );
        let links = pick(
            &Side {
                features: lf,
                index: li,
                asks: &la,
            },
            &Side {
                features: rf,
                index: ri,
                asks: &ra,
            },
            &is_rare,
        );
        links
            .into_iter()
            .filter_map(|(l, r, score)| {
                Some(Match {
                    left: ls.get(l)?.at,
                    right: rs.get(r)?.at,
                    score,
                })
            })
            .collect()
    }
}

/// Matches the sentences of two plain texts given as paragraphs, with no story around
/// them: the corpus is the two texts alone.
pub fn match_texts<S: AsRef<str>>(left: &[S], right: &[S]) -> Vec<Match> {
    Corpus::new(&[left, right]).match_pair(0, 1)
}

#[cfg(test)]
mod tests;
