//! House-style normalisation: the key a token is compared by when style differences
//! should count as equal. Keys only decide equality; the text shown is never changed.
//!
//! A rule may map two spellings to one key only when no two different real words
//! collide, which is why the spelling rules carry length limits and exception lists.

use unicode_normalization::UnicodeNormalization;

use crate::text::{Token, TokenKind, is_invisible};

/// Marks that some houses set with spaces around them and others without.
const SPACED_MARKS: &[char] = &['/', '\u{2026}', '\u{2013}', '\u{2014}', '-'];

const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "mx", "prof"];

/// Comparison key of one token's text under house-style normalisation; `None` for tokens
/// that normalisation ignores altogether is decided by [`ignored_tokens`].
pub fn style_key(text: &str, kind: TokenKind) -> String {
    match kind {
        TokenKind::Space => " ".to_string(),
        TokenKind::Punct => punct_key(text),
        TokenKind::Word => word_key(text),
    }
}

fn punct_key(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            other => other,
        })
        .collect()
}

fn word_key(text: &str) -> String {
    // Canonical equivalents ("café" composed or not) are one word. ASCII has no
    // invisible character and is its own NFC, and composing was most of a fold's time.
    let lower = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        let text: String = text.chars().filter(|&c| !is_invisible(c)).nfc().collect();
        punct_key(&text).to_lowercase()
    };
    let lower = undot_abbreviation(&lower).unwrap_or(lower);
    let lower = ungroup_digits(&lower).unwrap_or(lower);
    american_spelling(&lower)
}

/// "u.s" -> "us", "u.n" -> "un": letters separated by single dots.
fn undot_abbreviation(word: &str) -> Option<String> {
    if !word.contains('.') {
        return None;
    }
    let parts: Vec<&str> = word.split('.').collect();
    let all_single_letters = parts
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    all_single_letters.then(|| parts.concat())
}

/// "1,000,000" -> "1000000"; a decimal point stays.
fn ungroup_digits(word: &str) -> Option<String> {
    let grouped = word.contains(',')
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && word.split(',').skip(1).all(|g| g.len() >= 3);
    grouped.then(|| word.replace(',', ""))
}

/// British spellings mapped to American ones.
fn american_spelling(word: &str) -> String {
    const ISE: &[(&str, &str)] = &[
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("iser", "izer"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
    ];
    const OUR_TAILS: &[&str] = &[
        "", "s", "ed", "ing", "able", "ably", "ite", "ites", "ful", "less",
    ];
    const ENCE: &[(&str, &str)] = &[
        ("defence", "defense"),
        ("defences", "defenses"),
        ("offence", "offense"),
        ("offences", "offenses"),
        ("pretence", "pretense"),
        ("licence", "license"),
        ("licences", "licenses"),
    ];
    if let Some((_, us)) = ENCE.iter().find(|(uk, _)| *uk == word) {
        return (*us).to_string();
    }
    let n = word.chars().count();
    if n >= 5 {
        for (uk, us) in ISE {
            if let Some(stem) = word.strip_suffix(uk) {
                if stem.chars().count() >= 2 {
                    return format!("{stem}{us}");
                }
            }
        }
    }
    // -our -> -or (colour, favourable), with a stem long enough to spare four/your/hour/flour.
    for tail in OUR_TAILS {
        if let Some(stem) = word.strip_suffix(tail).and_then(|w| w.strip_suffix("our")) {
            if stem.chars().count() >= 3 && !stem.ends_with('o') {
                return format!("{stem}or{tail}");
            }
        }
    }
    // -tre/-bre/-gre -> -ter/-ber/-ger (centre, fibre, meagre), not ogre or acre.
    for tail in ["", "s", "d"] {
        if let Some(stem) = word.strip_suffix(tail).and_then(|w| w.strip_suffix("re")) {
            if stem.chars().count() >= 4
                && (stem.ends_with('t') || stem.ends_with('b') || stem.ends_with('g'))
            {
                return format!("{stem}er{tail}");
            }
        }
    }
    // Doubled l before a suffix: travelled, cancelling, counsellor, modelled.
    for tail in ["ed", "ing", "er", "ers", "or", "ors"] {
        if let Some(stem) = word.strip_suffix(tail).and_then(|w| w.strip_suffix("ll")) {
            if stem.chars().count() >= 4 && (stem.ends_with('e') || stem.ends_with('a')) {
                return format!("{stem}l{tail}");
            }
        }
    }
    word.to_string()
}

/// Indexes of tokens that normalisation ignores: an honorific (and its dot and the space
/// after it) before a capitalised name, the dot that closes a dotted abbreviation
/// ("U.S." is the word "U.S" plus "."; "US" has no such dot), and spaces beside a
/// slash, dash or ellipsis on the same line.
pub fn ignored_tokens(text: &str, tokens: &[Token]) -> Vec<bool> {
    let piece = |i: usize| tokens.get(i).and_then(|t| text.get(t.range.clone()));
    let kind = |i: usize| tokens.get(i).map(|t| t.kind);
    let mut ignored = vec![false; tokens.len()];
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Word {
            continue;
        }
        let Some(word) = piece(i) else { continue };
        let lower = word.to_lowercase();
        if HONORIFICS.contains(&lower.as_str()) && word.starts_with(|c: char| c.is_uppercase()) {
            let mut j = i + 1;
            if piece(j) == Some(".") {
                j += 1;
            }
            let name_follows = kind(j) == Some(TokenKind::Space)
                && !piece(j).is_some_and(|s| s.contains('\n'))
                && piece(j + 1).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            if name_follows {
                for flag in ignored.iter_mut().take(j + 1).skip(i) {
                    *flag = true;
                }
            }
        } else if undot_abbreviation(&lower).is_some()
            && piece(i + 1) == Some(".")
            && i + 2 < tokens.len()
        {
            if let Some(flag) = ignored.get_mut(i + 1) {
                *flag = true;
            }
        }
    }
    // Spacing around slashes, dashes and ellipses is house typography ("SEOUL/ BEIJING",
    // "issues …", "2016 — to"); spacing after a comma or full stop is not, so those keep
    // their spaces.
    let kept_punct = |i: usize, ignored: &[bool]| {
        kind(i) == Some(TokenKind::Punct)
            && !ignored.get(i).copied().unwrap_or(true)
            && piece(i).is_some_and(|p| p.chars().all(|c| SPACED_MARKS.contains(&c)))
    };
    for i in 0..tokens.len() {
        let spacing = kind(i) == Some(TokenKind::Space)
            && !piece(i).is_some_and(|s| s.contains('\n'))
            && ((i > 0 && kept_punct(i - 1, &ignored)) || kept_punct(i + 1, &ignored));
        if let Some(flag) = ignored.get_mut(i).filter(|_| spacing) {
            *flag = true;
        }
    }
    ignored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn same(a: &str, b: &str) -> bool {
        word_key(a) == word_key(b)
    }

    #[test]
    fn canonical_equivalents_and_invisible_characters_are_one_word() {
        assert!(same("caf\u{e9}", "cafe\u{301}"));
        assert!(same("Seoul", "Se\u{200B}oul"));
        assert!(!same("cafe", "caf\u{e9}"));
    }

    #[test]
    fn case_is_ignored_but_words_still_differ() {
        assert!(same("Summit", "summit"));
        assert!(!same("summit", "summits"));
    }

    #[test]
    fn curly_and_straight_quotes_match() {
        assert!(same("Lee\u{2019}s", "Lee's"));
        assert_eq!(punct_key("\u{201C}"), punct_key("\""));
        assert_ne!(punct_key("\u{201C}"), punct_key("'"));
    }

    #[test]
    fn dashes_and_hyphens_match() {
        assert_eq!(punct_key("\u{2013}"), punct_key("-"));
        assert_eq!(punct_key("\u{2014}"), punct_key("-"));
        assert_ne!(punct_key("\u{2014}"), punct_key(","));
    }

    #[test]
    fn dotted_abbreviations_match_undotted_but_us_is_not_uk() {
        assert!(same("U.S", "US"));
        assert!(same("U.N", "UN"));
        assert!(!same("U.S", "UK"));
        assert!(!same("US", "UK"));
    }

    #[test]
    fn british_and_american_spellings_match() {
        for (uk, us) in [
            ("denuclearisation", "denuclearization"),
            ("organise", "organize"),
            ("realised", "realized"),
            ("colour", "color"),
            ("favourable", "favorable"),
            ("neighbours", "neighbors"),
            ("centre", "center"),
            ("theatres", "theaters"),
            ("travelled", "traveled"),
            ("cancelling", "canceling"),
            ("counsellor", "counselor"),
            ("defence", "defense"),
            ("analyse", "analyze"),
        ] {
            assert!(same(uk, us), "{uk} vs {us}");
        }
    }

    #[test]
    fn spelling_rules_leave_other_words_apart() {
        for (a, b) in [
            ("four", "for"),
            ("your", "yor"),
            ("hour", "hor"),
            ("filled", "filed"),
            ("more", "mor"),
            ("ogre", "oger"),
            ("defence", "offence"),
            ("rise", "raise"),
        ] {
            assert!(!same(a, b), "{a} vs {b}");
        }
    }

    #[test]
    fn digit_grouping_is_ignored_but_values_differ() {
        assert!(same("1,000", "1000"));
        assert!(same("4,600,000", "4600000"));
        assert!(!same("1,000", "100"));
        assert!(!same("4.6", "46"));
    }

    fn ignored_pieces(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        ignored_tokens(text, &tokens)
            .iter()
            .zip(&tokens)
            .filter(|(flag, _)| **flag)
            .map(|(_, t)| &text[t.range.clone()])
            .collect()
    }

    #[test]
    fn honorifics_before_names_are_ignored() {
        assert_eq!(
            ignored_pieces("Mr Lee met Ms Kang"),
            vec!["Mr", " ", "Ms", " "]
        );
        assert_eq!(ignored_pieces("Dr. Park spoke"), vec!["Dr", ".", " "]);
        assert!(ignored_pieces("the mr lee").is_empty());
        assert!(ignored_pieces("Mr said").is_empty());
    }

    #[test]
    fn spaces_beside_punctuation_are_ignored_but_not_line_breaks() {
        assert_eq!(ignored_pieces("SEOUL/ BEIJING"), vec![" "]);
        assert_eq!(ignored_pieces("issues \u{2026} as"), vec![" ", " "]);
        assert!(ignored_pieces("one two").is_empty());
        assert!(ignored_pieces("partner, and").is_empty());
        assert!(ignored_pieces("end.\nNext").is_empty());
    }

    #[test]
    fn abbreviation_dot_is_ignored_except_at_the_end() {
        assert_eq!(ignored_pieces("the U.S. missile"), vec!["."]);
        assert!(ignored_pieces("in the U.S.").is_empty());
    }
}
