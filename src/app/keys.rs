//! The key map, after vim and less, and the mouse map.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::{Action, App, outlet_window};
use crate::layout::View;
use crate::side::Side;

/// The key that goes to a moved paragraph's other place; the layout's label names it.
pub const JUMP_MOVED_KEY: char = 'm';
/// The key that steps back through moved paragraphs.
pub const PREV_MOVED_KEY: char = 'M';

/// Cells of the help's key column when keys and descriptions stand side by side.
pub const HELP_KEYS: usize = 20;

/// Columns the help needs, border included, to show every line whole: keys and
/// descriptions side by side, or `stacked`, each description under its keys.
pub fn help_width(stacked: bool) -> u16 {
    let line = |(keys, what): &(&str, &str)| {
        let (keys, what) = (keys.chars().count(), what.chars().count());
        if stacked {
            // One space before keys and descriptions alike: the keys are bold.
            1 + keys.max(what)
        } else {
            // A space after the description keeps it off the border.
            1 + HELP_KEYS.max(keys) + what + 1
        }
    };
    let widest = HELP.iter().map(line).max().unwrap_or(0);
    u16::try_from(widest + 2).unwrap_or(u16::MAX)
}

/// Every key, as the help overlay and the README list them.
pub const HELP: &[(&str, &str)] = &[
    ("j k ↓ ↑  wheel", "scroll"),
    ("space PgDn  b PgUp", "scroll a page down / up"),
    ("Ctrl-f  Ctrl-b", "scroll a page down / up"),
    ("Ctrl-d  Ctrl-u", "scroll half a page"),
    ("g Home  G End", "go to the top / bottom"),
    ("n  N", "next / previous change (or match)"),
    ("/", "search; Enter finds, Esc clears"),
    ("]  [", "next / previous outlet on the left"),
    ("}  {", "next / previous outlet on the right"),
    ("x", "swap left and right"),
    ("O", "show / hide the outlet list"),
    ("v", "cycle the views"),
    ("1  2  3  4", "side by side / inline / plain / both"),
    ("Enter", "a told-by-both item in the text, and back"),
    ("s", "toggle house-style normalisation"),
    ("m  M", "next / previous moved paragraph"),
    ("click", "outlet list: put it on the right"),
    ("right-click", "outlet list: put it on the left"),
    ("o", "overview of all outlets; hjkl move, Enter opens"),
    ("?  Esc", "open / close this help"),
    ("Ctrl-l", "repaint the screen"),
    ("q  Ctrl-c", "quit"),
];

/// The action a key stands for, if any. With the help open, keys only close it.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('d') => Some(Action::HalfPageDown),
            KeyCode::Char('u') => Some(Action::HalfPageUp),
            KeyCode::Char('f') => Some(Action::PageDown),
            KeyCode::Char('b') => Some(Action::PageUp),
            KeyCode::Char('l') => Some(Action::Redraw),
            _ => None,
        };
    }
    if app.help {
        return match key.code {
            KeyCode::Esc | KeyCode::Char('q' | '?') => Some(Action::CloseOverlay),
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Scroll(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Scroll(-1)),
            _ => None,
        };
    }
    if app.search.editing {
        return match key.code {
            KeyCode::Char(c) => Some(Action::SearchInput(c)),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Esc => Some(Action::SearchCancel),
            _ => None,
        };
    }
    if app.overview {
        return overview_key(key.code);
    }
    let searching = app.search.active();
    Some(match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('j') | KeyCode::Down => Action::Scroll(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Scroll(-1),
        KeyCode::Char(' ') | KeyCode::PageDown => Action::PageDown,
        KeyCode::Char('b') | KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Char('n') if searching => Action::NextMatch,
        KeyCode::Char('N') if searching => Action::PrevMatch,
        KeyCode::Char('n') => Action::NextChange,
        KeyCode::Char('N') => Action::PrevChange,
        KeyCode::Char('/') => Action::StartSearch,
        KeyCode::Esc if searching => Action::SearchCancel,
        KeyCode::Char(']') => Action::NextOutlet(Side::Left),
        KeyCode::Char('[') => Action::PrevOutlet(Side::Left),
        KeyCode::Char('}') => Action::NextOutlet(Side::Right),
        KeyCode::Char('{') => Action::PrevOutlet(Side::Right),
        KeyCode::Char('x') => Action::Swap,
        KeyCode::Char('v') => Action::NextView,
        KeyCode::Char('1') => Action::SetView(View::SideBySide),
        KeyCode::Char('2') => Action::SetView(View::Inline),
        KeyCode::Char('3') => Action::SetView(View::Plain),
        KeyCode::Char('4') => Action::SetView(View::Shared),
        KeyCode::Enter => Action::JumpShared,
        KeyCode::Char('o') => Action::OpenOverview,
        KeyCode::Char('s') => Action::ToggleNormalize,
        KeyCode::Char('O') => Action::ToggleList,
        KeyCode::Char(JUMP_MOVED_KEY) => Action::JumpMoved,
        KeyCode::Char(PREV_MOVED_KEY) => Action::PrevMoved,
        _ => return None,
    })
}

/// The overview's keys: arrows and hjkl move between cells, Enter opens a pair.
fn overview_key(code: KeyCode) -> Option<Action> {
    let step = |rows, columns| Some(Action::MoveCell { rows, columns });
    match code {
        KeyCode::Char('h') | KeyCode::Left => step(0, -1),
        KeyCode::Char('l') | KeyCode::Right => step(0, 1),
        KeyCode::Char('k') | KeyCode::Up => step(-1, 0),
        KeyCode::Char('j') | KeyCode::Down => step(1, 0),
        KeyCode::Enter => Some(Action::OpenCell),
        KeyCode::Esc | KeyCode::Char('o') => Some(Action::CloseOverlay),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        _ => None,
    }
}

/// Rows the mouse wheel scrolls per notch.
const WHEEL: isize = 3;

/// The action a mouse event stands for: the wheel scrolls; a click on the outlet list
/// puts that outlet on the right (left button) or on the left (right button).
pub fn action_for_mouse(app: &App, mouse: MouseEvent) -> Option<Action> {
    if app.help || app.overview {
        return None;
    }
    let button = match mouse.kind {
        MouseEventKind::ScrollDown => return Some(Action::Scroll(WHEEL)),
        MouseEventKind::ScrollUp => return Some(Action::Scroll(-WHEEL)),
        MouseEventKind::Down(button) => button,
        _ => return None,
    };
    let screen = app.screen()?;
    let list = screen.outlets;
    let first = list.y.saturating_add(1);
    if mouse.row < first || mouse.row >= list.bottom() {
        return None;
    }
    let window = outlet_window(
        app.story.reports.len(),
        screen.list_rows(),
        app.outlets.right,
    );
    let i = window.start + usize::from(mouse.row - first);
    if !window.contains(&i) {
        return None;
    }
    match button {
        MouseButton::Left => Some(Action::Choose(Side::Right, i)),
        MouseButton::Right => Some(Action::Choose(Side::Left, i)),
        MouseButton::Middle => None,
    }
}
