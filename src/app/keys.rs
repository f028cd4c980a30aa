//! What a key or a mouse event does: the key map first, then the keys that are not
//! remappable (digits for counts, Esc, Ctrl-c, the prompts' editing keys).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use super::key::Key;
use super::{Action, App, outlet_window};
use crate::side::Side;

/// Cells of the help's key column when keys and descriptions stand side by side.
pub const HELP_KEYS: usize = 20;

/// The action a key stands for, if any. With the help open, keys only scroll or close
/// it; while a prompt is open, keys edit it.
pub fn action_for_key(app: &App, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(event);
    // Always a way out, whatever the config file says.
    if key
        == (Key {
            ctrl: true,
            ..Key::plain(KeyCode::Char('c'))
        })
    {
        return Some(Action::Quit);
    }
    let bound = app.keymap.action(key).cloned();
    if app.help {
        return match bound {
            Some(Action::Scroll(rows)) => Some(Action::Scroll(rows)),
            Some(Action::Quit | Action::ToggleHelp) => Some(Action::CloseOverlay),
            _ if key.code == KeyCode::Esc => Some(Action::CloseOverlay),
            _ => None,
        };
    }
    if app.facts.open {
        return super::facts::action_for_key(app, bound, key);
    }
    if app.search.editing {
        return match key.code {
            KeyCode::Char(c) if !key.ctrl => Some(Action::SearchInput(c)),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Esc => Some(Action::SearchCancel),
            _ => None,
        };
    }
    if app.goto {
        return match key.code {
            KeyCode::Backspace => Some(Action::GoToBackspace),
            KeyCode::Enter => Some(Action::GoToSubmit),
            KeyCode::Esc => Some(Action::CancelCount),
            _ => digit(key),
        };
    }
    if app.overview {
        return overview_action(bound, key);
    }
    let searching = app.search.active();
    match bound {
        Some(Action::NextChange) if searching => Some(Action::NextMatch),
        Some(Action::PrevChange) if searching => Some(Action::PrevMatch),
        Some(action) => Some(action),
        None if key.code == KeyCode::Esc && app.count.is_some() => Some(Action::CancelCount),
        None if key.code == KeyCode::Esc && searching => Some(Action::SearchCancel),
        None if key.code == KeyCode::Esc && app.card.is_some() => Some(Action::ToggleCard),
        // A count starts with 1-9; a 0 only continues one.
        None => digit(key).filter(|d| app.count.is_some() || *d != Action::Digit(0)),
    }
}

/// The overview's keys, read through the key map: the scroll keys (j/k, ↓/↑) move
/// between rows, the outlet keys (h/l, ←/→) between columns, Enter opens the pair, Esc
/// or the overview key goes back.
fn overview_action(bound: Option<Action>, key: Key) -> Option<Action> {
    let step = |rows, columns| Some(Action::MoveCell { rows, columns });
    match bound {
        Some(Action::Scroll(rows)) => step(rows.signum(), 0),
        Some(Action::NextFocused | Action::NextOutlet(_)) => step(0, 1),
        Some(Action::PrevFocused | Action::PrevOutlet(_)) => step(0, -1),
        Some(Action::JumpShared) => Some(Action::OpenCell),
        Some(Action::OpenOverview) => Some(Action::CloseOverlay),
        Some(action @ (Action::Quit | Action::ToggleHelp | Action::OpenFacts)) => Some(action),
        _ if key.code == KeyCode::Esc => Some(Action::CloseOverlay),
        _ if key.code == KeyCode::Enter => Some(Action::OpenCell),
        _ => None,
    }
}

fn digit(key: Key) -> Option<Action> {
    let d = key.char()?.to_digit(10)?;
    u8::try_from(d).ok().map(Action::Digit)
}

/// Rows the mouse wheel scrolls per notch.
const WHEEL: isize = 3;

/// The action a mouse event stands for: the wheel scrolls; a click on the outlet list
/// puts that outlet on the right (left button) or on the left (right button).
pub fn action_for_mouse(app: &App, mouse: MouseEvent) -> Option<Action> {
    if app.help {
        return None;
    }
    if app.facts.open {
        return match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Facts(super::FactsAction::Move(WHEEL))),
            MouseEventKind::ScrollUp => Some(Action::Facts(super::FactsAction::Move(-WHEEL))),
            _ => None,
        };
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
