//! Drawing: ratatui widgets that show the [`App`] as it is. Nothing here changes state
//! or computes a diff.

mod card;
mod diff;
mod facts;
mod header;
mod help;
mod overview;
mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{Action, App, MIN_HEIGHT, MIN_WIDTH, Screen};
use crate::layout::{Layout, cell_width, truncate, unambiguous};
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
    let theme = Theme {
        colour: app.colour,
        light: app.light,
    };
    let Some(screen) = Screen::new(area, app.story.reports.len(), app.list_shown()) else {
        too_small(buf, area);
        return;
    };
    if app.facts.open {
        facts::draw_facts(buf, area, app, theme);
        if app.help {
            help::draw_help(buf, area, app, theme);
        }
        return;
    }
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
            } else if app.laying_out() {
                "laying out…"
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
    if let Some(card) = &app.card {
        card::draw_card(buf, screen.diff, app, card, theme);
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

/// Where the screen is in a layout that holds only the blocks around it, said as
/// [`position`] says it: the share of the blocks above the screen stands in for the share
/// of rows, which are not all laid out.
fn partial_position(layout: &Layout, scroll: usize, page: usize) -> String {
    let last = layout.rows.len().saturating_sub(page);
    let top = layout.anchor(scroll).map_or(0, |(block, _)| block);
    match scroll {
        0 if layout.blocks.start == 0 => "Top".to_string(),
        s if s >= last && layout.reaches_end() => "Bot".to_string(),
        _ => format!("{}%", top * 100 / layout.block_total.max(1)),
    }
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

/// The key hints that fit in `room` cells: whole hints in the key map's order, the
/// help key's hint always among them.
fn hints(app: &App, room: usize) -> String {
    let help = app.keymap.help_hint();
    let mut shown: Vec<String> = Vec::new();
    let mut used = cell_width(&help);
    // The moved-paragraph key is advertised only where there is a move to go to.
    let moved = format!("{} moved", app.keymap.label(&Action::JumpMoved));
    let hints = app.keymap.hints().into_iter();
    for hint in hints.filter(|h| *h != moved || app.has_moves()) {
        if hint == help {
            shown.push(hint);
            continue;
        }
        let need = cell_width(&hint) + 2;
        if used + need > room {
            // Later hints are less important: stop at the first that does not fit.
            break;
        }
        used += need;
        shown.push(hint);
    }
    if !shown.contains(&help) {
        shown.push(help);
    }
    shown.join("  ")
}

/// The status line: a prompt, a message or the key hints on the left; the count being
/// typed, the search, the view, the mouse mode and how far down on the right.
fn status(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    buf.set_style(area, theme.bar());
    let width = usize::from(area.width);
    let mut right = String::new();
    if let Some(count) = app.count.filter(|_| !app.goto) {
        right.push_str(&format!("{count} · "));
    }
    if app.search.active() {
        right.push_str(&format!("/{} · ", one_line(&app.search.query)));
    }
    if let Some(c) = app.comparison().filter(|_| app.shown_pair().normalize) {
        right.push_str(&format!("{} hidden as style · ", c.stats.style_hunks));
    }
    let (done, total) = app.progress();
    if app.overview {
        right.push_str(&if done < total {
            format!("comparing… {done} of {total} pairs")
        } else {
            format!("{total} pairs · overview")
        });
    } else {
        // A search of a long pair lays all of it out: the search is what the reader
        // waits for.
        if app.seeking() {
            right.push_str("searching… ");
        } else if app.laying_out() {
            // The screen still shows the view before; the name is the one coming.
            right.push_str("laying out ");
        } else if app.telling() {
            right.push_str("matching sentences… ");
        }
        right.push_str(app.view.name());
    }
    right.push_str(if app.mouse {
        " · mouse on"
    } else {
        " · mouse off"
    });
    if let Some(layout) = app.layout().filter(|_| !app.overview) {
        let place = if layout.is_whole() {
            position(app.scroll, layout.rows.len(), app.page())
        } else {
            partial_position(layout, app.scroll, app.page())
        };
        right.push_str(&format!(" · {place}"));
    }
    right.push(' ');
    let room = width.saturating_sub(cell_width(&right) + 2);
    let left = if app.search.editing {
        format!("/{}▏", one_line(&app.search.query))
    } else if app.goto {
        let typed = app.count.map(|n| n.to_string()).unwrap_or_default();
        format!(":{typed}▏ paragraph number, Enter goes, Esc cancels")
    } else if let Some(message) = &app.message {
        message.clone()
    } else if app.overview {
        "hjkl move  Enter open  Esc back  ? help".to_string()
    } else {
        hints(app, room)
    };
    let left = truncate(&left, room);
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
