//! Hostile and odd inputs on every command: text from a file is shown, never obeyed, and a
//! file that is not a story gets one clear line, quickly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use common::{diverge, scratch, stderr_of, write};

/// A window-title OSC, a CSI clear screen, C1 CSI, a bell and a bidi override.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";

const SEED: &str = include_str!("fixtures/breakdown-seed.txt");

/// Which terminal-controlling characters a command's output holds, if any.
fn controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn assert_clean(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let found = controls(bytes);
        assert!(found.is_empty(), "{what}: {stream} holds {found:?}");
    }
}

fn hostile_story(dir: &Path) -> PathBuf {
    let story = serde_json::json!({
        "title": format!("Title {HOSTILE}"),
        "reports": [
            {"outlet": format!("Out{HOSTILE}let"), "headline": HOSTILE,
             "body": [format!("Lee met Xi {HOSTILE} on Tuesday."), "Both spoke.".to_string()]},
            {"outlet": format!("Other\u{85}{HOSTILE}"),
             "body": [format!("Lee met Xi on Monday {HOSTILE}."), "Both spoke.".to_string()]}
        ]
    });
    write(dir, "story.json", story.to_string().as_bytes())
}

/// The seed page with hostile text in its title, a headline and a body line.
fn hostile_page(dir: &Path) -> PathBuf {
    let mut lines: Vec<String> = SEED.lines().map(str::to_string).collect();
    lines[0] = format!("{HOSTILE}{}", lines[0]);
    let headline = lines
        .iter()
        .position(|l| l.starts_with("Seoul’s diplomatic shift"))
        .unwrap();
    lines[headline] = format!("{}{HOSTILE}", lines[headline]);
    lines[headline + 2] = format!("{HOSTILE}{}", lines[headline + 2]);
    write(dir, "page.txt", lines.join("\n").as_bytes())
}

#[test]
fn no_command_writes_a_control_character_from_its_input() {
    let dir = scratch("hostile");
    let story = hostile_story(&dir);
    let page = hostile_page(&dir);
    let left = write(
        &dir,
        &format!("left{HOSTILE}.txt"),
        b"Lee met Xi on Tuesday.\n",
    );
    let right = write(
        &dir,
        &format!("right{HOSTILE}.txt"),
        format!("Lee met {HOSTILE} Xi on Monday.\n").as_bytes(),
    );
    let bad_field = write(
        &dir,
        "bad.json",
        format!(r#"{{"title": "T", "reports": [], "{HOSTILE}": 1}}"#).as_bytes(),
    );
    let empty = write(
        &dir,
        "empty.json",
        format!(r#"{{"title": "{}", "reports": []}}"#, "\\u001b]0;x\\u0007").as_bytes(),
    );
    let missing = dir.join(format!("missing{HOSTILE}.json"));
    let written = dir.join("out.json");
    let s = |p: &PathBuf| p.to_str().unwrap().to_string();
    let runs: Vec<Vec<String>> = vec![
        vec![
            "check".into(),
            s(&story),
            s(&left),
            s(&bad_field),
            s(&missing),
        ],
        vec!["stats".into(), s(&story)],
        vec!["stats".into(), s(&story), "--format".into(), "json".into()],
        vec!["facts".into(), s(&story)],
        vec!["facts".into(), s(&story), "--format".into(), "json".into()],
        vec!["diff".into(), s(&story), "--format".into(), "plain".into()],
        vec!["diff".into(), s(&story), "--format".into(), "json".into()],
        vec!["stats".into(), s(&left), s(&right)],
        vec!["stats".into(), s(&page), "--format".into(), "json".into()],
        vec!["import".into(), s(&page)],
        vec!["import".into(), s(&page), "-o".into(), s(&written)],
        vec![
            "diff".into(),
            s(&left),
            s(&right),
            "--format".into(),
            "plain".into(),
        ],
        vec![
            "diff".into(),
            s(&left),
            s(&right),
            "--format".into(),
            "json".into(),
        ],
        vec![s(&empty)],
        vec![s(&bad_field)],
        vec![s(&missing)],
    ];
    for args in &runs {
        let out = diverge().args(args).output().unwrap();
        assert_clean(&args.join(" "), &out);
    }
    let file = std::fs::read(&written).unwrap();
    assert!(controls(&file).is_empty(), "import -o wrote raw controls");
    // Escaped, not dropped: the JSON still holds the title as it was.
    let doc: serde_json::Value = serde_json::from_slice(&file).unwrap();
    assert!(doc["title"].as_str().unwrap().starts_with(HOSTILE));
    // The ANSI format writes its own styles, but none from the input.
    let out = diverge()
        .args(["diff", &s(&left), &s(&right), "--format", "ansi"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains("\u{1b}]") && !text.contains("\u{1b}[2J"),
        "{text}"
    );
}

#[test]
fn check_shows_a_hostile_title_as_symbols() {
    let dir = scratch("hostile-title");
    let story = hostile_story(&dir);
    let out = diverge().args(["check"]).arg(&story).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("ok (story \"Title ␛]0;pwned␇␛[2J"),
        "{stdout}"
    );
}

/// Runs `args` and expects exit 1, one line on stderr, within a few seconds.
fn one_line(args: &[&std::ffi::OsStr]) -> String {
    let started = Instant::now();
    let out = diverge()
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(20), "{args:?} hung");
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    err.trim_end().to_string()
}

#[test]
fn a_story_without_reports_or_as_an_array_fails_with_a_location() {
    let dir = scratch("invalid-story");
    let no_key = write(&dir, "no-key.json", br#"{"title": "No reports key"}"#);
    let array = write(&dir, "array.json", br#"[{"title": "T", "reports": []}]"#);
    let e = one_line(&["check".as_ref(), no_key.as_os_str()]);
    assert!(
        e.ends_with("no-key.json:1:27: missing field `reports`"),
        "{e}"
    );
    let e = one_line(&["check".as_ref(), array.as_os_str()]);
    assert!(e.contains("array.json:1:1: expected a story object"), "{e}");
}

#[test]
fn a_story_with_zero_reports_opens_with_a_message() {
    let dir = scratch("zero-reports");
    let empty = write(
        &dir,
        "empty.json",
        br#"{"title": "Nothing yet", "reports": []}"#,
    );
    let e = one_line(&[empty.as_os_str()]);
    assert!(e.contains("empty.json: the story has no reports"), "{e}");
}

#[test]
fn odd_files_each_get_one_clear_line() {
    let dir = scratch("odd-files");
    let huge = dir.join("huge.txt");
    // Sparse: 200 MB on paper, nothing on disk, refused before a byte is read.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .unwrap();
    let nul = write(&dir, "nul.txt", &[0u8; 4096]);
    let fifo = dir.join("fifo.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let file = write(&dir, "plain.txt", b"text\n");
    let cases: [(&Path, &str); 5] = [
        (&huge, "not read: it is 200 MB; the limit is 32 MB"),
        (
            &nul,
            "not read: it is binary, not text (a NUL byte at offset 0)",
        ),
        (&dir, "not read: it is a directory"),
        (&fifo, "not read: it is not a regular file"),
        (&file.join("child.txt"), "cannot read: Not a directory"),
    ];
    for (path, expected) in cases {
        for command in [&["check"][..], &["import"], &["stats"], &[]] {
            let mut args: Vec<&std::ffi::OsStr> = command.iter().map(|c| c.as_ref()).collect();
            args.push(path.as_os_str());
            let e = one_line(&args);
            assert!(e.contains(expected), "{args:?}: {e}");
        }
    }
}

#[test]
fn a_long_paragraph_without_spaces_is_read_in_time() {
    let dir = scratch("long-word");
    let word = "x".repeat(5 * 1024 * 1024);
    let a = write(&dir, "a.txt", format!("{word}\n").as_bytes());
    let b = write(&dir, "b.txt", format!("{word}y\n").as_bytes());
    let started = Instant::now();
    let out = diverge()
        .args(["check"])
        .arg(&a)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok (text, 1 paragraph)"));
    let out = diverge()
        .args(["stats"])
        .args([&a, &b])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let e = one_line(&["import".as_ref(), a.as_os_str()]);
    assert!(e.contains("only a title line"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn import_output_is_written_whole_and_never_over_its_page() {
    let dir = scratch("import-output");
    let page = write(&dir, "page.txt", SEED.as_bytes());
    let e = one_line(&[
        "import".as_ref(),
        page.as_os_str(),
        "-o".as_ref(),
        page.as_os_str(),
    ]);
    assert!(e.contains("-o names the page being imported"), "{e}");
    let through_dot = dir.join(".").join("page.txt");
    one_line(&[
        "import".as_ref(),
        page.as_os_str(),
        "-o".as_ref(),
        through_dot.as_os_str(),
    ]);
    assert_eq!(std::fs::read_to_string(&page).unwrap(), SEED);

    let out = dir.join("story.json");
    std::fs::write(&out, "old").unwrap();
    let done = diverge()
        .args(["import"])
        .arg(&page)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", stderr_of(&done));
    let story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(story["reports"].as_array().map(Vec::len), Some(5));
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temp files left behind: {left:?}");

    // A write that fails (the output is a directory) leaves no temp file behind.
    let blocked = dir.join("blocked.json");
    std::fs::create_dir(&blocked).unwrap();
    let failed = diverge()
        .args(["import"])
        .arg(&page)
        .arg("-o")
        .arg(&blocked)
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    let err = stderr_of(&failed);
    let last = err.trim_end().lines().last().unwrap_or_default();
    assert!(last.contains("cannot write"), "{err}");
    assert!(blocked.is_dir());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        3,
        "a temp file was left"
    );
}
