//! Making untrusted text safe to print: control characters and escape sequences from an
//! input are shown as visible symbols, never sent to the terminal raw. Every string from
//! an input that reaches stdout or stderr goes through one of the three functions here:
//! [`visible`] for text, [`visible_line`] for one-line messages, [`json_visible`] for JSON.

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

/// `text` as one line: hostile characters and line breaks shown as stand-ins, so a message
/// quoting an input (a file name with a newline in it) stays one line.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\t']) {
        return visible(text);
    }
    Cow::Owned(visible(text).replace('\n', "\u{2424}").replace('\t', " "))
}

/// Encoded JSON with DEL, C1 controls and bidirectional overrides written as `\u` escapes.
/// serde_json escapes only C0; the rest is valid JSON raw, but a consumer that prints a
/// string would send it to its terminal. Outside strings JSON is ASCII, so every such
/// character met here is inside a string, where a `\u` escape means the same.
pub fn json_visible(json: String) -> String {
    let escaped = match json_escaped(&json) {
        Cow::Owned(escaped) => Some(escaped),
        Cow::Borrowed(_) => None,
    };
    escaped.unwrap_or(json)
}

/// [`json_visible`] of borrowed JSON, copied only when something in it is escaped.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    // Every such character is DEL or above; ASCII below DEL, nearly all output, is looked
    // at a byte at a time, which the compiler does many bytes at once.
    if json.bytes().all(|b| b < 0x7f) || !json.chars().any(is_hostile) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_hostile(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
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
    fn a_line_stays_one_line() {
        assert_eq!(visible_line("a\nb\tc\u{1b}"), "a\u{2424}b c\u{241b}");
    }

    #[test]
    fn json_escapes_every_hostile_character_and_still_parses() {
        let text = "t\u{1b}]0;pwned\u{7}\u{9b}x\u{202e}y\u{7f}";
        let json = json_visible(serde_json::to_string(text).unwrap_or_default());
        assert_eq!(json, r#""t\u001b]0;pwned\u0007\u009bx\u202ey\u007f""#);
        assert!(json.is_ascii());
        let back: String = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, text);
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Lee\u{2019}s call\n\t이재명 — 👍";
        assert!(matches!(visible(text), Cow::Borrowed(_)));
    }
}
