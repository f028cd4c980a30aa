//! The told-by-both view: sentences both reports tell face each other with their word
//! diff, in the left report's order, then what only one side tells, each part under a
//! heading. Its items are the changes `n`/`N` step through.

use super::window::{self, FirstRows};
use super::{Cell, Columns, Gutter, Lines, Mark, Piece, Row, lines, pane_pieces, push_rows};
use crate::diff::{Comparison, Lone, Matched, Told};
use crate::side::{Pair, Side};
use crate::visible::visible;

/// One group of rows of the view.
#[derive(Debug, Clone, Copy)]
pub enum Item<'t> {
    /// A section title, on the panes it is about.
    Heading(&'t str, Pair<bool>),
    /// Two sentences that tell the same thing.
    Both(&'t Matched),
    /// Consecutive sentences of one paragraph only `Side` tells.
    Only(Side, &'t [Lone]),
}

impl Item<'_> {
    /// The paragraph this item stands in, on each side that has it.
    pub fn paragraph(&self) -> Pair<Option<usize>> {
        match self {
            Item::Heading(..) => Pair::new(None, None),
            Item::Both(m) => m.at.map(|at| Some(at.paragraph)),
            Item::Only(side, lone) => {
                let mut p = Pair::new(None, None);
                p[*side] = lone.first().map(|l| l.at.paragraph);
                p
            }
        }
    }
}

/// The section titles, made once so items can borrow them.
pub struct Headings {
    both: String,
    only: Pair<String>,
}

impl Headings {
    pub fn of(told: &Told) -> Headings {
        let n = told.matched.len();
        let sentences = |n: usize| format!("{n} sentence{}", if n == 1 { "" } else { "s" });
        Headings {
            both: match n {
                0 => "Told by both: no sentence matched; see the side-by-side view".to_string(),
                _ => format!(
                    "Told by both: {n} pair{}, in the left report's order",
                    if n == 1 { "" } else { "s" }
                ),
            },
            only: Pair::from_fn(|side| {
                format!(
                    "Only on the {}: {}",
                    side.name(),
                    sentences(told.only[side].len())
                )
            }),
        }
    }
}

/// The view's items in reading order: the matched pairs, then each side's lone
/// sentences grouped by paragraph.
pub fn items<'t>(told: &'t Told, headings: &'t Headings) -> Vec<Item<'t>> {
    let mut items = vec![Item::Heading(&headings.both, Pair::new(true, true))];
    items.extend(told.matched.iter().map(Item::Both));
    for side in Side::BOTH {
        let lone = &told.only[side];
        if lone.is_empty() {
            continue;
        }
        let mut shows = Pair::new(false, false);
        shows[side] = true;
        items.push(Item::Heading(&headings.only[side], shows));
        items.extend(
            lone.chunk_by(|a, b| a.at.paragraph == b.at.paragraph)
                .map(|group| Item::Only(side, group)),
        );
    }
    items
}

/// "¶4 ", the paragraph a sentence stands in, as a label before it.
fn place(paragraph: usize, hunk: Option<usize>) -> Piece {
    (format!("¶{} ", paragraph + 1), Mark::Label, hunk)
}

/// The lines of each side of `item`; `hunk` is the item's number when it is a pair.
fn sides(item: &Item, hunk: Option<usize>, columns: Columns) -> Pair<Option<Lines>> {
    let width = columns.text;
    match item {
        Item::Heading(text, shows) => Pair::from_fn(|side| {
            shows[side].then(|| {
                lines(
                    &[((*text).to_string(), Mark::Label, None)],
                    None,
                    width[side],
                )
            })
        }),
        Item::Both(m) => Pair::from_fn(|side| {
            let hunks = vec![None; m.spans.len()];
            let mut pieces = vec![place(m.at[side].paragraph, hunk)];
            pieces.extend(pane_pieces(&m.spans, &hunks, side, true));
            Some(lines(&pieces, None, width[side]))
        }),
        Item::Only(only, lone) => Pair::from_fn(|side| {
            (side == *only).then(|| {
                let mut pieces = vec![place(lone.first().map_or(0, |l| l.at.paragraph), None)];
                let text: Vec<String> =
                    lone.iter().map(|l| visible(&l.text).into_owned()).collect();
                pieces.push((text.join(" "), Mark::Equal, None));
                lines(&pieces, None, width[side])
            })
        }),
    }
}

/// Hands `lay_out` the items of the told-by-both view of `comparison`, which borrow
/// their headings from here.
pub(super) fn with_items<R>(
    comparison: &Comparison,
    columns: Columns,
    lay_out: impl FnOnce(&Items) -> R,
) -> R {
    let empty = Told::default();
    let told = comparison.told.as_ref().unwrap_or(&empty);
    let headings = Headings::of(told);
    let items = items(told, &headings);
    // A pair's number is how many pairs come before it.
    let pairs_before = items
        .iter()
        .scan(0, |pairs, item| {
            let before = *pairs;
            *pairs += usize::from(matches!(item, Item::Both(_)));
            Some(before)
        })
        .collect();
    lay_out(&Items {
        items,
        pairs_before,
        columns,
    })
}

/// The blocks of the told-by-both view: its items.
pub(super) struct Items<'t> {
    items: Vec<Item<'t>>,
    pairs_before: Vec<usize>,
    columns: Columns,
}

impl window::Blocks for Items<'_> {
    fn count(&self) -> usize {
        self.items.len()
    }

    fn bytes(&self, b: usize) -> usize {
        match self.items.get(b) {
            Some(Item::Heading(text, _)) => text.len(),
            Some(Item::Both(m)) => m.spans.iter().map(|s| s.text.len()).sum(),
            Some(Item::Only(_, lone)) => lone.iter().map(|l| l.text.len()).sum(),
            None => 0,
        }
    }

    fn hunks_before(&self, b: usize) -> usize {
        let last = self.pairs_before.last().copied().unwrap_or(0);
        let pairs = last + usize::from(matches!(self.items.last(), Some(Item::Both(_))));
        self.pairs_before.get(b).copied().unwrap_or(pairs)
    }

    fn lay(&self, b: usize, rows: &mut Vec<Row>) -> FirstRows {
        let Some(item) = self.items.get(b) else {
            return FirstRows::new();
        };
        let hunk = matches!(item, Item::Both(_)).then(|| self.hunks_before(b));
        let gutter = match item {
            Item::Only(Side::Left, _) => Gutter::Removed,
            Item::Only(Side::Right, _) => Gutter::Added,
            _ => Gutter::Blank,
        };
        window::open(b, rows);
        push_rows(
            rows,
            b,
            gutter,
            sides(item, hunk, self.columns),
            &Cell::Filler,
        );
        // A pair's label, which carries its number, opens its first row.
        hunk.map(|h| (h, 0)).into_iter().collect()
    }
}
