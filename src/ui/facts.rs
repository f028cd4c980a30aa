//! Drawing the facts ledger screen: a title, the counts, then each row's heading (flag,
//! kind, label) and its entries (outlet, paragraph, the fact in its words), the selected
//! entry reversed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::one_line;
use super::theme::Theme;
use crate::app::{App, FactsLine};
use crate::facts::{Entry, Flag, Kind, Ledger, Row};
use crate::layout::{cell_width, truncate};

/// Characters of context shown on each side of a number, date or name.
const CONTEXT: usize = 32;

pub(super) fn draw_facts(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let width = usize::from(area.width);
    let title = format!(" Facts ledger \u{b7} {}", one_line(&app.story.title));
    buf.set_stringn(area.x, area.y, truncate(&title, width), width, theme.bold());
    let status_y = area.bottom().saturating_sub(1);
    let list = Rect::new(
        area.x,
        area.y + 3,
        area.width,
        status_y.saturating_sub(area.y + 3),
    );
    match &app.facts.ledger {
        Some(ledger) => {
            let counts = format!(
                " {} told differently \u{b7} {} one outlet only \u{b7} {} told alike",
                ledger.count(Flag::Differently),
                ledger.count(Flag::OneOutlet),
                ledger.count(Flag::Alike)
            );
            buf.set_stringn(area.x, area.y + 1, counts, width, Style::new());
            buf.set_stringn(
                area.x,
                area.y + 2,
                "\u{2500}".repeat(width),
                width,
                theme.dim(),
            );
            draw_lines(buf, list, app, ledger, theme);
        }
        None => {
            buf.set_stringn(
                area.x + 2,
                area.y + 2,
                "computing the facts ledger\u{2026}",
                width.saturating_sub(2),
                theme.dim(),
            );
        }
    }
    let status = Rect::new(area.x, status_y, area.width, 1);
    buf.set_style(status, theme.bar());
    let keys = app.message.as_deref().unwrap_or(
        "j/k entry  space/b page  Enter open in the pair view  Esc back  ? help  q quit",
    );
    buf.set_stringn(
        area.x,
        status_y,
        truncate(&format!(" {keys}"), width),
        width,
        theme.bar(),
    );
}

fn draw_lines(buf: &mut Buffer, area: Rect, app: &App, ledger: &Ledger, theme: Theme) {
    let lines = app.facts.lines();
    let height = usize::from(area.height);
    let selected_line = lines
        .iter()
        .filter(|l| matches!(l, FactsLine::Entry(..)))
        .nth(app.facts.selected)
        .and_then(|s| lines.iter().position(|l| l == s))
        .unwrap_or(0);
    // The selection stays a third of the way down, with its row's heading above it.
    let top = selected_line
        .saturating_sub(height / 3)
        .min(lines.len().saturating_sub(height));
    let outlet_width = app
        .story
        .reports
        .iter()
        .map(|r| cell_width(&one_line(&r.outlet)))
        .max()
        .unwrap_or(6)
        .min(28)
        .min(usize::from(area.width) / 4);
    for (y, (n, line)) in lines.iter().enumerate().skip(top).take(height).enumerate() {
        let y = area.y + u16::try_from(y).unwrap_or(u16::MAX);
        let spans = match *line {
            FactsLine::Heading(r) => match ledger.rows.get(r) {
                Some(row) => heading(row, theme),
                None => continue,
            },
            FactsLine::Entry(r, e) => {
                let Some(entry) = ledger.rows.get(r).and_then(|row| row.entries.get(e)) else {
                    continue;
                };
                let room = usize::from(area.width).saturating_sub(outlet_width + 12);
                entry_line(app, entry, outlet_width, room, n == selected_line, theme)
            }
        };
        buf.set_line(area.x, y, &Line::from(spans), area.width);
    }
}

fn heading(row: &Row, theme: Theme) -> Vec<Span<'static>> {
    let style = match row.flag {
        Flag::Differently => theme.bold(),
        Flag::OneOutlet => Style::new(),
        Flag::Alike => theme.dim(),
    };
    let label = one_line(&row.label());
    let label = match row.kind {
        Kind::Quote => format!("\u{201C}{}\u{201D}", truncate(&label, 70)),
        _ => truncate(&label, 70),
    };
    vec![Span::styled(
        format!(" {:<16}  {:<6}  {label}", row.flag.name(), row.kind.name()),
        style,
    )]
}

fn entry_line(
    app: &App,
    entry: &Entry,
    outlet_width: usize,
    room: usize,
    selected: bool,
    theme: Theme,
) -> Vec<Span<'static>> {
    let outlet = app.report(entry.report).map_or("?", |r| r.outlet.as_str());
    let place = format!(
        "   {} {:<ow$} \u{b6}{:<4}",
        if selected { "\u{25b8}" } else { " " },
        truncate(&one_line(outlet), outlet_width),
        entry.paragraph + 1,
        ow = outlet_width
    );
    let paragraph = app
        .report(entry.report)
        .and_then(|r| r.body.get(entry.paragraph))
        .map_or("", String::as_str);
    let mut spans = vec![Span::raw(place)];
    match entry.kind {
        Kind::Quote => {
            let speaker = entry
                .speaker
                .as_deref()
                .map(|s| format!(" \u{2014} {}", one_line(s)))
                .unwrap_or_default();
            // On a narrow screen the quote's words matter more than who said them.
            let speaker = if cell_width(&speaker) * 3 > room {
                String::new()
            } else {
                speaker
            };
            let quote = truncate(
                &one_line(&entry.text),
                room.saturating_sub(cell_width(&speaker) + 2),
            );
            spans.push(Span::raw(format!("\u{201C}{quote}\u{201D}")));
            spans.push(Span::styled(speaker, theme.dim()));
        }
        _ => {
            let before = paragraph.get(..entry.start).unwrap_or_default();
            let after = paragraph.get(entry.end..).unwrap_or_default();
            let before = tail(before, CONTEXT);
            let fact = one_line(&entry.text);
            let rest = room.saturating_sub(cell_width(&before) + cell_width(&fact));
            spans.push(Span::styled(before, theme.dim()));
            spans.push(Span::styled(fact, theme.bold()));
            spans.push(Span::styled(
                truncate(&one_line(after), rest.min(CONTEXT * 2)),
                theme.dim(),
            ));
        }
    }
    if selected {
        for span in &mut spans {
            span.style = span.style.add_modifier(Modifier::REVERSED);
        }
    }
    spans
}

/// The last `chars` characters of `text` on one line, from a word start, with "…" when
/// cut.
fn tail(text: &str, chars: usize) -> String {
    let text = one_line(text);
    let count = text.chars().count();
    if count <= chars {
        return text;
    }
    let cut: String = text.chars().skip(count - chars).collect();
    let from_word = cut.split_once(' ').map_or(cut.as_str(), |(_, rest)| rest);
    format!("\u{2026}{from_word}")
}
