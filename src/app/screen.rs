//! Where each part of the screen goes. Shared by the ui, which draws there, and by the
//! key map, which turns a click into the outlet under it.

use std::ops::Range;

use ratatui::layout::Rect;

/// Below this size the reader says so instead of drawing a cramped, broken screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Below this height the outlet list starts collapsed to its heading: the text needs
/// the rows more.
pub const LIST_HEIGHT: u16 = 30;

/// The parts of the screen, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Story title, the two outlets and the pair's numbers.
    pub header: Rect,
    /// A rule with the list's title, then one line per outlet.
    pub outlets: Rect,
    /// The outlet names over the panes.
    pub titles: Rect,
    pub diff: Rect,
    pub status: Rect,
}

impl Screen {
    /// The screen for `area` with `outlets` reports, the list open or collapsed to its
    /// heading, or `None` when `area` is too small.
    pub fn new(area: Rect, outlets: usize, list_open: bool) -> Option<Screen> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let spare = usize::from(area.height.saturating_sub(MIN_HEIGHT)) / 2;
        let list = match list_open {
            true => u16::try_from(outlets.clamp(1, spare.max(1))).unwrap_or(1),
            false => 0,
        };
        let row = |y: u16, height: u16| Rect::new(area.x, area.y + y, area.width, height);
        let header = row(0, 2);
        let outlets = row(2, list + 1);
        let titles = row(outlets.bottom() - area.y, 1);
        let status = row(area.height - 1, 1);
        let diff_top = titles.bottom() - area.y;
        let diff = row(diff_top, status.y.saturating_sub(area.y + diff_top));
        Some(Screen {
            header,
            outlets,
            titles,
            diff,
            status,
        })
    }

    /// Lines the outlet list can show.
    pub fn list_rows(&self) -> usize {
        usize::from(self.outlets.height.saturating_sub(1))
    }
}

/// The outlets the list shows when only `rows` of `count` fit: a window that keeps the
/// right-hand outlet, the one chosen most often, in view.
pub fn outlet_window(count: usize, rows: usize, right: usize) -> Range<usize> {
    let start = right
        .saturating_add(1)
        .saturating_sub(rows)
        .min(count.saturating_sub(rows));
    start..count.min(start.saturating_add(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_stack_without_gaps_or_overlap() {
        for (w, h, n) in [(120, 40, 5), (60, 20, 5), (40, 10, 2), (80, 12, 30)] {
            let s =
                Screen::new(Rect::new(0, 0, w, h), n, true).unwrap_or_else(|| panic!("{w}x{h}"));
            assert_eq!(s.header.y, 0);
            assert_eq!(s.outlets.y, s.header.bottom());
            assert_eq!(s.titles.y, s.outlets.bottom());
            assert_eq!(s.diff.y, s.titles.bottom());
            assert_eq!(s.status.y, s.diff.bottom());
            assert_eq!(s.status.bottom(), h);
            assert!(s.diff.height >= 4, "{s:?}");
        }
    }

    #[test]
    fn too_small_has_no_screen() {
        assert_eq!(Screen::new(Rect::new(0, 0, 39, 40), 5, true), None);
        assert_eq!(Screen::new(Rect::new(0, 0, 120, 9), 5, true), None);
        assert_eq!(Screen::new(Rect::new(0, 0, 1, 1), 5, true), None);
    }

    #[test]
    fn the_window_keeps_the_right_outlet_in_view() {
        assert_eq!(outlet_window(5, 5, 4), 0..5);
        assert_eq!(outlet_window(10, 3, 0), 0..3);
        assert_eq!(outlet_window(10, 3, 7), 5..8);
        assert_eq!(outlet_window(10, 3, 9), 7..10);
        assert_eq!(outlet_window(0, 3, 0), 0..0);
    }
}
