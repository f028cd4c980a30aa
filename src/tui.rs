//! Terminal set-up, restore and the event loop.

use std::io::{Write, stdout};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use base64::Engine;
use crossterm::cursor::MoveTo;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use crate::app::{self, Action, App, Effect, FactsAction, LayoutJob, PairKey, Prefs, Wait};
use crate::facts::Ledger;
use crate::story::Story;
use crate::ui;
use crate::worker::{Delivery, Layouter, Worker};

/// How often the loop wakes without input, to notice a stop signal.
const TICK: Duration = Duration::from_millis(50);

/// What wakes the loop: terminal input or a finished comparison, on one channel so
/// either is handled the moment it arrives.
enum Message {
    Input(Event),
    Delivered(Delivery),
    /// The facts ledger, computed on a thread of its own the first time it is asked for.
    Facts(Box<Ledger>),
    /// The terminal cannot be read any more (it went away, say).
    InputFailed(std::io::Error),
}

/// Opens the reader on `story` and returns when the user quits (status 0) or a signal
/// asks it to stop (status 128 + the signal's number, as shells report it). The terminal
/// is restored on every way out: quit, error, panic, SIGTERM, SIGHUP, SIGINT.
pub fn run(story: Story, prefs: Prefs) -> anyhow::Result<ExitCode> {
    // The number of the signal that arrived; 0 while none has.
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        let number = usize::try_from(signal).unwrap_or(1);
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), number)
            .context("cannot watch for signals")?;
    }
    let (tx, rx) = mpsc::channel();
    let results = tx.clone();
    let worker = Worker::spawn(story.clone(), move |delivery| {
        results.send(Message::Delivered(delivery)).is_ok()
    })
    .context("cannot start the diff thread")?;
    let laid_out = tx.clone();
    let layouter =
        Layouter::spawn(move |delivery| laid_out.send(Message::Delivered(delivery)).is_ok())
            .context("cannot start the layout thread")?;
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());

    // ratatui's init installs a panic hook that restores the terminal; ours runs first
    // and also turns mouse reporting off.
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        restore_terminal(info);
    }));
    let result = set_mouse(!prefs.no_mouse).and_then(|()| {
        spawn_input(tx.clone(), Arc::clone(&stop)).context("cannot start the input thread")?;
        let size = terminal.size().context("cannot read the terminal size")?;
        let app = App::with_prefs(story, (size.width, size.height), colour, prefs);
        let threads = Threads {
            worker: &worker,
            layouter: &layouter,
        };
        event_loop(&mut terminal, app, threads, (&tx, &rx), &stop)
    });
    let signal = stop.load(Ordering::Relaxed);
    // The input thread sees this and stops reading before the terminal is handed back.
    stop.store(usize::MAX, Ordering::Relaxed);
    // A blank alternate screen, cursor home, before it is left: a terminal resized while
    // the reader ran (tmux does this) may otherwise carry its rows into the shell. Written
    // as is: ratatui's clear first asks the terminal where the cursor is, and the answer
    // waits for the input thread's last poll, 50 ms.
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        Clear(ClearType::All),
        MoveTo(0, 0)
    );
    ratatui::restore();
    // Left to the operating system, not freed: a long story's comparisons, rows and
    // sentence index took 30–50 ms to free after the terminal was back, and the shell's
    // prompt waited for it.
    std::mem::forget(result?);
    Ok(match u8::try_from(signal) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(n) => ExitCode::from(128u8.saturating_add(n)),
        Err(_) => ExitCode::FAILURE,
    })
}

/// Reads terminal input on its own thread and forwards it to the loop.
fn spawn_input(tx: Sender<Message>, stop: Arc<AtomicUsize>) -> std::io::Result<()> {
    thread::Builder::new()
        .name("diverge-input".into())
        .spawn(move || {
            while stop.load(Ordering::Relaxed) == 0 {
                let message =
                    match event::poll(TICK).and_then(|ready| ready.then(event::read).transpose()) {
                        Ok(None) => continue,
                        Ok(Some(ev)) => Message::Input(ev),
                        Err(e) => Message::InputFailed(e),
                    };
                let failed = matches!(message, Message::InputFailed(_));
                if tx.send(message).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(())
}

/// The threads the loop hands long work to.
struct Threads<'t> {
    worker: &'t Worker,
    layouter: &'t Layouter,
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    Threads { worker, layouter }: Threads,
    (tx, rx): (&Sender<Message>, &Receiver<Message>),
    stop: &AtomicUsize,
) -> anyhow::Result<App> {
    let mut ledger_asked = false;
    // One comparison at a time, so the pair on screen always goes first.
    let mut asked = None;
    // The layout (or search) asked for last: asked again only when the reader wants
    // another.
    let mut layout_asked = None;
    let mut dirty = true;
    // A message read while looking past a resize, handled next.
    let mut held = None;
    let mut waiting: Option<Waiting> = None;
    while !app.quit && stop.load(Ordering::Relaxed) == 0 {
        if asked.is_none() {
            asked = app.wanted().filter(|&key| worker.request(key));
        }
        let job = app.layout_job();
        let wanted = job.as_ref().map(LayoutJob::asks);
        if wanted != layout_asked {
            layout_asked = wanted;
            if let Some(job) = job {
                anyhow::ensure!(layouter.request(job), "the layout thread stopped");
            }
        }
        if app.facts.wanted() && !ledger_asked {
            ledger_asked = true;
            spawn_ledger(&app, tx.clone()).context("cannot start the facts thread")?;
        }
        let computing = app.computing();
        if computing != waiting.as_ref().map(|w| w.key) {
            waiting = computing.map(|key| Waiting {
                key,
                since: Instant::now(),
                bytes: app.pair_bytes(key),
                shown: (0, None),
            });
        }
        if dirty {
            terminal.draw(|frame| ui::draw(frame, &app))?;
        }
        let message = match held.take() {
            Some(message) => Ok(message),
            None => rx.recv_timeout(TICK),
        };
        let action = match message {
            Ok(Message::Delivered(Delivery::Computed(key, comparison))) => {
                asked = None;
                Some(Action::Computed(key, comparison))
            }
            Ok(Message::Delivered(Delivery::Told(key, told))) => Some(Action::Told(key, told)),
            Ok(Message::Delivered(Delivery::Reuse(grid))) => Some(Action::Reuse(grid)),
            Ok(Message::Delivered(Delivery::Counted(words))) => Some(Action::Counted(words)),
            Ok(Message::Delivered(Delivery::LaidOut(key, layout))) => {
                Some(Action::LaidOut(key, layout))
            }
            Ok(Message::Facts(ledger)) => Some(Action::Facts(FactsAction::Ready(ledger))),
            Ok(Message::Input(Event::Key(key))) => app::action_for_key(&app, key),
            Ok(Message::Input(Event::Mouse(mouse))) => app::action_for_mouse(&app, mouse),
            Ok(Message::Input(Event::Resize(w, h))) => {
                let (w, h) = last_size(rx, (w, h), &mut held);
                Some(Action::Resize(w, h))
            }
            Ok(Message::Input(_)) | Err(RecvTimeoutError::Timeout) => None,
            Ok(Message::InputFailed(e)) => return Err(e).context("cannot read the terminal"),
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("the input thread stopped"),
        };
        // Counted whenever nothing else happens, not only on a quiet tick: a mouse moved
        // over the screen sends events that do nothing, and the count would stop.
        let action = action.or_else(|| waited(&mut waiting, worker));
        dirty = action.is_some();
        if matches!(action, Some(Action::Redraw)) {
            // Forget what the terminal shows, so the next draw sends every cell.
            terminal.clear()?;
        }
        if let Some(action) = action {
            app::update(&mut app, action);
        }
        if let Some(effect) = app.effect.take() {
            carry_out(terminal, &mut app, effect)?;
        }
        if let Some(old) = app.take_retired() {
            thread::Builder::new()
                .name("diverge-free".into())
                .spawn(move || drop(old))
                .context("cannot start a thread")?;
        }
    }
    Ok(app)
}

/// The pair on screen while it computes: since when, the bytes of its paragraphs, and
/// the wait last shown (tenths of a second, percent).
struct Waiting {
    key: PairKey,
    since: Instant,
    bytes: usize,
    shown: (u128, Option<u8>),
}

/// The wait for the pair on screen, when the tenth of a second or the percent shown
/// has changed. The percent stops at 99: the comparison is not on screen yet.
fn waited(waiting: &mut Option<Waiting>, worker: &Worker) -> Option<Action> {
    let waiting = waiting.as_mut()?;
    let elapsed = waiting.since.elapsed();
    let percent = worker.progress(waiting.key).and_then(|done| {
        let share = done.saturating_mul(100) / waiting.bytes.max(1);
        u8::try_from(share.min(99)).ok()
    });
    let shown = (elapsed.as_millis() / 100, percent);
    (shown != waiting.shown).then(|| {
        waiting.shown = shown;
        Action::Waited(waiting.key, Wait { elapsed, percent })
    })
}

/// Computes the story's facts ledger on its own thread: it compares every pair of
/// reports, which for a big story takes longer than a frame.
fn spawn_ledger(app: &App, tx: Sender<Message>) -> std::io::Result<()> {
    let story = app.story.clone();
    thread::Builder::new()
        .name("diverge-facts".into())
        .spawn(move || {
            let _ = tx.send(Message::Facts(Box::new(crate::facts::ledger(&story))));
        })?;
    Ok(())
}

fn set_mouse(on: bool) -> anyhow::Result<()> {
    if on {
        execute!(stdout(), EnableMouseCapture).context("cannot turn mouse reporting on")
    } else {
        execute!(stdout(), DisableMouseCapture).context("cannot turn mouse reporting off")
    }
}

/// Does what only the terminal can: the clipboard, a file, the mouse, job control. A
/// failure that leaves the reader usable becomes a message.
fn carry_out(terminal: &mut DefaultTerminal, app: &mut App, effect: Effect) -> anyhow::Result<()> {
    match effect {
        Effect::Copy(text) => {
            // OSC 52: the terminal (and tmux, and ssh) put the text on the clipboard.
            let encoded = base64::engine::general_purpose::STANDARD.encode(text);
            let mut out = stdout();
            if write!(out, "\x1b]52;c;{encoded}\x07")
                .and_then(|()| out.flush())
                .is_err()
            {
                app.message = Some("cannot write to the terminal".to_string());
            }
        }
        Effect::Export { name, contents } => {
            app.message = Some(match write_export(&name, &contents) {
                Ok(path) => format!("wrote {}", path.display()),
                Err(e) => format!("cannot write {name}: {e}"),
            });
        }
        Effect::Mouse(on) => set_mouse(on)?,
        Effect::Suspend => {
            suspend(app.mouse)?;
            terminal.clear().context("cannot redraw after resuming")?;
            let size = terminal.size().context("cannot read the terminal size")?;
            app::update(app, Action::Resize(size.width, size.height));
        }
    }
    Ok(())
}

/// Writes an export to the working directory, or to the temporary one when that is not
/// writable; returns where it went.
fn write_export(name: &str, contents: &str) -> std::io::Result<PathBuf> {
    let here = std::env::current_dir().map(|d| d.join(name));
    match here.and_then(|path| std::fs::write(&path, contents).map(|()| path)) {
        Ok(path) => Ok(path),
        Err(_) => {
            let path = std::env::temp_dir().join(Path::new(name));
            std::fs::write(&path, contents).map(|()| path)
        }
    }
}

/// Hands the terminal back and stops, as Ctrl-z does to any program; when the shell
/// resumes us (`fg`), takes the terminal again.
fn suspend(mouse: bool) -> anyhow::Result<()> {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    signal_hook::low_level::raise(SIGTSTP).context("cannot suspend")?;
    enable_raw_mode().context("cannot take the terminal back")?;
    execute!(stdout(), EnterAlternateScreen).context("cannot take the terminal back")?;
    set_mouse(mouse)
}

/// The last of a run of resizes: dragging a window edge sends many, and only the last
/// needs the text re-wrapped. The first other message is put in `held`.
fn last_size(
    rx: &Receiver<Message>,
    mut size: (u16, u16),
    held: &mut Option<Message>,
) -> (u16, u16) {
    loop {
        match rx.try_recv() {
            Ok(Message::Input(Event::Resize(w, h))) => size = (w, h),
            Ok(other) => {
                *held = Some(other);
                return size;
            }
            Err(_) => return size,
        }
    }
}
