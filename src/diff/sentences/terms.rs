//! What a sentence is compared by: its content words, folded by house style, stop words
//! removed and stemmed, so "denuclearisation" and "denuclearization", "asked" and "asks"
//! meet; numbers are kept as written (digit grouping folded).

use std::borrow::Cow;
use std::cell::RefCell;

use rust_stemmers::{Algorithm, Stemmer};

use super::super::intern::{FastMap, FastSet};
use super::super::normalize::style_key;
use super::split::quote_spans;
use crate::text::{TokenKind, for_each_token, tokenize};

/// Function words beyond the NLTK list: modal verbs, titles, and the pronouns and
/// auxiliaries of older English (quoted scripture, old texts), which carry no fact.
const EXTRA_STOP_WORDS: &[&str] = &[
    "us", "would", "could", "also", "shall", "may", "might", "must", "upon", "mr", "mrs", "ms",
    "mx", "dr", "prof", "thee", "thou", "thy", "thine", "ye", "unto", "hath", "hast", "shalt",
    "wast", "doth", "dost", "wilt",
];

/// One content word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Term {
    /// The stem, or the number as written with its digit grouping folded.
    pub key: String,
    pub number: bool,
    /// Said inside quotation marks.
    pub quoted: bool,
}

/// Folds words to terms; built once per corpus (and once per facts ledger, which weighs
/// how alike two quotes are by the same content words).
pub struct Folder {
    /// Hashed with FxHash: building it with SipHash was a sixth of an empty diff's
    /// instructions, as every run builds it.
    stop: FastSet<&'static str>,
    stemmer: Stemmer,
    /// Each spelling's fold, worked out once: a text repeats its words, and folding
    /// (house style, stop words, stemming) costs more than a lookup.
    folded: RefCell<FastMap<String, Option<(String, bool)>>>,
}

impl Default for Folder {
    fn default() -> Self {
        Folder::new()
    }
}

impl Folder {
    pub fn new() -> Self {
        let listed = stop_words::lookup("en").unwrap_or_default();
        let mut stop: FastSet<&'static str> = FastSet::default();
        stop.reserve(listed.len() + EXTRA_STOP_WORDS.len());
        stop.extend(listed.iter().copied());
        stop.extend(EXTRA_STOP_WORDS);
        Folder {
            stop,
            stemmer: Stemmer::create(Algorithm::English),
            folded: RefCell::new(FastMap::default()),
        }
    }

    /// The content words of `text` as their keys (stems, numbers), in order.
    pub fn content_keys(&self, text: &str) -> Vec<String> {
        self.terms(text).into_iter().map(|t| t.key).collect()
    }

    /// The content words of `sentence`, in order.
    pub(super) fn terms(&self, sentence: &str) -> Vec<Term> {
        let chars: Vec<(usize, char)> = sentence.char_indices().collect();
        let quoted_bytes: Vec<(usize, usize)> = quote_spans(&chars)
            .into_iter()
            .filter_map(|(o, c)| Some((chars.get(o)?.0, chars.get(c)?.0)))
            .collect();
        tokenize(sentence)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .filter_map(|t| {
                let piece = sentence.get(t.range.clone())?;
                let quoted = quoted_bytes
                    .iter()
                    .any(|&(o, c)| o < t.range.start && t.range.start < c);
                self.fold_once(piece).map(|(key, number)| Term {
                    key,
                    number,
                    quoted,
                })
            })
            .collect()
    }

    /// Content words of `text`, as [`Folder::terms`] would find them. Counting runs
    /// over every word of both texts, so it neither collects tokens nor copies terms.
    pub fn count(&self, text: &str) -> usize {
        let mut n = 0;
        for_each_token(text, |range, kind| {
            if let Some(piece) = text.get(range).filter(|_| kind == TokenKind::Word) {
                n += usize::from(self.with_fold(piece, |folded| folded.is_some()));
            }
        });
        n
    }

    /// The term of one word, and whether it is a number; `None` for a stop word.
    fn fold_once(&self, piece: &str) -> Option<(String, bool)> {
        self.with_fold(piece, |folded| folded.cloned())
    }

    /// `f` of the fold of one word, folded once and then looked up.
    fn with_fold<R>(&self, piece: &str, f: impl FnOnce(Option<&(String, bool)>) -> R) -> R {
        if let Some(known) = self.folded.borrow().get(piece) {
            return f(known.as_ref());
        }
        let folded = self.fold(piece);
        let answer = f(folded.as_ref());
        self.folded.borrow_mut().insert(piece.to_string(), folded);
        answer
    }

    fn fold(&self, piece: &str) -> Option<(String, bool)> {
        let key = style_key(piece, TokenKind::Word);
        if key.chars().any(|c| c.is_ascii_digit()) {
            return Some((key, true));
        }
        // "U.S." and "US" fold to "us", which is not the pronoun.
        if key == "us" && (piece.contains('.') || piece == "US") {
            return Some(("u.s.".to_string(), false));
        }
        let mut letters = key.chars();
        if let (Some(c), None) = (letters.next(), letters.next()) {
            // A lone Latin letter ("(C)", "a") says nothing; a lone ideograph does.
            if c.is_ascii() || c.is_alphabetic() && !is_ideograph(c) {
                return None;
            }
        }
        if self.stop.contains(key.as_str()) {
            return None;
        }
        // The modern ending goes through the house-style fold too, so "despiseth" meets
        // "despises", which that fold made "despizes".
        let modern = match modern_verb(&key) {
            Cow::Owned(verb) => style_key(&verb, TokenKind::Word),
            Cow::Borrowed(_) => key,
        };
        let stem = self.stemmer.stem(&modern).into_owned();
        if self.stop.contains(stem.as_str()) || stem.is_empty() {
            return None;
        }
        Some((stem, false))
    }
}

/// "walketh" -> "walkes", "hateth" -> "hates", "sinneth" -> "sins": the older third-person
/// ending, which the Snowball stemmer keeps, rewritten as the modern one so both stem
/// alike; ordinals ("twentieth") and words like "teeth" are left alone.
fn modern_verb(word: &str) -> Cow<'_, str> {
    let Some(stem) = word.strip_suffix("eth") else {
        return Cow::Borrowed(word);
    };
    if stem.len() < 2 || stem.ends_with('e') || word.ends_with("tieth") || !stem.is_ascii() {
        return Cow::Borrowed(word);
    }
    // "sinn", "runn", "sett": a doubled final consonant after a short vowel is the
    // spelling's, not the verb's (but "bless", "fall" keep theirs, and so do "add" and
    // "err", where no consonant comes before the vowel for the spelling to double after).
    if let [.., c, v, a, b] = stem.as_bytes() {
        let vowel = |x: &u8| b"aeiou".contains(x);
        let doubled =
            a == b && !matches!(b, b's' | b'l' | b'f' | b'z') && !vowel(b) && vowel(v) && !vowel(c);
        if let Some(single) = stem.get(..stem.len() - 1).filter(|_| doubled) {
            return Cow::Owned(format!("{single}s"));
        }
    }
    Cow::Owned(format!("{stem}es"))
}

/// CJK ideographs, each of which UAX #29 makes a word of its own.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        Folder::new()
            .terms(text)
            .into_iter()
            .map(|t| t.key)
            .collect()
    }

    #[test]
    fn stop_words_go_and_words_are_stemmed_after_the_house_style_fold() {
        assert_eq!(
            keys("The Denuclearisation of the Korean peninsula was requested"),
            keys("denuclearization of Korean Peninsula is requesting")
        );
        assert_eq!(
            keys("Lee\u{2019}s office said"),
            vec!["lee", "offic", "said"]
        );
    }

    #[test]
    fn older_verb_endings_meet_modern_ones() {
        for (old, modern) in [
            ("he walketh", "he walks"),
            ("it perisheth", "it perishes"),
            ("he hateth", "he hates"),
            ("he loveth", "he loves"),
            ("he sinneth", "he sins"),
            ("the man dieth", "the man dies"),
            ("he blesseth", "he blesses"),
            ("he despiseth", "he despises"),
            ("he addeth", "he adds"),
            ("he erreth", "he errs"),
            ("he runneth", "he runs"),
            ("he forbiddeth", "he forbids"),
            ("she realiseth", "she realizes"),
        ] {
            assert_eq!(keys(old), keys(modern), "{old}");
        }
        assert_eq!(keys("twentieth teeth"), vec!["twentieth", "teeth"]);
    }

    /// Keys of the terms of `text` that `flag` picks.
    fn flagged(text: &str, flag: fn(&Term) -> bool) -> Vec<String> {
        let terms = Folder::new().terms(text);
        terms.into_iter().filter(flag).map(|t| t.key).collect()
    }

    #[test]
    fn numbers_are_kept_with_digit_grouping_folded() {
        let numbers = flagged("It rose by 1,000,000 in 2024", |t| t.number);
        assert_eq!(numbers, vec!["1000000", "2024"]);
    }

    #[test]
    fn us_the_country_is_not_the_pronoun() {
        assert_eq!(keys("the U.S. told us"), vec!["u.s.", "told"]);
        assert_eq!(keys("US forces"), vec!["u.s.", "forc"]);
    }

    #[test]
    fn quoted_words_are_marked() {
        let quoted = flagged("Kang said \u{201C}peace matters\u{201D} today", |t| {
            t.quoted
        });
        assert_eq!(quoted, vec!["peac", "matter"]);
    }

    #[test]
    fn hangul_and_han_words_are_kept() {
        assert_eq!(keys("이재명 대통령"), vec!["이재명", "대통령"]);
        assert_eq!(keys("习近平"), vec!["习", "近", "平"]);
    }
}
