//! End to end: the reader runs in a real terminal (tmux), takes keys, draws, and exits
//! cleanly with status 0 on q.

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

fn tmux_present() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
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

#[test]
fn reader_runs_in_tmux_and_quits_cleanly() {
    if !tmux_present() {
        println!("note: tmux is not installed; skipping the end-to-end reader test");
        return;
    }
    let id = format!("diverge-e2e-{}", std::process::id());
    let rc: PathBuf = std::env::temp_dir().join(format!("{id}.rc"));
    let _ = std::fs::remove_file(&rc);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let command = format!(
        "{} {} {}; echo $? > {}",
        quoted(Path::new(env!("CARGO_BIN_EXE_diverge"))),
        quoted(&fixtures.join("reuters.txt")),
        quoted(&fixtures.join("straits_times.txt")),
        quoted(&rc),
    );
    let tmux = Tmux {
        socket: id.clone(),
        session: id,
    };
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        &tmux.session,
        "-x",
        "120",
        "-y",
        "40",
        "sh",
        "-c",
        &command,
    ]);
    assert!(started.status.success(), "{started:?}");

    let first = tmux.wait_for("similarity");
    assert!(first.contains("reuters ⇄ straits_times"), "{first}");
    assert!(first.contains("Item 1 of 2"), "{first}");
    assert!(first.contains(" q quit"), "{first}");

    tmux.keys(&["j"]);
    let scrolled = tmux.wait_until("j to scroll a line", |s| !s.contains("Item 1 of 2"));
    assert!(scrolled.contains("− his wife Kim"), "{scrolled}");

    tmux.keys(&["n"]);
    tmux.wait_for("change 2 of");

    tmux.keys(&["v"]);
    tmux.wait_for("struck = only in reuters");

    tmux.keys(&["?"]);
    tmux.wait_for("Keys — Esc closes");
    tmux.keys(&["Escape"]);
    let closed = tmux.wait_until("Esc to close the help", |s| !s.contains("Keys — Esc"));
    assert!(closed.contains("inline ·"), "{closed}");

    tmux.keys(&["x"]);
    tmux.wait_for("straits_times ⇄ reuters");

    // Mouse input as the terminal sends it (SGR encoding, 1-based cells): a right click
    // on the first outlet in the list (screen row 4) puts it on the left.
    tmux.keys(&["-l", "\x1b[<2;5;4M\x1b[<2;5;4m"]);
    tmux.wait_for("reuters ⇄ straits_times");
    tmux.keys(&["1", "g"]);
    tmux.wait_for("− Item 1 of 2");
    tmux.keys(&["-l", "\x1b[<65;50;30M"]);
    tmux.wait_until("the wheel to scroll", |s| !s.contains("Item 1 of 2"));

    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc), "0\n");
    let _ = std::fs::remove_file(&rc);
}
