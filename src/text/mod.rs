//! The base text layer both the story loaders and the diff engine stand on: tokens,
//! word counts, paragraphs and places in a text.

mod paragraphs;
mod tokens;

pub use paragraphs::{line_column, split_paragraphs};
pub use tokens::{Token, TokenKind, count_words, tokenize};
