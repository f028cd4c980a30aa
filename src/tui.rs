//! Terminal set-up, restore and the event loop.

use std::io::stdout;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::app::{self, Action, App};
use crate::diff::Doc;
use crate::story::Story;
use crate::ui;
use crate::worker::Worker;

/// How long the loop waits for input before looking at the worker and the signals.
const TICK: Duration = Duration::from_millis(40);

/// Opens the reader on `story` and returns when the user quits or a signal asks to stop.
/// The terminal is restored on every way out: quit, error, panic, SIGTERM, SIGHUP.
pub fn run(story: Story) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot watch for signals")?;
    }
    let docs = story
        .reports
        .iter()
        .map(|r| Doc::from_paragraphs(&r.body))
        .collect();
    let worker = Worker::spawn(docs).context("cannot start the diff thread")?;
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());

    // ratatui's init installs a panic hook that restores the terminal; ours runs first
    // and also turns mouse reporting off.
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        restore_terminal(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture)
        .context("cannot turn mouse reporting on")
        .and_then(|()| {
            let size = terminal.size().context("cannot read the terminal size")?;
            let app = App::new(story, (size.width, size.height), colour);
            event_loop(&mut terminal, app, &worker, &stop)
        });
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    worker: &Worker,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    // One comparison at a time, so the pair on screen always goes first.
    let mut asked = None;
    let mut dirty = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if asked.is_none() {
            asked = app.wanted().filter(|&key| worker.request(key));
        }
        if dirty {
            terminal.draw(|frame| ui::draw(frame, &app))?;
            dirty = false;
        }
        while let Some((key, comparison)) = worker.try_result() {
            asked = None;
            app::update(&mut app, Action::Computed(key, Box::new(comparison)));
            dirty = true;
        }
        if !event::poll(TICK)? {
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) => app::action_for_key(&app, key),
            Event::Mouse(mouse) => app::action_for_mouse(&app, mouse),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            app::update(&mut app, action);
            dirty = true;
        }
    }
    Ok(())
}
