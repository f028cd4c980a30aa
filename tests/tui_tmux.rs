//! End to end: the reader runs in a real terminal (tmux), takes keys, draws, and exits
//! cleanly with status 0 on q.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when the test ends.
struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux {args:?}: {e}"))
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    fn screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`, or fails with the last screen.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |screen| screen.contains(text))
    }

    /// Waits until `done` holds for the screen, or fails with the last screen.
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited for {what}; the screen shows:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Fails the calling test, with the reason, when `program` (tmux) cannot run: passing
/// would claim that a reader that was never run works.
fn require(program: &str) {
    let present = Command::new(program)
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        present,
        "{program} is not installed, so the end-to-end reader test cannot run: install tmux \
         (apt-get install tmux), or leave these tests out with `cargo test -- --skip tmux`"
    );
}

#[test]
#[should_panic(expected = "is not installed, so the end-to-end reader test cannot run")]
fn a_missing_tmux_fails_rather_than_passes() {
    require("tmux-which-is-not-installed");
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        if let Ok(text) = std::fs::read_to_string(path) {
            if text.ends_with('\n') {
                return text;
            }
        }
        sleep(Duration::from_millis(50));
    }
    panic!("{} never appeared", path.display());
}

/// The reader's command line on the two fixtures.
fn reader_command() -> String {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    format!(
        "{} {} {}",
        quoted(Path::new(env!("CARGO_BIN_EXE_diverge"))),
        quoted(&fixtures.join("reuters.txt")),
        quoted(&fixtures.join("straits_times.txt")),
    )
}

/// A fresh tmux server, 120x40, running `command` with `env` set.
fn server(name: &str, env: &[(&str, &Path)], command: &str) -> Tmux {
    server_sized(name, env, command, (120, 40))
}

/// A fresh tmux server of `size` cells running `command` with `env` set.
fn server_sized(name: &str, env: &[(&str, &Path)], command: &str, size: (u16, u16)) -> Tmux {
    require("tmux");
    let id = format!("diverge-{name}-{}", std::process::id());
    let tmux = Tmux {
        socket: id.clone(),
        session: id,
    };
    let (w, h) = (size.0.to_string(), size.1.to_string());
    let mut args = vec!["new-session", "-d", "-s", &tmux.session, "-x", &w, "-y", &h];
    let env: Vec<String> = env
        .iter()
        .map(|(k, v)| format!("{k}={}", v.display()))
        .collect();
    for pair in &env {
        args.extend_from_slice(&["-e", pair]);
    }
    args.extend_from_slice(&["sh", "-c", command]);
    let started = tmux.run(&args);
    assert!(started.status.success(), "{started:?}");
    tmux
}

/// A scratch file path for this test run.
fn scratch(name: &str, ext: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("diverge-{name}-{}.{ext}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

/// Starts the reader on the two fixtures in a fresh tmux server, 120x40, with `sleep`
/// after it so the pane outlives it; returns the server and the file that receives the
/// reader's exit status.
fn start(name: &str) -> (Tmux, PathBuf) {
    start_with(name, &[])
}

fn start_with(name: &str, env: &[(&str, &Path)]) -> (Tmux, PathBuf) {
    let rc = scratch(name, "rc");
    let command = format!("{}; echo $? > {}; sleep 30", reader_command(), quoted(&rc));
    (server(name, env, &command), rc)
}

/// Writes scratch input files for a test and returns their paths.
fn scratch_files(test: &str, files: &[(&str, String)]) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("tmux-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{name}: {e}"));
            path
        })
        .collect()
}

/// Starts the reader on `files` in a terminal of `size` cells.
fn start_on(name: &str, files: &[PathBuf], size: (u16, u16)) -> (Tmux, PathBuf) {
    let rc = scratch(name, "rc");
    let files: Vec<String> = files.iter().map(|f| quoted(f)).collect();
    let command = format!(
        "{} {}; echo $? > {}; sleep 30",
        quoted(Path::new(env!("CARGO_BIN_EXE_diverge"))),
        files.join(" "),
        quoted(&rc),
    );
    (server_sized(name, &[], &command, size), rc)
}

/// Whether the pane shows the alternate screen, as a full-screen program uses it.
fn alternate_screen(tmux: &Tmux) -> String {
    let out = tmux.run(&[
        "display-message",
        "-p",
        "-t",
        &tmux.session,
        "#{alternate_on}",
    ]);
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn reader_runs_in_tmux_and_quits_cleanly() {
    let (tmux, rc) = start("e2e");
    let first = tmux.wait_for("similarity");
    assert!(first.contains("reuters ⇄ straits_times"), "{first}");
    // It opens past the photo caption only the left has, at the first change.
    assert!(!first.contains("Item 1 of 2"), "{first}");
    assert!(first.contains(" q quit"), "{first}");

    tmux.keys(&["g"]);
    tmux.wait_for("Item 1 of 2");
    tmux.keys(&["j"]);
    let scrolled = tmux.wait_until("j to scroll a line", |s| !s.contains("Item 1 of 2"));
    assert!(scrolled.contains("− his wife Kim"), "{scrolled}");

    tmux.keys(&["n"]);
    tmux.wait_for("change 3 of");

    tmux.keys(&["v"]);
    tmux.wait_for("Told by both: ");
    tmux.keys(&["v"]);
    tmux.wait_for("struck = only in reuters");

    tmux.keys(&["?"]);
    tmux.wait_for("Esc closes");
    tmux.keys(&["Escape"]);
    // Under load tmux can be captured mid-frame: wait for the whole status line too.
    let closed = tmux.wait_until("Esc to close the help", |s| {
        !s.contains("Keys — ") && s.contains("inline ·")
    });
    assert!(!closed.contains("│ v "), "{closed}");

    tmux.keys(&["x"]);
    tmux.wait_for("straits_times ⇄ reuters");

    // Mouse input as the terminal sends it (SGR encoding, 1-based cells): a right click
    // on the first outlet in the list (screen row 4) puts it on the left.
    tmux.keys(&["-l", "\x1b[<2;5;4M\x1b[<2;5;4m"]);
    tmux.wait_for("reuters ⇄ straits_times");
    tmux.keys(&["M-1", "g"]);
    tmux.wait_for("− Item 1 of 2");
    tmux.keys(&["-l", "\x1b[<65;50;30M"]);
    tmux.wait_until("the wheel to scroll", |s| !s.contains("Item 1 of 2"));

    let resize = |w: &str, h: &str| {
        let out = tmux.run(&["resize-window", "-t", &tmux.session, "-x", w, "-y", h]);
        assert!(out.status.success(), "{out:?}");
    };
    resize("30", "8");
    tmux.wait_for("Terminal too small: 30x8");
    resize("60", "20");
    // A narrow header says "sim" for similarity; the pair's arrow is there at any width.
    let narrow = tmux.wait_for("⇄");
    assert!(narrow.lines().all(|l| l.chars().count() <= 60), "{narrow}");

    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
    assert_eq!(alternate_screen(&tmux), "0", "the terminal is handed back");
    let _ = std::fs::remove_file(&rc);
}

/// The process id of the reader: the child of the pane's shell.
fn reader_pid(tmux: &Tmux) -> String {
    let out = tmux.run(&["list-panes", "-t", &tmux.session, "-F", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let children = format!("/proc/{shell}/task/{shell}/children");
    std::fs::read_to_string(&children)
        .unwrap_or_else(|e| panic!("{children}: {e}"))
        .split_whitespace()
        .next()
        .unwrap_or_else(|| panic!("no reader under the pane's shell {shell}"))
        .to_string()
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, status) in [("TERM", "143\n"), ("HUP", "129\n")] {
        let (tmux, rc) = start(&format!("sig{signal}"));
        tmux.wait_for("similarity");
        assert_eq!(alternate_screen(&tmux), "1");
        let pid = reader_pid(&tmux);
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(&pid)
            .status()
            .unwrap_or_else(|e| panic!("kill: {e}"));
        assert!(killed.success());
        assert_eq!(wait_for_file(&rc), status, "SIG{signal}");
        assert_eq!(
            alternate_screen(&tmux),
            "0",
            "SIG{signal}: terminal restored"
        );
        let _ = std::fs::remove_file(&rc);
    }
}

/// The rows of the diff area: between the pane titles (the focused one has `▸`) and the
/// status line.
fn diff_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let titles = lines
        .iter()
        .position(|l| l.contains('▸'))
        .unwrap_or_else(|| panic!("no pane titles:\n{screen}"));
    let end = lines.len().saturating_sub(1);
    lines[titles + 1..end]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn counts_and_half_pages_scroll_as_in_vim() {
    let (tmux, rc) = start("counts");
    tmux.wait_for("similarity");
    // From the very top: the reader opens at the first change, past the caption.
    tmux.keys(&["g"]);
    let top = tmux.wait_for("Item 1 of 2");
    let rows = diff_rows(&top);
    tmux.keys(&["3"]);
    tmux.wait_until("the count on the status line", |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.contains(" 3 · side by side"))
    });
    tmux.keys(&["j"]);
    // Scrolled three rows, and the count used up (the status line may be drawn a moment
    // after the rows, so both are waited for).
    tmux.wait_until("3j, the count used up", |s| {
        diff_rows(s).first() == rows.get(3) && !s.lines().last().unwrap_or("").contains(" 3 ·")
    });
    tmux.keys(&["g", "C-d"]);
    let half = rows.len() / 2;
    tmux.wait_until("Ctrl-d half a page", |s| {
        diff_rows(s).first() == rows.get(half)
    });
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
}

#[test]
fn a_config_file_remaps_quit_and_the_help_shows_it() {
    let dir = scratch("xdg", "d");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("diverge")).unwrap();
    std::fs::write(dir.join("diverge/config.toml"), "[keys]\nquit = [\"Q\"]\n").unwrap();
    let (tmux, rc) = start_with("remap", &[("XDG_CONFIG_HOME", &dir)]);
    let first = tmux.wait_for("similarity");
    assert!(first.contains(" Q quit  ? help"), "{first}");
    tmux.keys(&["g"]);
    tmux.wait_for("Item 1 of 2");
    tmux.keys(&["q", "j"]);
    // j still scrolls after q: the reader did not quit.
    tmux.wait_until("j after q", |s| !s.contains("Item 1 of 2"));
    assert!(std::fs::read_to_string(&rc).is_err(), "q quit the reader");
    tmux.keys(&["?"]);
    tmux.wait_for("Keys — ");
    // The help is taller than the terminal: its last lines are a scroll away.
    tmux.keys(&["-N", "60", "j"]);
    let help = tmux.wait_for("right-click");
    assert!(help.contains("│ Q                   quit"), "{help}");
    tmux.keys(&["Escape"]);
    tmux.wait_until("the help closed", |s| !s.contains("Keys — "));
    tmux.keys(&["Q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_config_file_is_named_in_one_line_and_the_reader_starts() {
    let dir = scratch("badxdg", "d");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("diverge")).unwrap();
    std::fs::write(
        dir.join("diverge/config.toml"),
        "mouse = true\nview = \"wide\"\n",
    )
    .unwrap();
    let (tmux, rc) = start_with("badconfig", &[("XDG_CONFIG_HOME", &dir)]);
    tmux.wait_for("config.toml:2:8: unknown variant `wide`");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Everything the pane's program writes, as bytes, once `done` holds for it.
fn wait_for_log(log: &Path, what: &str, done: impl Fn(&[u8]) -> bool) -> Vec<u8> {
    let start = Instant::now();
    loop {
        let bytes = std::fs::read(log).unwrap_or_default();
        if done(&bytes) {
            return bytes;
        }
        if start.elapsed() > Duration::from_secs(15) {
            panic!("waited for {what}; the log has {} bytes", bytes.len());
        }
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn y_copies_through_osc52_and_c_hands_the_mouse_back() {
    let (tmux, rc) = start("osc52");
    tmux.wait_for("similarity");
    let log = scratch("osc52", "log");
    let pipe = format!("cat >> {}", quoted(&log));
    assert!(
        tmux.run(&["pipe-pane", "-o", "-t", &tmux.session, &pipe])
            .status
            .success()
    );
    // The reader opens with the first change past the photo caption current.
    tmux.keys(&["y"]);
    tmux.wait_for("to the clipboard (OSC 52)");
    let osc = b"\x1b]52;c;";
    let bytes = wait_for_log(&log, "OSC 52", |b| b.windows(osc.len()).any(|w| w == osc));
    let at = bytes.windows(osc.len()).position(|w| w == osc).unwrap_or(0) + osc.len();
    let end = bytes[at..].iter().position(|&b| b == 0x07).map(|e| at + e);
    let encoded = &bytes[at..end.unwrap_or_else(|| panic!("OSC 52 not ended by BEL"))];
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap_or_else(|e| panic!("base64: {e}"));
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("BEIJING[-, June 10 (Reuters)-]"),
        "the first change's paragraph: {text}"
    );

    // Mouse reporting off (DECSET 1000 reset), then on again.
    tmux.keys(&["c"]);
    tmux.wait_for("mouse off");
    let off = b"\x1b[?1000l";
    wait_for_log(&log, "mouse off", |b| {
        b.windows(off.len()).any(|w| w == off)
    });
    tmux.keys(&["c"]);
    tmux.wait_for("mouse on");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
    let _ = std::fs::remove_file(&log);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes() {
    // An interactive shell, so there is job control to come back with.
    let tmux = server("suspend", &[], "bash --norc --noprofile -i");
    tmux.wait_until("a prompt", |s| s.contains('$') || s.contains('#'));
    tmux.keys(&["-l", &reader_command()]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("similarity");
    tmux.keys(&["C-z"]);
    let shell = tmux.wait_for("Stopped");
    assert_eq!(
        alternate_screen(&tmux),
        "0",
        "the shell gets the screen:\n{shell}"
    );
    tmux.keys(&["fg", "Enter"]);
    let back = tmux.wait_for("similarity");
    assert_eq!(alternate_screen(&tmux), "1");
    assert!(back.contains(" q quit"), "{back}");
    tmux.keys(&["j"]);
    tmux.wait_until("keys work after resuming", |s| !s.contains("Item 1 of 2"));
    tmux.keys(&["q"]);
    tmux.wait_until("the shell again", |s| !s.contains("similarity"));
    tmux.keys(&["-l", "echo status=$?"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("status=0");
    assert_eq!(alternate_screen(&tmux), "0");
}

/// True when a regional indicator stands alone on screen: half a flag, left behind.
fn stray_flag_half(screen: &str) -> bool {
    let is_ri = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    screen.lines().any(|line| {
        let chars: Vec<char> = line.chars().collect();
        chars.split(|&c| !is_ri(c)).any(|run| run.len() % 2 == 1)
    })
}

#[test]
fn flag_emoji_leave_no_stray_cells_when_scrolling() {
    let para = |i: usize, verb: &str| {
        format!(
            "Paragraph {i} 🇰🇷 South Korea and 🇨🇳 China {verb} 👍 to work on trade 🤝 and \
             security 👨\u{200d}👩\u{200d}👧 in the region ❤\u{fe0f} 👍🏽, officials said."
        )
    };
    let text = |verb: &str| {
        (0..12)
            .map(|i| para(i, verb))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let files = scratch_files(
        "flags",
        &[("a.txt", text("agreed")), ("b.txt", text("pledged"))],
    );
    let (tmux, rc) = start_on("flags", &files, (80, 24));
    tmux.wait_for("similarity");
    for _ in 0..7 {
        tmux.keys(&["j"]);
        sleep(Duration::from_millis(100));
    }
    let scrolled = tmux.wait_for("Paragraph 3");
    assert!(!stray_flag_half(&scrolled), "{scrolled}");
    // What was drawn step by step is what a full repaint draws.
    tmux.keys(&["C-l"]);
    sleep(Duration::from_millis(300));
    assert_eq!(tmux.screen(), scrolled);
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
    let _ = std::fs::remove_file(&rc);
}

#[test]
fn started_small_then_grown_the_reader_leaves_nothing_in_the_shell() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = [
        fixtures.join("reuters.txt"),
        fixtures.join("straits_times.txt"),
    ];
    let (tmux, rc) = start_on("small", &files, (30, 8));
    tmux.wait_for("Terminal too small");
    let out = tmux.run(&["resize-window", "-t", &tmux.session, "-x", "80", "-y", "24"]);
    assert!(out.status.success(), "{out:?}");
    tmux.wait_for("similarity");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
    assert_eq!(alternate_screen(&tmux), "0", "the terminal is handed back");
    let shell = tmux.screen();
    assert!(
        shell.trim().is_empty(),
        "the reader's text stayed in the shell:\n{shell}"
    );
    let _ = std::fs::remove_file(&rc);
}

/// The bundled story as a newcomer meets it: the overview first, then a pair of
/// independent reports in the told-by-both view, the facts ledger, and back.
#[test]
fn the_bundled_story_opens_on_the_overview_and_its_screens_connect() {
    let story =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/lee-xi-call-2025-06-10.json");
    let (tmux, rc) = start_on("screens", &[story], (120, 40));
    // Once every pair is compared, the most similar non-identical one is selected: the
    // reprint, The Straits Times (column 3) against Reuters (row 2).
    tmux.wait_for("[84·93]");
    // One column right: Reuters against The Korea Herald, written independently.
    tmux.keys(&["l", "Enter"]);
    let both = tmux.wait_for("Told by both: ");
    assert!(both.contains("Reuters ⇄ The Korea Herald"), "{both}");
    tmux.keys(&["f"]);
    // The ledger is worked out on its own thread; the day of the call is told differently.
    let ledger = tmux.wait_for("Tuesday ≠ June 10");
    assert!(ledger.contains("Facts ledger"), "{ledger}");
    tmux.keys(&["Escape"]);
    tmux.wait_until("Esc back from the ledger", |s| !s.contains("Facts ledger"));
    tmux.keys(&["o"]);
    tmux.wait_for("row \\ column");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
}
