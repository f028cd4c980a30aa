//! Sharing and scripting: diff(1) exit statuses, stdin, Markdown and HTML export, what
//! the reader prints into a pipe, completions, the man page and the config command.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

mod common;

use std::process::{Command as StdCommand, Stdio};

use common::{diverge, scratch, stderr_of, write};

const REUTERS: &str = "tests/fixtures/reuters.txt";
const STRAITS_TIMES: &str = "tests/fixtures/straits_times.txt";

fn run(cmd: &mut assert_cmd::Command) -> (Option<i32>, String, String) {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code(), stdout, stderr_of(&out))
}

#[test]
fn diff_exit_status_follows_diff1() {
    let dir = scratch("exit-status");
    let a = write(&dir, "a.txt", b"Mr Lee called Mr Xi on Tuesday.\n");
    let same = write(&dir, "same.txt", b"Mr Lee called Mr Xi on Tuesday.\n");
    let style = write(&dir, "style.txt", b"Mr. Lee called Mr. Xi on Tuesday.\n");
    let other = write(&dir, "other.txt", b"Lee called Xi on June 10.\n");
    let status = |args: &[&std::path::Path], extra: &[&str]| {
        run(diverge().arg("diff").args(args).args(extra)).0
    };
    assert_eq!(status(&[&a, &same], &[]), Some(0), "equal");
    assert_eq!(status(&[&a, &other], &[]), Some(1), "different");
    assert_eq!(
        status(&[&a, &style], &[]),
        Some(1),
        "style counts without --normalize"
    );
    assert_eq!(
        status(&[&a, &style], &["--normalize"]),
        Some(0),
        "and not with it"
    );
    let missing = dir.join("missing.txt");
    let (code, _, err) = run(diverge().arg("diff").arg(&a).arg(&missing));
    assert_eq!(code, Some(2), "trouble");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn diff_reads_one_side_from_stdin() {
    let from_file = run(diverge().args(["diff", REUTERS, STRAITS_TIMES, "--format", "json"]));
    let text = std::fs::read(REUTERS).unwrap();
    let from_stdin = run(diverge()
        .args(["diff", "-", STRAITS_TIMES, "--format", "json"])
        .write_stdin(text));
    assert_eq!(from_stdin.0, Some(1), "{}", from_stdin.2);
    let doc: serde_json::Value = serde_json::from_str(&from_stdin.1).unwrap();
    let file_doc: serde_json::Value = serde_json::from_str(&from_file.1).unwrap();
    assert_eq!(doc["left"]["name"], "stdin");
    assert_eq!(doc["ops"], file_doc["ops"]);
    let (code, _, err) = run(diverge().args(["diff", "-", "-"]).write_stdin("a"));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("only one side can be read from stdin"),
        "{err}"
    );
    let (code, _, err) = run(diverge().args(["diff", REUTERS, "-"]).write_stdin("  \n"));
    assert_eq!(
        (code, err.trim_end()),
        (Some(2), "diverge: stdin: file is empty")
    );
}

/// The hostile pair: markup, an escape sequence, quotes and ampersands on both sides.
fn hostile() -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = scratch("hostile");
    let a = write(
        &dir,
        "<i>\"left\"&.txt",
        "He said \"hi\" & <script>alert('x')</script> \u{1b}]0;pwned\u{7} here.\n\n\
         <img src=x onerror=alert(1)> stays.\n"
            .as_bytes(),
    );
    let b = write(
        &dir,
        "right's.txt",
        "He said 'bye' & <style>body{display:none}</style> \u{1b}[2J there.\n\n\
         <img src=x onerror=alert(1)> stays.\n"
            .as_bytes(),
    );
    (a, b)
}

/// The tags of `html` in order, as written between `<` and `>`; panics on a tag that is
/// not closed or a stray `<` or `>`, as a well-formedness check.
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        assert!(
            !rest[..open].contains('>'),
            "stray > in {:?}",
            &rest[..open]
        );
        let close = rest[open..].find('>').expect("unclosed tag") + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "< inside a tag: {tag}");
        out.push(tag.to_string());
        rest = &rest[close + 1..];
    }
    out
}

#[test]
fn html_export_is_well_formed_escaped_and_self_contained() {
    let (a, b) = hostile();
    let (code, page, err) = run(diverge().args(["diff", "--format", "html"]).arg(&a).arg(&b));
    assert_eq!(code, Some(1), "{err}");
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    // Elements nest and close; void elements are written self-closed.
    let names: Vec<String> = tags(&page)
        .iter()
        .map(|t| {
            t.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
                .to_string()
        })
        .collect();
    let mut open: Vec<String> = Vec::new();
    for tag in names.iter().cloned() {
        match tag.strip_prefix('/') {
            Some(name) => assert_eq!(open.pop().as_deref(), Some(name), "{page}"),
            None if tag == "!DOCTYPE" || tag == "meta" => {}
            None => open.push(tag),
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    let allowed = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "p", "div", "del",
        "ins",
    ];
    for tag in &names {
        let name = tag.trim_start_matches('/');
        assert!(allowed.contains(&name), "unexpected element {tag}: {page}");
    }
    // Nothing is loaded from elsewhere and nothing runs: only these attributes appear.
    let attributes = ["lang", "charset", "name", "content", "class"];
    for tag in tags(&page).iter().filter(|t| !t.starts_with('!')) {
        for attr in tag.split_whitespace().skip(1) {
            let name = attr.split('=').next().unwrap_or("");
            assert!(attributes.contains(&name), "attribute {name} in <{tag}>");
        }
    }
    for bad in ["url(", "@import", "http:", "https:", "\u{1b}", "\u{7}"] {
        assert!(!page.contains(bad), "{bad:?} in {page}");
    }
    assert!(
        page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("&quot;hi&quot; &amp;"), "{page}");
    assert!(
        page.contains("&lt;img src=x") || page.contains("&lt;img"),
        "{page}"
    );
    assert!(
        page.contains("&lt;i&gt;&quot;left&quot;&amp; ⇄ right&#39;s"),
        "{page}"
    );
    assert!(page.contains('␛'), "ESC shown as a symbol");
}

#[test]
fn markdown_export_marks_changes_and_escapes_markup() {
    let (a, b) = hostile();
    let (code, md, err) = run(diverge()
        .args(["diff", "--format", "markdown"])
        .arg(&a)
        .arg(&b));
    assert_eq!(code, Some(1), "{err}");
    assert!(md.starts_with("# \\<i\\>\"left\"\\& ⇄ right's\n"), "{md}");
    assert!(md.contains("~~"), "{md}");
    assert!(md.contains("**"), "{md}");
    assert!(!md.contains("<script>"), "{md}");
    assert!(!md.contains('\u{1b}'), "{md}");
}

#[test]
fn into_a_pipe_the_reader_prints_its_first_pair_and_exits() {
    let (code, out, err) = run(diverge().args([REUTERS, STRAITS_TIMES]));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("reuters ⇄ straits_times (similarity 81%)\n\n"),
        "{out}"
    );
    assert!(out.contains("[-Tuesday-]{+June 10+}"), "{out}");
    // The bundled story: the pair the reader opens on, the most similar non-identical.
    let (code, out, _) = run(&mut diverge());
    assert_eq!(code, Some(0));
    assert!(
        out.lines().next().is_some_and(|l| l.contains(" ⇄ ")),
        "{out}"
    );
    assert!(out.contains("[-") || out.contains("{+"), "{out}");
}

/// Runs `sh -c script` with `input` on stdin; returns the status and output.
fn shell(script: &str, input: &[u8]) -> (bool, String) {
    let mut child = StdCommand::new("sh")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn completions_are_valid_shell() {
    let (code, bash, _) = run(diverge().args(["completions", "bash"]));
    assert_eq!(code, Some(0));
    assert!(bash.contains("complete -F _diverge"), "{bash}");
    let (ok, out) = shell("bash -n", bash.as_bytes());
    assert!(ok, "bash -n: {out}");
    for shell_name in ["zsh", "fish", "elvish", "powershell"] {
        let (code, text, _) = run(diverge().args(["completions", shell_name]));
        assert_eq!(code, Some(0), "{shell_name}");
        assert!(text.contains("diverge"), "{shell_name}");
    }
}

#[test]
fn the_man_page_renders() {
    let (code, roff, _) = run(diverge().arg("man"));
    assert_eq!(code, Some(0));
    assert!(roff.contains(".TH diverge"), "{roff}");
    if StdCommand::new("man").arg("--version").output().is_err() {
        println!("note: man is not installed; the roff was not rendered");
        return;
    }
    let dir = scratch("man");
    let page = write(&dir, "diverge.1", roff.as_bytes());
    let script = format!("MANWIDTH=80 man -l '{}' 2>&1 | cat", page.display());
    let (ok, text) = shell(&script, b"");
    assert!(ok, "{text}");
    assert!(text.contains("NAME"), "{text}");
    assert!(text.contains("terminal reader"), "{text}");
    assert!(text.contains("completions"), "{text}");
}

#[test]
fn config_command_prints_the_path_the_default_file_and_the_bindings() {
    let dir = scratch("config-cmd");
    let (code, path, _) = run(diverge().arg("config").env("XDG_CONFIG_HOME", &dir));
    assert_eq!(code, Some(0));
    assert_eq!(
        path.trim_end(),
        dir.join("diverge/config.toml").display().to_string()
    );
    let (code, default, _) = run(diverge().args(["config", "--default"]));
    assert_eq!(code, Some(0));
    assert!(default.contains("theme = \"auto\""), "{default}");
    let (_, keys, _) = run(diverge().args(["config", "--keys"]));
    assert!(keys.contains("quit"), "{keys}");
    assert!(keys.contains("[\"q\", \"Ctrl-c\"]"), "{keys}");
}
