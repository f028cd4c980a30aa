//! Splitting text into tokens that cover every byte: words, whitespace runs and single
//! punctuation marks, cut at unicode word boundaries (UAX #29), so Hangul words stay
//! whole while each CJK ideograph and each emoji is a token of its own.
//!
//! Most text the engine sees is ASCII, and looking up UAX #29 categories was a third of
//! a large comparison's time, so ASCII stretches are cut by the same rules written out
//! for the ASCII categories (`ascii`), and only stretches holding other characters go
//! through the full Unicode tables. A property test holds the two paths to one result.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Space,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text the token was cut from.
    pub range: Range<usize>,
    pub kind: TokenKind,
}

fn kind_of(piece: &str) -> TokenKind {
    if piece.chars().all(char::is_whitespace) {
        TokenKind::Space
    } else if piece.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// Tokens of `text`, in order; their ranges tile the text exactly.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    for_each_token(text, |range, kind| out.push(Token { range, kind }));
    out
}

/// Number of words in `text`, as the engine counts them for statistics.
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    for_each_token(text, |_, kind| n += usize::from(kind == TokenKind::Word));
    n
}

/// `text` in consecutive pieces, each cut at the first place at least `first` bytes in
/// (doubling from piece to piece) where UAX #29 breaks whatever surrounds it: after a
/// space and before a visible ASCII character. Each piece tokenises as it does in the
/// whole, so counting words piece by piece can stop as soon as enough are found.
pub fn pieces_at_breaks(text: &str, first: usize) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut start, mut size) = (0, first.max(1));
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = (start + size..bytes.len())
            .find(|&i| {
                matches!(
                    (bytes.get(i - 1), bytes.get(i)),
                    (Some(b' '), Some(b)) if b.is_ascii_graphic()
                )
            })
            .unwrap_or(bytes.len());
        let piece = text.get(start..end);
        (start, size) = (end, size.saturating_mul(2));
        piece
    })
}

/// Calls `f` with each token of `text` in order, without collecting them.
pub fn for_each_token(text: &str, mut f: impl FnMut(Range<usize>, TokenKind)) {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        return ascii::tokens(bytes, f);
    }
    let mut start = 0;
    while start < bytes.len() {
        let end = stretch_end(bytes, start);
        let stretch = text.get(start..end).unwrap_or_default();
        if stretch.is_ascii() {
            ascii::tokens(stretch.as_bytes(), |r, kind| {
                f(start + r.start..start + r.end, kind)
            });
        } else {
            for (at, piece) in stretch.split_word_bound_indices() {
                f(start + at..start + at + piece.len(), kind_of(piece));
            }
        }
        start = end;
    }
}

/// End of the stretch starting at `start`: the first place after it where UAX #29 breaks
/// whatever surrounds it, an ASCII whitespace byte beside an ASCII byte that is not
/// (or a line break beside anything ASCII but the `\n` of a `\r\n`). No rule joins across
/// such a place, so each stretch can be cut on its own.
fn stretch_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let (Some(&a), Some(&b)) = (bytes.get(i - 1), bytes.get(i)) {
        if a.is_ascii() && b.is_ascii() && ascii::always_breaks(a, b) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// UAX #29 word boundaries for ASCII text, the rules that can apply to ASCII categories.
mod ascii {
    use std::ops::Range;

    use super::TokenKind;

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Cat {
        Cr,
        Lf,
        Newline,
        Space,
        Letter,
        Numeric,
        /// `_` (ExtendNumLet)
        Joiner,
        /// `:` (MidLetter)
        MidLetter,
        /// `.` (MidNumLet)
        MidNumLet,
        /// `'` (Single_Quote)
        Quote,
        /// `,` and `;` (MidNum)
        MidNum,
        Other,
    }

    /// The category of every byte, looked up rather than matched: the tokeniser asks
    /// for one or two per byte of every text the engine reads.
    const CATS: [Cat; 256] = {
        let mut cats = [Cat::Other; 256];
        let mut rest: &mut [Cat] = &mut cats;
        let mut b: u8 = 0;
        while let [slot, tail @ ..] = rest {
            *slot = cat_of(b);
            rest = tail;
            b = b.wrapping_add(1);
        }
        cats
    };

    fn cat(b: u8) -> Cat {
        CATS.get(usize::from(b)).copied().unwrap_or(Cat::Other)
    }

    const fn cat_of(b: u8) -> Cat {
        match b {
            b'\r' => Cat::Cr,
            b'\n' => Cat::Lf,
            0x0b | 0x0c => Cat::Newline,
            b' ' => Cat::Space,
            b'a'..=b'z' | b'A'..=b'Z' => Cat::Letter,
            b'0'..=b'9' => Cat::Numeric,
            b'_' => Cat::Joiner,
            b':' => Cat::MidLetter,
            b'.' => Cat::MidNumLet,
            b'\'' => Cat::Quote,
            b',' | b';' => Cat::MidNum,
            _ => Cat::Other,
        }
    }

    fn is_line_break(c: Cat) -> bool {
        matches!(c, Cat::Cr | Cat::Lf | Cat::Newline)
    }

    /// True where UAX #29 breaks between `a` and `b` whatever comes before or after:
    /// around a line break (but inside `\r\n`), and between a space and a non-space.
    pub(super) fn always_breaks(a: u8, b: u8) -> bool {
        let (x, y) = (cat(a), cat(b));
        if (x, y) == (Cat::Cr, Cat::Lf) {
            return false;
        }
        is_line_break(x) || is_line_break(y) || ((x == Cat::Space) != (y == Cat::Space))
    }

    fn in_word(c: Cat) -> bool {
        matches!(c, Cat::Letter | Cat::Numeric | Cat::Joiner)
    }

    /// How many bytes a word starting at `start` takes (WB5–WB13b for ASCII).
    fn word_len(bytes: &[u8], start: usize) -> usize {
        let mut end = start + 1;
        let mut prev = bytes.get(start).map_or(Cat::Other, |&p| cat(p));
        while let Some(&b) = bytes.get(end) {
            let next = cat(b);
            if in_word(next) {
                prev = next;
                end += 1;
                continue;
            }
            // A letter or digit, a middle mark, and the same again stay one word:
            // "can't", "e.g", "3.14", "1,000".
            let after = bytes.get(end + 1).map_or(Cat::Other, |&c| cat(c));
            let joins = matches!(
                (prev, next, after),
                (
                    Cat::Letter,
                    Cat::MidLetter | Cat::MidNumLet | Cat::Quote,
                    Cat::Letter
                ) | (
                    Cat::Numeric,
                    Cat::MidNum | Cat::MidNumLet | Cat::Quote,
                    Cat::Numeric
                )
            );
            if !joins {
                break;
            }
            prev = after;
            end += 2;
        }
        end
    }

    /// Calls `f` with the range and kind of each token of an ASCII text.
    pub(super) fn tokens(bytes: &[u8], mut f: impl FnMut(Range<usize>, TokenKind)) {
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let c = cat(b);
            let (len, kind) = match c {
                Cat::Cr if bytes.get(i + 1) == Some(&b'\n') => (2, TokenKind::Space),
                Cat::Space => (
                    bytes
                        .get(i..)
                        .map_or(1, |rest| rest.iter().take_while(|&&x| x == b' ').count()),
                    TokenKind::Space,
                ),
                Cat::Letter | Cat::Numeric | Cat::Joiner => {
                    let len = word_len(bytes, i) - i;
                    // Only a run starting with `_` can hold no letter or digit.
                    let alnum = c != Cat::Joiner
                        || bytes
                            .get(i..i + len)
                            .is_some_and(|w| w.iter().any(u8::is_ascii_alphanumeric));
                    let kind = if alnum {
                        TokenKind::Word
                    } else {
                        TokenKind::Punct
                    };
                    (len, kind)
                }
                _ if char::from(b).is_whitespace() => (1, TokenKind::Space),
                _ => (1, TokenKind::Punct),
            };
            f(i..i + len, kind);
            i += len;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pieces(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.range]).collect()
    }

    /// The tokens of the Unicode rules alone, the reference for the ASCII path.
    fn unicode_tokens(text: &str) -> Vec<Token> {
        text.split_word_bound_indices()
            .map(|(start, piece)| Token {
                range: start..start + piece.len(),
                kind: kind_of(piece),
            })
            .collect()
    }

    #[test]
    fn words_spaces_and_punctuation_are_separate() {
        assert_eq!(
            pieces("Lee's office, 10  June."),
            vec!["Lee's", " ", "office", ",", " ", "10", "  ", "June", "."]
        );
    }

    #[test]
    fn hangul_words_stay_whole_and_han_splits_per_character() {
        assert_eq!(pieces("이재명 대통령"), vec!["이재명", " ", "대통령"]);
        assert_eq!(pieces("习近平"), vec!["习", "近", "平"]);
    }

    #[test]
    fn emoji_is_one_token() {
        assert_eq!(pieces("ok 👍🏽!"), vec!["ok", " ", "👍🏽", "!"]);
    }

    #[test]
    fn tokens_tile_the_text() {
        let text = "a\u{1b}[31m b\r\n\t한국어 🇰🇷…";
        let joined: String = pieces(text).concat();
        assert_eq!(joined, text);
    }

    proptest! {
        /// Pieces cut where the rules always break tile the text and hold its words.
        #[test]
        fn pieces_at_breaks_tile_the_text_and_count_its_words(
            text in mixed_text(),
            first in 1usize..12,
        ) {
            let pieces: Vec<&str> = pieces_at_breaks(&text, first).collect();
            prop_assert_eq!(pieces.concat(), text.clone());
            let counted: usize = pieces.iter().map(|p| count_words(p)).sum();
            prop_assert_eq!(counted, count_words(&text));
        }
    }

    #[test]
    fn counts_only_words() {
        assert_eq!(count_words("U.S. President — Donald Trump, 2025!"), 5);
    }

    #[test]
    fn ascii_middle_marks_join_only_between_letters_or_digits() {
        assert_eq!(
            pieces("e.g. 3.14 1,000 10:30 a:b can't _x_ a__"),
            vec![
                "e.g", ".", " ", "3.14", " ", "1,000", " ", "10", ":", "30", " ", "a:b", " ",
                "can't", " ", "_x_", " ", "a__"
            ]
        );
    }

    #[test]
    fn ascii_cut_beside_a_combining_mark_matches_unicode() {
        for text in [
            " \u{301}a",
            "a \u{301}",
            "\n\u{301}",
            "a.\u{301}b",
            "\r\u{301}\n",
        ] {
            assert_eq!(tokenize(text), unicode_tokens(text), "{text:?}");
        }
    }

    /// Text mixing the characters whose categories drive the ASCII rules with spaces,
    /// line breaks, control bytes and a few non-ASCII letters, marks and punctuation.
    pub(crate) fn mixed_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-zA-Z0-9_.,;:'\" \t\r\n!?()\\-]{1,6}",
            Just("\u{b}\u{c}\u{1b}\u{7f}".to_string()),
            Just("é".to_string()),
            Just("\u{301}".to_string()),
            Just("\u{200d}".to_string()),
            Just("\u{2019}".to_string()),
            Just("\u{a0}".to_string()),
            Just("\u{85}".to_string()),
            Just("한".to_string()),
            Just("👍🏽".to_string()),
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn fast_path_gives_the_unicode_tokens(text in mixed_text()) {
            prop_assert_eq!(tokenize(&text), unicode_tokens(&text));
        }

        #[test]
        fn fast_path_gives_the_unicode_tokens_on_any_ascii(text in "[\\x00-\\x7f]{0,40}") {
            prop_assert_eq!(tokenize(&text), unicode_tokens(&text));
        }
    }
}
