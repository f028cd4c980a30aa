//! One key as the key map and config files write it ("j", "Ctrl-d", "PageDown"), as the
//! terminal reports it, and as the help and status line show it.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with the modifiers that matter to the key map: Ctrl and Alt. Shift is part of
/// the character itself (`G`, `?`), as terminals send it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// Names of the keys that are not characters, as written in the key map and in config
/// files, with the label the help shows.
/// A key's name in files, its code, and its label on screen.
type Named = (&'static str, KeyCode, &'static str);

const NAMED: &[Named] = &[
    ("Up", KeyCode::Up, "↑"),
    ("Down", KeyCode::Down, "↓"),
    ("Left", KeyCode::Left, "←"),
    ("Right", KeyCode::Right, "→"),
    ("PageUp", KeyCode::PageUp, "PgUp"),
    ("PageDown", KeyCode::PageDown, "PgDn"),
    ("Home", KeyCode::Home, "Home"),
    ("End", KeyCode::End, "End"),
    ("Tab", KeyCode::Tab, "Tab"),
    ("BackTab", KeyCode::BackTab, "Shift-Tab"),
    ("Enter", KeyCode::Enter, "Enter"),
    ("Esc", KeyCode::Esc, "Esc"),
    ("Backspace", KeyCode::Backspace, "Backspace"),
    ("Space", KeyCode::Char(' '), "space"),
];

/// Why a key name could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown key {0:?} (write a character, Ctrl-x, Alt-x, F1-F12 or a name such as PageDown)")]
pub struct BadKey(pub String);

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// The key a terminal event stands for.
    pub fn from_event(event: KeyEvent) -> Key {
        let code = match event.code {
            // Some terminals report Shift-Tab as Tab with Shift.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Reads "j", "G", "Ctrl-d", "Alt-1", "F5", "PageDown", "Space".
    pub fn parse(name: &str) -> Result<Key, BadKey> {
        let bad = || BadKey(name.to_string());
        let mut rest = name;
        let mut key = Key::plain(KeyCode::Null);
        loop {
            if let Some(r) = strip_prefix_ci(rest, "Ctrl-").filter(|r| !r.is_empty()) {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "Alt-").filter(|r| !r.is_empty()) {
                key.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) if key.ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            (Some(c), None) => KeyCode::Char(c),
            _ => NAMED
                .iter()
                .find(|(n, _, _)| n.eq_ignore_ascii_case(rest))
                .map(|&(_, code, _)| code)
                .or_else(|| function_key(rest))
                .ok_or_else(bad)?,
        };
        Ok(key)
    }

    /// The character typed, for keys that type one (no Ctrl or Alt).
    pub fn char(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

/// The name a config file writes for `key`: "j", "Ctrl-d", "PageDown", "Space".
pub fn key_name(key: Key) -> String {
    spell(key, |&(name, _, _)| name)
}

/// `key` with its modifiers, a named key spelt by `pick` from its row of [`NAMED`].
fn spell(key: Key, pick: impl Fn(&'static Named) -> &'static str) -> String {
    let mut out = String::new();
    if key.ctrl {
        out.push_str("Ctrl-");
    }
    if key.alt {
        out.push_str("Alt-");
    }
    match (key.code, NAMED.iter().find(|(_, c, _)| *c == key.code)) {
        (_, Some(row)) => out.push_str(pick(row)),
        (KeyCode::F(n), None) => out.push_str(&format!("F{n}")),
        (KeyCode::Char(c), None) => out.push(c),
        (other, None) => out.push_str(&format!("{other:?}")),
    }
    out
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

fn function_key(name: &str) -> Option<KeyCode> {
    let n: u8 = strip_prefix_ci(name, "F")?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}

impl fmt::Display for Key {
    /// The label the help and status line show: "j", "↓", "Ctrl-d", "PgDn".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&spell(*self, |&(_, _, label)| label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_and_print_as_the_help_shows_them() {
        let cases = [
            ("j", "j"),
            ("G", "G"),
            ("Ctrl-d", "Ctrl-d"),
            ("ctrl-D", "Ctrl-d"),
            ("Alt-1", "Alt-1"),
            ("PageDown", "PgDn"),
            ("Space", "space"),
            ("Down", "↓"),
            ("F5", "F5"),
            ("BackTab", "Shift-Tab"),
            ("-", "-"),
        ];
        for (name, label) in cases {
            let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(key.to_string(), label, "{name}");
            assert_eq!(Key::parse(&key_name(key)), Ok(key), "{name}");
        }
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("").is_err());
        assert!(Key::parse("F13").is_err());
    }

    #[test]
    fn terminal_events_match_the_names() {
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shift_g), Key::parse("G").unwrap());
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(ctrl_d), Key::parse("Ctrl-d").unwrap());
        let shift_tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shift_tab), Key::parse("BackTab").unwrap());
    }
}
