//! The diff area: the rows of the current layout from the scroll position down.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::layout::{Cell, Layout};

/// The line between the two panes.
const SEPARATOR: &str = "│";

pub fn draw_rows(
    buf: &mut Buffer,
    area: Rect,
    layout: &Layout,
    scroll: usize,
    current: Option<usize>,
    theme: Theme,
) {
    let cols = layout.columns;
    let two = layout.view.has_two_panes();
    let rows = layout.rows.iter().skip(scroll);
    for (y, row) in (area.y..area.bottom()).zip(rows) {
        let pane = Pane {
            buf: &mut *buf,
            area,
            y,
            theme,
            current,
        };
        pane.draw(&row.left, 0, cols.gutter, cols.left);
        if two {
            let sep = area
                .x
                .saturating_add(at(cols.right_pane_x().saturating_sub(1)));
            if cols.separator > 0 && sep < area.right() {
                buf.set_string(sep, y, SEPARATOR, theme.dim());
            }
            let pane = Pane {
                buf: &mut *buf,
                area,
                y,
                theme,
                current,
            };
            pane.draw(&row.right, cols.right_pane_x(), cols.gutter, cols.right);
        }
    }
}

fn at(x: usize) -> u16 {
    u16::try_from(x).unwrap_or(u16::MAX)
}

/// One pane's cell of one row.
struct Pane<'a> {
    buf: &'a mut Buffer,
    area: Rect,
    y: u16,
    theme: Theme,
    current: Option<usize>,
}

impl Pane<'_> {
    /// Draws `cell` with its gutter at `x` (cells from the area's left edge) and its text
    /// `width` cells wide after the gutter.
    fn draw(self, cell: &Cell, x: usize, gutter: usize, width: usize) {
        let start = self.area.x.saturating_add(at(x));
        let room = usize::from(self.area.right().saturating_sub(start));
        // Filler stays blank: the gutter tag on the other side says why.
        let Cell::Text {
            gutter: tag,
            segments,
        } = cell
        else {
            return;
        };
        let (glyph, style) = self.theme.gutter(*tag);
        if gutter > 0 {
            self.buf
                .set_stringn(start, self.y, glyph, gutter.min(room), style);
        }
        let mut x = start.saturating_add(at(gutter));
        let end = start
            .saturating_add(at(gutter + width))
            .min(self.area.right());
        for segment in segments {
            let current = segment.hunk.is_some() && segment.hunk == self.current;
            let style = self.theme.mark(segment.mark, current);
            let max = usize::from(end.saturating_sub(x));
            x = self.buf.set_stringn(x, self.y, &segment.text, max, style).0;
        }
    }
}
