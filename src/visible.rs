//! Making untrusted text safe to print: control characters and escape sequences from an
//! input are shown as visible symbols, never sent to the terminal raw.

use std::borrow::Cow;

/// True for characters a terminal would act on instead of showing: C0 controls other
/// than newline and tab, DEL, C1 controls, and bidirectional overrides that can reorder
/// what is shown.
fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for a hostile character: the Control Pictures block for C0 and
/// DEL (ESC becomes ␛), a `\u{..}` escape for the rest.
fn picture(c: char, out: &mut String) {
    let code = u32::from(c);
    match code {
        0..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}')),
        0x7F => out.push('\u{2421}'),
        _ => out.push_str(&format!("\\u{{{code:x}}}")),
    }
}

/// `text` with every hostile character replaced by a visible stand-in.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile(c) {
            picture(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\u{1b}[31mred"), "a\u{241b}[31mred");
        assert_eq!(visible("bell\u{7}\r"), "bell\u{2407}\u{240d}");
        assert_eq!(visible("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(visible("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Lee\u{2019}s call\n\t이재명 — 👍";
        assert!(matches!(visible(text), Cow::Borrowed(_)));
    }
}
