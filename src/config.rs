//! The config file: `$XDG_CONFIG_HOME/diverge/config.toml` (or the platform's
//! equivalent): key remaps, theme, the view, mouse and house style at start. A bad file
//! costs one line on stderr, never the reader.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::{Keymap, Prefs};
use crate::layout::View;
use crate::text::line_column;

/// The commented default config, as `diverge config --default` prints it.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Dark unless the terminal says (through COLORFGBG) its background is light.
    #[default]
    Auto,
    Dark,
    Light,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    #[serde(default)]
    theme: Theme,
    #[serde(default)]
    view: Option<View>,
    #[serde(default = "yes")]
    mouse: bool,
    #[serde(default)]
    house_style: bool,
    #[serde(default)]
    keys: BTreeMap<String, toml::Spanned<Vec<String>>>,
}

fn yes() -> bool {
    true
}

/// A config file that cannot be used: where and why, in one line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Where the config file is looked for.
pub fn path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("diverge").join("config.toml"))
}

/// The reader's start-up preferences from the config file: defaults when there is none.
pub fn load() -> Result<Prefs, ConfigError> {
    match path() {
        Some(path) if path.exists() => {
            let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
                path: path.display().to_string(),
                source,
            })?;
            parse(&path, &text, background_is_light())
        }
        _ => Ok(Prefs {
            light: background_is_light(),
            ..Prefs::default()
        }),
    }
}

/// Reads a config file's text; `light` is what `auto` means here.
pub fn parse(path: &Path, text: &str, light: bool) -> Result<Prefs, ConfigError> {
    let invalid = |offset: usize, message: String| {
        let (line, column) = line_column(text, offset);
        ConfigError::Invalid {
            path: path.display().to_string(),
            line,
            column,
            message,
        }
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        invalid(offset, e.message().trim().replace('\n', " "))
    })?;
    let mut keymap = Keymap::default();
    for (name, keys) in &file.keys {
        keymap
            .remap(name, keys.get_ref())
            .map_err(|e| invalid(keys.span().start, e.to_string()))?;
    }
    Ok(Prefs {
        keymap,
        view: file.view,
        normalize: file.house_style,
        no_mouse: !file.mouse,
        light: match file.theme {
            Theme::Auto => light,
            Theme::Dark => false,
            Theme::Light => true,
        },
        note: None,
    })
}

/// What COLORFGBG (set by rxvt, Konsole and others as "fg;bg") says of the background:
/// light for colour 7 or 15. A terminal that does not say is taken to be dark.
fn background_is_light() -> bool {
    std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| v.rsplit(';').next()?.parse::<u8>().ok())
        .is_some_and(|bg| bg == 7 || bg == 15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Key};

    fn parse_str(text: &str) -> Result<Prefs, ConfigError> {
        parse(Path::new("config.toml"), text, false)
    }

    #[test]
    fn the_default_file_gives_the_defaults() {
        let prefs = parse_str(DEFAULT_CONFIG).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(prefs, Prefs::default());
    }

    #[test]
    fn settings_and_remaps_apply() {
        let prefs = parse_str(
            "theme = \"light\"\nview = \"inline\"\nmouse = false\nhouse-style = true\n\
             [keys]\nquit = [\"Q\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(prefs.light && prefs.no_mouse && prefs.normalize);
        assert_eq!(prefs.view, Some(View::Inline));
        let q = |k| prefs.keymap.action(Key::parse(k).unwrap()).cloned();
        assert_eq!(q("Q"), Some(Action::Quit));
        assert_eq!(q("q"), None);
    }

    #[test]
    fn a_bad_file_says_where_in_one_line() {
        let cases = [
            ("view = \"wide\"\n", "config.toml:1:8: "),
            ("mouse = true\ncolour = 1\n", "config.toml:2:1: "),
            (
                "[keys]\nquit = [\"Hyper-q\"]\n",
                "config.toml:2:8: unknown key \"Hyper-q\"",
            ),
            (
                "[keys]\nleave = [\"Q\"]\n",
                "config.toml:2:9: no key binding is called \"leave\"",
            ),
            ("mouse = \n", "config.toml:1:9: "),
        ];
        for (text, start) in cases {
            let err = parse_str(text).map(|_| ()).unwrap_err().to_string();
            assert!(err.starts_with(start), "{text:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{err}");
        }
    }
}
