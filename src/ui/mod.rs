//! Drawing: ratatui widgets that show the [`App`] as it is. Nothing here changes state
//! or computes a diff.

mod diff;
mod header;
mod help;
mod overview;
mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Screen};
use crate::layout::{cell_width, truncate, unambiguous};
use crate::visible::visible;
use theme::Theme;

/// `text` made safe for one line of the screen: control characters shown as symbols,
/// tabs and line breaks as spaces (the buffer would drop them, joining words).
fn one_line(text: &str) -> String {
    unambiguous(&visible(text)).replace(['\t', '\n'], " ")
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let theme = Theme { colour: app.colour };
    let Some(screen) = Screen::new(area, app.story.reports.len(), app.list_shown()) else {
        too_small(buf, area);
        return;
    };
    if app.overview {
        let above = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        overview::draw_overview(buf, above, app, theme);
        status(buf, screen.status, app, theme);
        if app.help {
            help::draw_help(buf, area, app, theme);
        }
        return;
    }
    header::draw_header(buf, screen.header, app, theme);
    header::draw_outlets(buf, &screen, app, theme);
    header::draw_titles(buf, screen.titles, app, theme);
    match app.layout() {
        Some(layout) => diff::draw_rows(buf, screen.diff, layout, app, theme),
        None => {
            let note = if app.story.reports.is_empty() {
                "this story has no reports"
            } else {
                "computing…"
            };
            buf.set_stringn(
                screen.diff.x + 2,
                screen.diff.y + 1,
                note,
                usize::from(screen.diff.width),
                theme.dim(),
            );
        }
    }
    status(buf, screen.status, app, theme);
    if app.help {
        help::draw_help(buf, area, app, theme);
    }
}

fn too_small(buf: &mut Buffer, area: Rect) {
    let text = format!(
        "Terminal too small: {}x{}. diverge needs at least {MIN_WIDTH}x{MIN_HEIGHT}; q quits.",
        area.width, area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Where the screen is in the text, as less and vim say it: `Top`, `Bot`, `All` when
/// everything fits, else how far down the top row is.
fn position(scroll: usize, rows: usize, page: usize) -> String {
    let last = rows.saturating_sub(page);
    match scroll {
        _ if last == 0 => "All".to_string(),
        0 => "Top".to_string(),
        s if s >= last => "Bot".to_string(),
        s => format!("{}%", s * 100 / last),
    }
}

/// The status line: a message or the main keys on the left, the position on the right.
fn status(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    buf.set_style(area, theme.bar());
    let width = usize::from(area.width);
    let mut right = String::new();
    if app.search.active() {
        right.push_str(&format!("/{} · ", one_line(&app.search.query)));
    }
    if let Some(c) = app.comparison().filter(|_| app.normalize) {
        right.push_str(&format!("{} hidden as style · ", c.stats.style_hunks));
    }
    let (done, total) = app.progress();
    if app.overview {
        right.push_str(&if done < total {
            format!("comparing… {done} of {total} pairs ")
        } else {
            format!("{total} pairs · overview ")
        });
    } else {
        right.push_str(app.view.name());
    }
    if let Some(layout) = app.layout().filter(|_| !app.overview) {
        right.push_str(&format!(
            " · {} ",
            position(app.scroll, layout.rows.len(), app.page())
        ));
    }
    let keys = if app.overview {
        "q quit  ? help  hjkl/arrows move  Enter open the pair  Esc back"
    } else if app.has_moves() {
        "q quit  ? help  j/k scroll  n/N change  ] } outlets  x swap  v view  o overview  s style  m moved"
    } else {
        "q quit  ? help  j/k scroll  n/N change  ] } outlets  x swap  v view  o overview  s style"
    };
    let prompt = format!("/{}▏", one_line(&app.search.query));
    let left = match &app.message {
        _ if app.search.editing => prompt.as_str(),
        Some(message) => message.as_str(),
        None => keys,
    };
    let room = width.saturating_sub(cell_width(&right) + 2);
    let left = truncate(left, room);
    let gap = width.saturating_sub(cell_width(&left) + cell_width(&right));
    let line = Line::from(vec![
        Span::raw(format!(" {left}")),
        Span::raw(" ".repeat(gap.saturating_sub(1))),
        Span::raw(right),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

#[cfg(test)]
mod tests;
