//! How marks look. Every mark has an attribute as well as a colour, so the meaning
//! survives NO_COLOR and monochrome terminals; without colour only attributes are used.

use ratatui::style::{Color, Modifier, Style};

use crate::layout::{Gutter, Mark};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub colour: bool,
    /// Darker colours, readable on a light background.
    pub light: bool,
}

impl Theme {
    /// `style` in `colour`, or in its darker twin on a light background.
    fn tint(self, style: Style, colour: Color) -> Style {
        let colour = match (self.light, colour) {
            (false, c) => c,
            (true, Color::Red) => Color::Rgb(0xa4, 0x00, 0x00),
            (true, Color::Green) => Color::Rgb(0x00, 0x6a, 0x00),
            (true, Color::Magenta) => Color::Rgb(0x8a, 0x00, 0x8a),
            (true, Color::Cyan) => Color::Blue,
            (true, c) => c,
        };
        if self.colour { style.fg(colour) } else { style }
    }

    /// The style of marked text; the current change is drawn reversed as well.
    pub fn mark(self, mark: Mark, current: bool) -> Style {
        let style = match mark {
            Mark::Equal => Style::new(),
            Mark::Delete => self.tint(Style::new().add_modifier(Modifier::CROSSED_OUT), Color::Red),
            Mark::Insert => {
                let attrs = if self.colour {
                    Modifier::UNDERLINED
                } else {
                    Modifier::UNDERLINED | Modifier::BOLD
                };
                self.tint(Style::new().add_modifier(attrs), Color::Green)
            }
            Mark::Style => Style::new().add_modifier(Modifier::DIM),
            Mark::Label => self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Magenta),
        };
        if current {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }

    /// The gutter tag and its style.
    pub fn gutter(self, gutter: Gutter) -> (&'static str, Style) {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match gutter {
            Gutter::Blank => ("", Style::new()),
            Gutter::Moved => ("↕", self.tint(bold, Color::Magenta)),
            Gutter::Removed => ("−", self.tint(bold, Color::Red)),
            Gutter::Added => ("+", self.tint(bold, Color::Green)),
        }
    }

    /// Text that matches the search.
    pub fn found(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.colour {
            style.fg(Color::Black).bg(Color::Yellow)
        } else {
            style.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The outlets on screen, in the list and the titles.
    pub fn chosen(self) -> Style {
        self.tint(self.bold(), Color::Cyan)
    }

    /// The status and title bars.
    pub fn bar(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_marks_keep_their_attributes_and_lose_their_colours() {
        let mono = Theme {
            colour: false,
            light: false,
        };
        let colour = Theme {
            colour: true,
            light: false,
        };
        for mark in [Mark::Delete, Mark::Insert, Mark::Label] {
            let style = mono.mark(mark, false);
            assert_eq!(style.fg, None, "{mark:?}");
            assert!(!style.add_modifier.is_empty(), "{mark:?}");
            assert!(colour.mark(mark, false).fg.is_some(), "{mark:?}");
        }
        assert!(
            mono.mark(Mark::Delete, false)
                .add_modifier
                .contains(Modifier::CROSSED_OUT)
        );
        assert!(
            mono.mark(Mark::Insert, false)
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
        assert!(
            mono.mark(Mark::Insert, true)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert_eq!(mono.mark(Mark::Equal, false), Style::new());
    }
}
