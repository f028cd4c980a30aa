//! Splitting text into tokens that cover every byte: words, whitespace runs and single
//! punctuation marks, cut at unicode word boundaries (UAX #29), so Hangul words stay
//! whole while each CJK ideograph and each emoji is a token of its own.

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
    text.split_word_bound_indices()
        .map(|(start, piece)| Token {
            range: start..start + piece.len(),
            kind: kind_of(piece),
        })
        .collect()
}

/// Number of words in `text`, as the engine counts them for statistics.
pub fn count_words(text: &str) -> usize {
    text.split_word_bounds()
        .filter(|p| kind_of(p) == TokenKind::Word)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.range]).collect()
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

    #[test]
    fn counts_only_words() {
        assert_eq!(count_words("U.S. President — Donald Trump, 2025!"), 5);
    }
}
