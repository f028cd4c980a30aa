//! The base text layer both the story loaders and the diff engine stand on: tokens,
//! word counts, paragraphs and places in a text.

mod paragraphs;
mod tokens;

pub use paragraphs::{line_column, split_paragraphs};
#[cfg(test)]
pub(crate) use tokens::tests::mixed_text;
pub use tokens::{Token, TokenKind, count_words, for_each_token, pieces_at_breaks, tokenize};

/// Characters that take no cell and change no word (zero-width space, word joiner, byte
/// order mark, direction marks): a text may differ by one and look the same.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}'
    )
}
