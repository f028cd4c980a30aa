//! What the command-line test files share: the binary, and scratch files to feed it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The built binary, with NO_COLOR cleared so each test sets the colour it checks.
pub fn diverge() -> Command {
    let mut cmd = Command::cargo_bin("diverge").unwrap_or_else(|e| panic!("binary: {e}"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("diverge-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A test's stderr as text.
pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
