//! One count of changes everywhere: the reader's `n`/`N` steps through exactly the hunks
//! `stats` and `diff --format json` report, on every pair of the bundled story, with and
//! without house style.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code may panic

#[allow(dead_code)] // this file uses some of the shared helpers
mod common;

use common::{diverge, scratch, write};
use diverge::diff::{Options, compare, docs};
use diverge::layout::{View, build};
use diverge::side::{Pair, Side};
use diverge::story::bundled;

fn json_of(args: &[&str]) -> serde_json::Value {
    let output = diverge()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("json of {args:?}: {e}"))
}

#[test]
fn reader_stats_and_json_count_the_same_hunks() {
    let story = bundled().unwrap_or_else(|e| panic!("bundled story: {e}"));
    let docs = docs(&story);
    let dir = scratch("hunk-agreement");
    let files: Vec<String> = story
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let path = write(&dir, &format!("{i}.txt"), r.body.join("\n\n").as_bytes());
            path.display().to_string()
        })
        .collect();
    let stats = json_of(&["stats", "--format", "json"]);
    let mut checked = 0;
    for (i, left) in docs.iter().enumerate() {
        for (j, right) in docs.iter().enumerate().filter(|(j, _)| *j != i) {
            for normalize in [false, true] {
                let options = Options {
                    normalize,
                    ..Options::default()
                };
                let c = compare(left, right, &options);
                for view in [View::SideBySide, View::Inline] {
                    let layout = build(&c, view, 100, "m");
                    assert_eq!(
                        layout.hunk_rows.len(),
                        c.stats.hunks,
                        "reader vs engine, {i}→{j} {view:?} normalize={normalize}"
                    );
                }
                let paths = Pair::new(i, j).map(|k| files[k].as_str());
                let mut args = vec!["diff", "--format", "json", paths[Side::Left], paths.right];
                if normalize {
                    args.push("--normalize");
                }
                assert_eq!(
                    json_of(&args)["hunks"],
                    c.stats.hunks,
                    "diff --format json, {i}→{j} normalize={normalize}"
                );
                if !normalize && i < j {
                    let pair = &stats["pairs"][checked];
                    assert_eq!(pair["hunks"], c.stats.hunks, "stats, {i}→{j}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 10, "every unordered pair is in stats");
}
