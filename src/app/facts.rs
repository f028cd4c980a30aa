//! The facts ledger screen (`f`): its state, its keys and what they do. The ledger is
//! computed once per story, off the UI thread, the first time the screen opens; Enter
//! on an entry opens its paragraph in the pair view, with the entry's outlet on the left.

use crossterm::event::KeyCode;

use super::key::Key;

use super::{Action, App};
use crate::facts::{Entry, Ledger, Row};
use crate::layout::View;
use crate::side::{Pair, Side};

/// What can happen on the ledger screen.
#[derive(Debug, Clone, PartialEq)]
pub enum FactsAction {
    Open,
    Close,
    /// Move the selection by this many entries (negative: up).
    Move(isize),
    Top,
    Bottom,
    /// Open the selected entry's paragraph in the pair view.
    Jump,
    /// The ledger came back from the thread that computed it.
    Ready(Box<Ledger>),
}

/// The ledger screen's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Computed once per story, when the screen first opens.
    pub ledger: Option<Ledger>,
    /// True while the ledger screen is on screen.
    pub open: bool,
    /// The selected entry, counting entries of all rows in ledger order.
    pub selected: usize,
    /// A paragraph to show once the pair it was opened in has its layout.
    goto: Option<(Side, usize)>,
}

/// One line of the ledger screen: a row's heading, or one of its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactsLine {
    Heading(usize),
    Entry(usize, usize),
}

impl Facts {
    /// True when the screen is open and waits for a ledger nobody computed yet.
    pub fn wanted(&self) -> bool {
        self.open && self.ledger.is_none()
    }

    /// The lines of the screen: each row's heading, then its entries.
    pub fn lines(&self) -> Vec<FactsLine> {
        let Some(ledger) = &self.ledger else {
            return Vec::new();
        };
        ledger
            .rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| {
                std::iter::once(FactsLine::Heading(r))
                    .chain((0..row.entries.len()).map(move |e| FactsLine::Entry(r, e)))
            })
            .collect()
    }

    /// The selected entry and its row.
    pub fn selection(&self) -> Option<(&Row, &Entry)> {
        let ledger = self.ledger.as_ref()?;
        let mut n = self.selected;
        for row in &ledger.rows {
            match row.entries.get(n) {
                Some(entry) => return Some((row, entry)),
                None => n -= row.entries.len(),
            }
        }
        None
    }

    fn entries(&self) -> usize {
        self.ledger
            .as_ref()
            .map_or(0, |l| l.rows.iter().map(|r| r.entries.len()).sum())
    }
}

/// The action a key stands for while the ledger is on screen, read through the key map:
/// the scroll and page keys move the selection, Enter opens the entry, Esc or the facts
/// key goes back.
pub(super) fn action_for_key(app: &App, bound: Option<Action>, key: Key) -> Option<Action> {
    let page = isize::try_from(app.size.1.saturating_sub(6) / 2)
        .unwrap_or(1)
        .max(1);
    let facts = |a| Some(Action::Facts(a));
    match bound {
        Some(Action::Scroll(rows)) => facts(FactsAction::Move(rows)),
        Some(Action::PageDown | Action::HalfPageDown) => facts(FactsAction::Move(page)),
        Some(Action::PageUp | Action::HalfPageUp) => facts(FactsAction::Move(-page)),
        Some(Action::Top) => facts(FactsAction::Top),
        Some(Action::Bottom) => facts(FactsAction::Bottom),
        Some(Action::JumpShared) => facts(FactsAction::Jump),
        Some(Action::OpenFacts) => facts(FactsAction::Close),
        Some(action @ (Action::Quit | Action::ToggleHelp)) => Some(action),
        _ if key.code == KeyCode::Esc => facts(FactsAction::Close),
        _ if key.code == KeyCode::Enter => facts(FactsAction::Jump),
        _ => None,
    }
}

pub(super) fn update(app: &mut App, action: FactsAction) {
    let last = app.facts.entries().saturating_sub(1);
    let facts = &mut app.facts;
    match action {
        FactsAction::Open => facts.open = true,
        FactsAction::Close => facts.open = false,
        FactsAction::Move(n) => facts.selected = facts.selected.saturating_add_signed(n).min(last),
        FactsAction::Top => facts.selected = 0,
        FactsAction::Bottom => facts.selected = last,
        FactsAction::Ready(ledger) => {
            facts.ledger = Some(*ledger);
            facts.selected = 0;
        }
        FactsAction::Jump => jump(app),
    }
}

/// Opens the selected entry's paragraph: its outlet on the left, another outlet of the
/// row (else the one already on the right) on the right, in a paragraph view.
fn jump(app: &mut App) {
    if app.choosing {
        app.message = Some("still comparing the reports…".to_string());
        return;
    }
    let count = app.story.reports.len();
    let Some((row, entry)) = app.facts.selection() else {
        return;
    };
    let left = entry.report;
    let right = row
        .entries
        .iter()
        .map(|e| e.report)
        .find(|&r| r != left)
        .or_else(|| {
            [app.outlets.right, app.outlets.left]
                .into_iter()
                .find(|&r| r != left)
        })
        .unwrap_or((left + 1) % count.max(1));
    let paragraph = entry.paragraph;
    let outlet = app
        .report(left)
        .map(|r| r.outlet.clone())
        .unwrap_or_default();
    if right >= count || left >= count || right == left {
        return;
    }
    app.outlets = Pair::new(left, right);
    super::update::new_pair(app);
    if app.view == View::Shared {
        app.view = View::SideBySide;
        app.view_pinned = true;
    }
    app.facts.open = false;
    app.overview = false;
    app.facts.goto = Some((Side::Left, paragraph));
    app.message = Some(format!(
        "\u{b6}{} of {} on the left; f goes back to the ledger",
        paragraph + 1,
        crate::visible::visible(&outlet)
    ));
}

/// Scrolls to the paragraph an entry asked for, once its pair's layout is there.
pub(super) fn land(app: &mut App) {
    let Some((side, paragraph)) = app.facts.goto else {
        return;
    };
    let (Some(_), Some(comparison)) = (app.layout(), app.comparison()) else {
        return;
    };
    let block = comparison
        .blocks
        .iter()
        .position(|b| b.paras[side].contains(&paragraph));
    app.facts.goto = None;
    if let Some(block) = block {
        super::layouts::go(app, super::Land::Block(block));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{settle, update};

    fn ledger_app() -> App {
        let story = crate::story::bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut app = App::new(story, (120, 40), true);
        settle(&mut app);
        update(&mut app, Action::Facts(FactsAction::Open));
        settle(&mut app);
        app
    }

    #[test]
    fn the_ledger_opens_on_a_disagreement_and_esc_goes_back() {
        let mut app = ledger_app();
        assert!(app.facts.open);
        let (row, _) = app.facts.selection().unwrap();
        assert_eq!(row.flag, crate::facts::Flag::Differently);
        update(&mut app, Action::Facts(FactsAction::Close));
        assert!(!app.facts.open);
        assert!(app.facts.ledger.is_some(), "kept for the next time");
    }

    #[test]
    fn enter_opens_the_entry_paragraph_with_the_other_outlet_of_the_row() {
        let mut app = ledger_app();
        let tuesday = (0..200)
            .find(|&n| {
                app.facts.selected = n;
                app.facts
                    .selection()
                    .is_some_and(|(_, e)| e.text == "Tuesday")
            })
            .unwrap();
        app.facts.selected = tuesday;
        update(&mut app, Action::Facts(FactsAction::Jump));
        settle(&mut app);
        assert!(!app.facts.open);
        let names = app.outlets.map(|i| app.story.reports[i].outlet.clone());
        assert_eq!(
            names,
            Pair::new("Reuters".to_string(), "The Straits Times".to_string())
        );
        let layout = app.layout().unwrap();
        let comparison = app.comparison().unwrap();
        let top = layout.rows.get(app.scroll).map(|r| r.block).unwrap();
        assert!(comparison.blocks[top].paras.left.contains(&1), "{top}");
    }
}
