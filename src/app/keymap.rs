//! The key map as data: assets/keymap.toml, compiled in, with a config file's remaps on
//! top. The key handling, the help, the status line's hints, the moved-paragraph label
//! and the README's key table all read it, so they cannot drift apart.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Action;
use super::key::{BadKey, Key, key_name};

/// The default key map, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One binding: the keys for an action, and what the help says it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// What a config file's `[keys]` table calls it.
    pub name: String,
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: String,
}

/// A status-line hint: the first key of each named binding, then a word.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Hint {
    pub names: Vec<String>,
    pub text: String,
}

/// Mouse input, listed in the help; not remappable.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Mouse {
    pub input: String,
    pub help: String,
}

#[derive(Deserialize)]
struct RawBinding {
    name: String,
    keys: Vec<String>,
    action: Action,
    help: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeymap {
    bind: Vec<RawBinding>,
    hint: Vec<Hint>,
    mouse: Vec<Mouse>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    pub hints: Vec<Hint>,
    pub mouse: Vec<Mouse>,
}

/// Why a remap cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemapError {
    #[error("no key binding is called {0:?} (`diverge config --default` lists them)")]
    UnknownName(String),
    #[error(transparent)]
    BadKey(#[from] BadKey),
}

impl Default for Keymap {
    fn default() -> Keymap {
        // The shipped file is checked by a test; a broken build of it is a bug, and the
        // reader still runs, with no keys but the fixed ones (Esc, Ctrl-c).
        Keymap::parse(DEFAULT_KEYMAP).unwrap_or(Keymap {
            bindings: Vec::new(),
            hints: Vec::new(),
            mouse: Vec::new(),
        })
    }
}

impl Keymap {
    fn parse(text: &str) -> Result<Keymap, String> {
        let raw: RawKeymap = toml::from_str(text).map_err(|e| e.to_string())?;
        let bindings = raw
            .bind
            .into_iter()
            .map(|b| {
                let keys: Result<Vec<Key>, BadKey> = b.keys.iter().map(|k| Key::parse(k)).collect();
                keys.map(|keys| Binding {
                    name: b.name,
                    keys,
                    action: b.action,
                    help: b.help,
                })
            })
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        Ok(Keymap {
            bindings,
            hints: raw.hint,
            mouse: raw.mouse,
        })
    }

    /// Gives binding `name` the keys `keys` instead of its own; a key another binding
    /// had moves here.
    pub fn remap(&mut self, name: &str, keys: &[String]) -> Result<(), RemapError> {
        let keys: Vec<Key> = keys
            .iter()
            .map(|k| Key::parse(k))
            .collect::<Result<_, _>>()?;
        if !self.bindings.iter().any(|b| b.name == name) {
            return Err(RemapError::UnknownName(name.to_string()));
        }
        for binding in &mut self.bindings {
            if binding.name == name {
                binding.keys.clone_from(&keys);
            } else {
                binding.keys.retain(|k| !keys.contains(k));
            }
        }
        Ok(())
    }

    /// Applies every remap of a config file's `[keys]` table.
    pub fn remap_all(&mut self, table: &BTreeMap<String, Vec<String>>) -> Result<(), RemapError> {
        table
            .iter()
            .try_for_each(|(name, keys)| self.remap(name, keys))
    }

    /// The action `key` is bound to.
    pub fn action(&self, key: Key) -> Option<&Action> {
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| &b.action)
    }

    fn binding(&self, name: &str) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.name == name)
    }

    /// The label of the first key bound to `action`, or "" when none is.
    pub fn label(&self, action: &Action) -> String {
        self.bindings
            .iter()
            .find(|b| &b.action == action)
            .and_then(|b| b.keys.first())
            .map(Key::to_string)
            .unwrap_or_default()
    }

    /// The keys of a binding as the help shows them: "j ↓".
    pub fn keys_label(binding: &Binding) -> String {
        let keys: Vec<String> = binding.keys.iter().map(Key::to_string).collect();
        keys.join(" ")
    }

    /// The status line's hints, "q quit", "j/k scroll", in order; a hint whose bindings
    /// have no key left is dropped.
    pub fn hints(&self) -> Vec<String> {
        self.hints
            .iter()
            .filter_map(|hint| {
                let keys: Option<Vec<String>> = hint
                    .names
                    .iter()
                    .map(|n| Some(self.binding(n)?.keys.first()?.to_string()))
                    .collect();
                Some(format!("{} {}", keys?.join("/"), hint.text))
            })
            .collect()
    }

    /// The hint for the help key, which the status line always keeps.
    pub fn help_hint(&self) -> String {
        format!("{} help", self.label(&Action::ToggleHelp))
    }

    /// Lines of the help: keys, then what they do; mouse input last.
    pub fn help_lines(&self) -> Vec<(String, String)> {
        let keys = self
            .bindings
            .iter()
            .filter(|b| !b.keys.is_empty())
            .map(|b| (Keymap::keys_label(b), b.help.clone()));
        let mouse = self.mouse.iter().map(|m| (m.input.clone(), m.help.clone()));
        keys.chain(mouse).collect()
    }

    /// Every binding as `diverge config --keys` lists it: name, keys, what it does.
    pub fn listing(&self) -> String {
        let width = self
            .bindings
            .iter()
            .map(|b| b.name.len())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for b in &self.bindings {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("{:?}", key_name(*k)))
                .collect();
            out.push_str(&format!(
                "{:<width$} = [{}]  # {}\n",
                b.name,
                keys.join(", "),
                b.help
            ));
        }
        out
    }

    /// The README's key table, in Markdown.
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| Key | Does | Name in `[keys]` |\n|---|---|---|\n");
        let code = |label: &str| -> String {
            label
                .split(' ')
                .map(|k| match k {
                    "|" => "`\\|`".to_string(),
                    k => format!("`{k}`"),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        for binding in self.bindings.iter().filter(|b| !b.keys.is_empty()) {
            let keys = code(&Keymap::keys_label(binding));
            out.push_str(&format!(
                "| {keys} | {} | `{}` |\n",
                binding.help, binding.name
            ));
        }
        for mouse in &self.mouse {
            out.push_str(&format!("| {} | {} | |\n", mouse.input, mouse.help));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::side::Side;

    #[test]
    fn the_shipped_keymap_reads_and_binds_every_key_once() {
        let map = Keymap::parse(DEFAULT_KEYMAP).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(map, Keymap::default());
        let mut seen = std::collections::HashSet::new();
        for binding in &map.bindings {
            for key in &binding.keys {
                assert!(seen.insert(*key), "{key} is bound twice");
                assert!(
                    !key.char().is_some_and(|c| c.is_ascii_digit()),
                    "digits are counts"
                );
            }
        }
        let key = |k| Key::parse(k).unwrap();
        assert_eq!(map.action(key("q")), Some(&Action::Quit));
        assert_eq!(map.action(key("Down")), Some(&Action::Scroll(1)));
        assert_eq!(map.action(key("}")), Some(&Action::NextOutlet(Side::Right)));
        assert_eq!(map.label(&Action::JumpMoved), "m");
        for hint in &map.hints {
            for name in &hint.names {
                assert!(map.binding(name).is_some(), "hint names {name}");
            }
        }
    }

    #[test]
    fn a_remap_moves_the_key_and_the_labels_follow() {
        let mut map = Keymap::default();
        map.remap("quit", &["Q".to_string()]).unwrap();
        map.remap("moved", &["M".to_string()]).unwrap();
        let key = |k| Key::parse(k).unwrap();
        assert_eq!(map.action(key("q")), None);
        assert_eq!(map.action(key("Q")), Some(&Action::Quit));
        assert_eq!(map.label(&Action::JumpMoved), "M");
        assert!(map.hints().contains(&"Q quit".to_string()));
        assert!(map.help_lines().contains(&("Q".into(), "quit".into())));
        // A key taken from another binding leaves it.
        map.remap("swap", &["j".to_string()]).unwrap();
        assert_eq!(map.action(key("j")), Some(&Action::Swap));
        assert!(map.hints().contains(&"↓/k scroll".to_string()));
        assert_eq!(
            map.remap("nope", &[]),
            Err(RemapError::UnknownName("nope".into()))
        );
        assert!(map.remap("quit", &["Hyper-q".to_string()]).is_err());
    }

    #[test]
    fn readme_key_table_is_the_keymap() {
        let readme = include_str!("../../README.md");
        let table = Keymap::default().markdown_table();
        assert!(
            readme.contains(&table),
            "README.md's key table differs from assets/keymap.toml; it should read:\n{table}"
        );
    }
}
