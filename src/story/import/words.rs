//! Loose word comparison for finding a summary's sentences again in a body: outlets and
//! page editors retouch sentences (tense, possessives, "Mr"), so exact matching is too
//! strict and a diff is too costly for every line pair.

use std::collections::HashSet;

/// Words that say nothing about content; counting them would make any two lines overlap.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "his", "in", "is", "it", "its", "not", "of", "on", "or", "said", "says", "she",
    "that", "the", "their", "this", "to", "was", "were", "which", "will", "with", "would",
];

/// Comparison keys are word prefixes: five characters keep "pledge"/"pledged" and
/// "invites"/"invited" together without a stemmer.
const KEY_CHARS: usize = 5;

/// The distinct content-word keys of a text.
pub(super) fn keys(text: &str) -> HashSet<String> {
    lower_words(text)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| key(&w))
        .collect()
}

/// The distinct keys of every word of a text, stopwords too: for a line with too few
/// content words to be recognised by them alone.
pub(super) fn all_keys(text: &str) -> HashSet<String> {
    lower_words(text).map(|w| key(&w)).collect()
}

/// The words of a text in lower case, one-letter words left out.
fn lower_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 2)
}

fn key(word: &str) -> String {
    word.chars().take(KEY_CHARS).collect()
}

/// The share of `part`'s keys that `whole` also has (0 when `part` is empty).
pub(super) fn coverage(part: &HashSet<String>, whole: &HashSet<String>) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    let found = part.iter().filter(|k| whole.contains(*k)).count();
    found as f64 / part.len() as f64
}

/// Characters that may close a sentence after its final punctuation.
pub(super) const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']'];
/// Characters that may open a sentence before its first word: quotes, and the bracket
/// of a sentence said aside ("… the world. (It was that Mary …)").
const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '['];
/// Punctuation that ends a sentence.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '…'];

/// Whether a line ends a sentence: a final `.`, `!`, `?` or `…`, possibly inside closing
/// quotes or brackets. Headlines and captions do not; prose paragraphs do.
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(CLOSERS)
        .ends_with(SENTENCE_ENDS)
}

/// The sentences of a paragraph. A sentence ends at `.`, `!`, `?` or `…` (with any
/// closing quotes) followed by a space and a capital, digit or opening quote, so "U.S.
/// missile" and "11:30 a.m. on" stay whole. A sentence may open with a quote or a bracket.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !SENTENCE_ENDS.contains(&c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if !CLOSERS.contains(&q) {
                break;
            }
            end = j + q.len_utf8();
            chars.next();
        }
        let rest = text.get(end..).unwrap_or_default();
        let next = rest.trim_start().chars().next();
        let starts_new = rest.starts_with(char::is_whitespace)
            && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n));
        if starts_new {
            out.extend(text.get(start..end).map(str::trim));
            start = end;
        }
    }
    let tail = text.get(start..).unwrap_or_default().trim();
    if !tail.is_empty() {
        out.push(tail);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_stopwords_and_inflection() {
        let a = keys("Lee, Xi pledge closer ties");
        let b = keys("the leaders Lee and Xi pledged CLOSER ties");
        assert_eq!(coverage(&a, &b), 1.0);
        assert!(!keys("the and of").iter().any(|k| k == "the"));
    }

    #[test]
    fn sentences_split_on_ends_not_abbreviations() {
        assert_eq!(
            sentences("A U.S. missile. It began at 11:30 a.m. on Tuesday. “Yes,” he said! 2 more…"),
            vec![
                "A U.S. missile.",
                "It began at 11:30 a.m. on Tuesday.",
                "“Yes,” he said!",
                "2 more…"
            ]
        );
    }

    #[test]
    fn a_sentence_in_brackets_after_another_is_a_sentence_of_its_own() {
        assert_eq!(
            sentences("He seeth the light of this world. (It was that Mary which anointed.)"),
            vec![
                "He seeth the light of this world.",
                "(It was that Mary which anointed.)"
            ]
        );
    }

    #[test]
    fn sentence_ends_inside_quotes_count() {
        assert!(ends_sentence(
            "ensure ties move forward “on the right track.”"
        ));
        assert!(ends_sentence("Sign up here. "));
        assert!(!ends_sentence(
            "Lee invites Xi to APEC summit as both vow to forge ‘new ties’"
        ));
        assert!(!ends_sentence(
            "Our Standards: The Thomson Reuters Trust Principles. , opens new tab"
        ));
    }
}
