//! The diff area: the rows of the current layout from the scroll position down.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::theme::Theme;
use crate::app::App;
use crate::layout::{Cell, Layout, Mark, Match};
use crate::side::Side;

/// The line between the two panes.
const SEPARATOR: &str = "│";

pub fn draw_rows(buf: &mut Buffer, area: Rect, layout: &Layout, app: &App, theme: Theme) {
    let cols = layout.columns;
    let paint = Painter {
        theme,
        current: app.current,
        matches: app.matches_on(app.scroll..app.scroll.saturating_add(usize::from(area.height))),
    };
    let moved = app.moved_blocks();
    let rows = layout.rows.iter().enumerate().skip(app.scroll);
    for (y, (row_index, row)) in (area.y..area.bottom()).zip(rows) {
        let panes: &[Side] = if layout.view.has_two_panes() {
            &Side::BOTH
        } else {
            &[Side::Left]
        };
        for &side in panes {
            let line = Line {
                buf: &mut *buf,
                area,
                y,
            };
            let x = cols.pane_x(side);
            let hits: Vec<Range<usize>> = paint
                .matches
                .iter()
                .flat_map(|m| m.on(row_index, side))
                .cloned()
                .collect();
            let text = Text {
                cell: &row.cells[side],
                hits: &hits,
                moved: moved.contains(&Some(row.block)),
            };
            paint.cell(line, text, x, cols.gutter, cols.text[side]);
        }
        let sep = area
            .x
            .saturating_add(at(cols.right_pane_x().saturating_sub(1)));
        if layout.view.has_two_panes() && cols.separator > 0 && sep < area.right() {
            buf.set_string(sep, y, SEPARATOR, theme.dim());
        }
    }
}

fn at(x: usize) -> u16 {
    u16::try_from(x).unwrap_or(u16::MAX)
}

/// One screen line of the diff area.
struct Line<'b> {
    buf: &'b mut Buffer,
    area: Rect,
    y: u16,
}

/// A cell and the byte ranges of its text that the search found.
struct Text<'c> {
    cell: &'c Cell,
    hits: &'c [Range<usize>],
    /// True in both places of the move `m` went to.
    moved: bool,
}

/// What decides how text is drawn, the same for every cell of a frame.
struct Painter<'q> {
    theme: Theme,
    /// The highlighted change.
    current: Option<usize>,
    /// Where the active search's query shows.
    matches: &'q [Match],
}

impl Painter<'_> {
    /// Draws `cell` with its gutter at `x` (cells from the area's left edge) and its text
    /// `width` cells wide after the gutter.
    fn cell(&self, line: Line<'_>, text: Text<'_>, x: usize, gutter: usize, width: usize) {
        let Line { buf, area, y } = line;
        let Text { cell, hits, moved } = text;
        let start = area.x.saturating_add(at(x));
        let room = usize::from(area.right().saturating_sub(start));
        // Filler stays blank: the gutter tag on the other side says why.
        let Cell::Text {
            gutter: tag,
            segments,
        } = cell
        else {
            return;
        };
        // A pointer in the gutter finds the current change even when it is a lone space.
        let current = segments
            .iter()
            .any(|s| s.hunk.is_some() && s.hunk == self.current);
        let (glyph, style) = match self.theme.gutter(*tag) {
            // The pointer takes the place of a one-sided paragraph's tag on its row.
            _ if current => ("▶", self.theme.bold()),
            (glyph, style) if moved => (glyph, style.add_modifier(Modifier::REVERSED)),
            tagged => tagged,
        };
        if gutter > 0 {
            buf.set_stringn(start, y, glyph, gutter.min(room), style);
        }
        let mut x = start.saturating_add(at(gutter));
        let end = start.saturating_add(at(gutter + width)).min(area.right());
        let mut offset = 0;
        for segment in segments {
            let current = (segment.hunk.is_some() && segment.hunk == self.current)
                || (moved && segment.mark == Mark::Label);
            let style = self.theme.mark(segment.mark, current);
            for (piece, hit) in split_at_hits(&segment.text, offset, hits) {
                let style = if hit {
                    style.patch(self.theme.found())
                } else {
                    style
                };
                let max = usize::from(end.saturating_sub(x));
                x = buf.set_stringn(x, y, piece, max, style).0;
            }
            offset += segment.text.len();
        }
    }
}

/// `text`, which starts at byte `offset` of its cell, cut where search hits begin and
/// end, each piece with whether it is inside a hit.
fn split_at_hits<'t>(text: &'t str, offset: usize, hits: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let end = offset + text.len();
    let mut cuts: Vec<usize> = hits
        .iter()
        .flat_map(|h| [h.start, h.end])
        .filter(|&c| c > offset && c < end)
        .map(|c| c - offset)
        .collect();
    cuts.push(text.len());
    let mut pieces = Vec::new();
    let mut from = 0;
    for cut in cuts {
        if let Some(piece) = text.get(from..cut).filter(|p| !p.is_empty()) {
            let at = offset + from;
            pieces.push((piece, hits.iter().any(|h| h.contains(&at))));
            from = cut;
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_cut_where_hits_begin_and_end() {
        assert_eq!(split_at_hits("on June 10", 0, &[]), [("on June 10", false)]);
        assert_eq!(
            split_at_hits("on June 10", 5, &[Range { start: 8, end: 12 }]),
            [("on ", false), ("June", true), (" 10", false)]
        );
        assert_eq!(
            split_at_hits("Lee", 0, &[Range { start: 0, end: 3 }]),
            [("Lee", true)]
        );
        assert_eq!(split_at_hits("", 0, &[Range { start: 0, end: 3 }]), []);
    }
}
