use proptest::prelude::*;

use super::*;
use crate::diff::{Doc, Options, compare};

fn comparison(left: &[&str], right: &[&str], normalize: bool) -> Comparison {
    let options = Options {
        normalize,
        ..Options::default()
    };
    compare(
        &Doc::from_paragraphs(left),
        &Doc::from_paragraphs(right),
        &options,
    )
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Filler => "#".to_string(),
        Cell::Text { segments, .. } => segments.iter().map(|s| s.text.as_str()).collect(),
    }
}

fn text_width(cell: &Cell) -> usize {
    match cell {
        Cell::Filler => 0,
        Cell::Text { segments, .. } => segments.iter().map(|s| cell_width(&s.text)).sum(),
    }
}

fn marked(cell: &Cell, mark: Mark) -> Vec<String> {
    match cell {
        Cell::Filler => Vec::new(),
        Cell::Text { segments, .. } => segments
            .iter()
            .filter(|s| s.mark == mark)
            .map(|s| s.text.clone())
            .collect(),
    }
}

#[test]
fn side_by_side_marks_deletions_left_and_insertions_right() {
    let c = comparison(
        &["Lee spoke on Tuesday to Xi."],
        &["Lee spoke on June 10 to Xi."],
        false,
    );
    let layout = build(&c, View::SideBySide, 80, "m");
    let row = &layout.rows[0];
    assert_eq!(marked(&row.cells.left, Mark::Delete), ["Tuesday"]);
    assert_eq!(marked(&row.cells.right, Mark::Insert), ["June 10"]);
    assert!(marked(&row.cells.left, Mark::Insert).is_empty());
    assert_eq!(layout.hunk_rows, [0]);
}

#[test]
fn paragraphs_line_up_and_the_shorter_side_gets_filler() {
    let c = comparison(
        &[
            "one two three four five six seven eight nine ten eleven twelve",
            "tail",
        ],
        &["one two three four five six seven eight nine ten", "tail"],
        false,
    );
    let layout = build(&c, View::SideBySide, 31, "m");
    let first = &layout.rows[..layout.block_rows[1]];
    assert!(first.len() > 2, "the long paragraph wraps: {first:?}");
    assert_eq!(
        first.last().map(|r| r.cells.right.clone()),
        Some(Cell::blank())
    );
    assert!(first.iter().skip(1).any(|r| r.cells.right == Cell::Filler));
    let tail = &layout.rows[layout.block_rows[1]];
    assert_eq!(
        (text_of(&tail.cells.left), text_of(&tail.cells.right)),
        ("tail".into(), "tail".into())
    );
}

#[test]
fn a_paragraph_only_one_side_has_faces_filler() {
    let c = comparison(&["Same.", "Only left here."], &["Same."], false);
    let layout = build(&c, View::SideBySide, 60, "m");
    let row = &layout.rows[layout.block_rows[1]];
    assert_eq!(row.cells.right, Cell::Filler);
    assert!(matches!(
        row.cells.left,
        Cell::Text {
            gutter: Gutter::Removed,
            ..
        }
    ));
}

#[test]
fn moved_paragraphs_are_labelled_and_face_filler() {
    let moved = "The moved paragraph has quite a few words in it to be found again";
    let c = comparison(
        &[moved, "Alpha beta gamma.", "Delta epsilon zeta."],
        &["Alpha beta gamma.", "Delta epsilon zeta.", moved],
        false,
    );
    let kinds: Vec<Kind> = c.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&Kind::MovedOut), "{kinds:?}");
    let layout = build(&c, View::SideBySide, 80, "m");
    let out = c.blocks.iter().position(|b| b.kind == Kind::MovedOut);
    let row = &layout.rows[layout.block_rows[out.unwrap_or(0)]];
    assert_eq!(
        marked(&row.cells.left, Mark::Label),
        ["moved: ¶3 on the right (m)"]
    );
    assert_eq!(row.cells.right, Cell::Filler);
}

#[test]
fn inline_puts_deletions_and_insertions_in_one_flow() {
    let c = comparison(&["on Tuesday to"], &["on June 10 to"], false);
    let layout = build(&c, View::Inline, 40, "m");
    let row = &layout.rows[0];
    assert_eq!(text_of(&row.cells.left), "on TuesdayJune 10 to");
    assert_eq!(marked(&row.cells.left, Mark::Delete), ["Tuesday"]);
    assert_eq!(marked(&row.cells.left, Mark::Insert), ["June 10"]);
    assert_eq!(layout.columns.text.right, 0);
}

#[test]
fn plain_shows_both_texts_without_marks_or_changes() {
    let c = comparison(&["on Tuesday to"], &["on June 10 to"], false);
    let layout = build(&c, View::Plain, 40, "m");
    let row = &layout.rows[0];
    assert_eq!(text_of(&row.cells.left), "on Tuesday to");
    assert_eq!(text_of(&row.cells.right), "on June 10 to");
    assert!(marked(&row.cells.left, Mark::Delete).is_empty());
    assert!(layout.hunk_rows.is_empty());
    let only = comparison(&["Same.", "Only left here."], &["Same."], false);
    let layout = build(&only, View::Plain, 60, "m");
    let row = &layout.rows[layout.block_rows[1]];
    assert!(
        matches!(
            row.cells.left,
            Cell::Text {
                gutter: Gutter::Blank,
                ..
            }
        ),
        "{row:?}"
    );
}

#[test]
fn style_differences_are_never_shown_as_changes() {
    let c = comparison(&["Lee said it."], &["Mr Lee said it."], true);
    for view in [View::SideBySide, View::Inline] {
        let layout = build(&c, view, 60, "m");
        let row = &layout.rows[0];
        for cell in [&row.cells.left, &row.cells.right] {
            assert!(marked(cell, Mark::Delete).is_empty(), "{view:?} {cell:?}");
            assert!(marked(cell, Mark::Insert).is_empty(), "{view:?} {cell:?}");
        }
        assert!(layout.hunk_rows.is_empty());
    }
}

#[test]
fn newlines_break_lines_and_control_characters_become_visible() {
    let c = comparison(&["a\tb\u{1b}[2J"], &["a\tb\u{1b}[2J"], false);
    let layout = build(&c, View::SideBySide, 60, "m");
    assert_eq!(text_of(&layout.rows[0].cells.left), "a    b␛[2J");
    let split = comparison(
        &["first half. second half."],
        &["first half.", "second half."],
        false,
    );
    let layout = build(&split, View::Inline, 60, "m");
    let texts: Vec<String> = layout.rows.iter().map(|r| text_of(&r.cells.left)).collect();
    assert!(texts.len() >= 2, "{texts:?}");
}

#[test]
fn anchor_finds_the_block_and_offset_of_a_row() {
    let c = comparison(
        &["one two three four five six", "x"],
        &["one two three four five six", "y"],
        false,
    );
    let layout = build(&c, View::SideBySide, 20, "m");
    let second = layout.block_rows[1];
    assert_eq!(layout.anchor(second), Some((1, 0)));
    assert_eq!(layout.anchor(1), Some((0, 1)));
    assert_eq!(layout.anchor(999), None);
    assert_eq!(layout.block_len(1), 1);
}

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            "\\PC{0,60}",
            "[a-z ]{0,40}",
            "[이재명대통령 ]{0,20}",
            "[\t\n\u{1b}\u{301}\u{200d}👍🏽 ab]{0,20}",
        ],
        0..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_row_is_wider_than_its_column(
        left in paragraphs(),
        right in paragraphs(),
        width in 1usize..200,
        normalize in any::<bool>(),
    ) {
        let c = comparison(
            &left.iter().map(String::as_str).collect::<Vec<_>>(),
            &right.iter().map(String::as_str).collect::<Vec<_>>(),
            normalize,
        );
        for view in [View::SideBySide, View::Inline, View::Plain] {
            let layout = build(&c, view, width, "m");
            let cols = layout.columns;
            let used = if view.has_two_panes() {
                2 * cols.gutter + cols.text.left + cols.separator + cols.text.right
            } else {
                cols.gutter + cols.text.left
            };
            prop_assert!(used <= width, "{cols:?}");
            for row in &layout.rows {
                prop_assert!(text_width(&row.cells.left) <= cols.text.left, "{row:?} {cols:?}");
                prop_assert!(text_width(&row.cells.right) <= cols.text.right, "{row:?} {cols:?}");
            }
            prop_assert_eq!(layout.block_rows.len(), c.blocks.len());
            prop_assert!(layout.hunk_rows.iter().all(|&r| r < layout.rows.len()));
        }
    }
}

#[test]
fn search_finds_a_phrase_that_wraps_and_counts_each_occurrence_once() {
    let c = comparison(
        &["Xi said China would play a constructive role in the region."],
        &["Xi said Beijing would play a constructive role in the region."],
        false,
    );
    // 36 cells: each pane is 15 wide, so "constructive role" is cut by a wrap.
    let layout = build(&c, View::SideBySide, 36, "m");
    let wrapped = layout
        .rows
        .iter()
        .all(|r| !text_of(&r.cells.left).contains("constructive role"));
    assert!(wrapped, "{:?}", layout.rows);
    let found = layout.search("Constructive Role");
    assert_eq!(found.len(), 2, "{found:?}");
    let first = found.first().map(|m| m.pieces.clone()).unwrap_or_default();
    assert_eq!(
        first.len(),
        2,
        "the match covers the end of one row and the start of the next"
    );
    let texts: Vec<String> = first
        .iter()
        .map(|(row, range)| {
            let cell = layout
                .rows
                .get(*row)
                .map(|r| text_of(&r.cells.left))
                .unwrap_or_default();
            cell.get(range.clone()).unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(texts.join(" "), "constructive role");
}

#[test]
fn panes_stay_in_step_inside_a_long_changed_paragraph() {
    let words: Vec<String> = (0..6000).map(|i| format!("w{}", i % 997)).collect();
    let left = words.join(" ");
    let inserted: Vec<String> = (0..30).map(|i| format!("new{i}")).collect();
    let mut right_words = words.clone();
    right_words.splice(10..10, inserted);
    let right = right_words.join(" ");
    let c = comparison(&[left.as_str()], &[right.as_str()], false);
    let layout = build(&c, View::SideBySide, 80, "m");
    // Past the insertion, each row shows the same words on both sides.
    let out_of_step: Vec<usize> = layout
        .rows
        .iter()
        .enumerate()
        .skip(10)
        .filter(|(_, r)| text_of(&r.cells.left) != text_of(&r.cells.right))
        .map(|(i, _)| i)
        .collect();
    assert!(out_of_step.is_empty(), "rows out of step: {out_of_step:?}");
    let left_rows = layout
        .rows
        .iter()
        .filter(|r| matches!(r.cells.left, Cell::Text { .. }))
        .count();
    assert!(left_rows > 500, "{left_rows}");
}

#[test]
fn changes_nobody_could_see_are_drawn_visibly() {
    let all_text = |layout: &Layout| -> String {
        layout
            .rows
            .iter()
            .map(|r| format!("{}|{}", text_of(&r.cells.left), text_of(&r.cells.right)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    // A zero-width space is all that differs: it is shown as its escape.
    let c = comparison(
        &["Lee met Xi in Seoul."],
        &["Lee met Xi in Se\u{200B}oul."],
        false,
    );
    let shown = all_text(&build(&c, View::SideBySide, 80, "m"));
    assert!(shown.contains("\\u{200b}"), "{shown}");
    // Composed and decomposed "café" are the same word under the style lens.
    let c = comparison(&["A caf\u{e9} opened."], &["A cafe\u{301} opened."], true);
    assert_eq!(c.stats.hunks, 0, "{:?}", c.blocks);
}

/// `comparison` with its told-by-both sentences found, as the reader compares.
fn told_comparison(left: &[String], right: &[String]) -> Comparison {
    use crate::diff::{Diffs, Scope, WordOptions, corpus, told};
    let docs = Pair::new(Doc::from_paragraphs(left), Doc::from_paragraphs(right));
    let options = Options::default();
    let mut c = compare(&docs.left, &docs.right, &options);
    let words = WordOptions {
        normalize: false,
        algorithm: options.algorithm,
        deadline: None,
    };
    let found = told(
        &corpus([&docs.left, &docs.right]),
        Pair::new(0, 1),
        docs.as_ref(),
        &c,
        Diffs::All(&words),
        Scope::All,
    );
    c.told = Some(found);
    c
}

fn sentences() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            "[A-D][a-e ]{3,30}\\. [A-D][a-e ]{3,30}\\.",
            "[a-z ]{0,60}",
            "\\PC{0,30}",
        ],
        0..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// The blocks around one, laid out alone, are the rows the whole layout has for
    /// them, and say which changes they show and where.
    #[test]
    fn blocks_laid_out_around_one_are_the_whole_layout_s_rows_for_them(
        left in sentences(),
        right in sentences(),
        width in 20usize..140,
        at in 0usize..40,
        before in 0usize..12,
        after in 0usize..12,
    ) {
        let c = told_comparison(&left, &right);
        let margin = Margin { rows: Pair::new(before, after), bytes: usize::MAX };
        for view in [View::SideBySide, View::Inline, View::Plain, View::Shared] {
            let whole = build(&c, view, width, "m");
            prop_assert!(whole.is_whole());
            let Some(part) = build_around(&c, view, width, "m", at, margin) else {
                prop_assert_eq!(whole.block_total, 0);
                continue;
            };
            prop_assert!(part.blocks.contains(&at.min(whole.block_total - 1)));
            let first = whole.block_row(part.blocks.start).unwrap_or(0);
            let skip = first - part.block_row(part.blocks.start).unwrap_or(0);
            let expected = whole.rows.get(skip..skip + part.rows.len());
            prop_assert_eq!(Some(part.rows.as_slice()), expected, "{:?}", view);
            prop_assert_eq!(part.is_whole(), part.rows.len() == whole.rows.len());
            for block in part.blocks.clone() {
                prop_assert_eq!(part.block_row(block).map(|r| r + skip), whole.block_row(block));
            }
            prop_assert_eq!(part.hunk_total, whole.hunk_total);
            for (hunk, row) in part.hunks() {
                prop_assert_eq!(Some(row + skip), whole.hunk_row(hunk), "{:?}", view);
            }
            // The changes shown are every change whose first row is among the rows.
            let shown = whole
                .hunks()
                .filter(|&(_, r)| (skip..skip + part.rows.len()).contains(&r))
                .count();
            prop_assert_eq!(part.hunk_rows.len(), shown, "{:?}", view);
            for (hunk, _) in whole.hunks() {
                let block = block_of_hunk(&c, view, hunk);
                let row = block.and_then(|b| whole.block_row(b));
                prop_assert!(row.is_some_and(|r| r <= whole.hunk_row(hunk).unwrap_or(0)));
            }
        }
    }
}

#[test]
fn blocks_too_long_to_lay_out_within_a_frame_are_not_laid_out_around() {
    let long = "word ".repeat(20_000);
    let c = comparison(&[long.as_str()], &["word"], false);
    let margin = Margin {
        rows: Pair::new(10, 10),
        bytes: 64 << 10,
    };
    assert!(build_around(&c, View::SideBySide, 80, "m", 0, margin).is_none());
    let roomy = Margin {
        bytes: usize::MAX,
        ..margin
    };
    assert!(build_around(&c, View::SideBySide, 80, "m", 0, roomy).is_some());
}
