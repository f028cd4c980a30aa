//! The word diff of two texts: tokens compared by key on `similar`, then a readability
//! pass that joins changes separated by a short common run, so a rewritten clause reads
//! as one deletion beside one insertion.

use std::borrow::Cow;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices_deadline};

use super::intern::Interner;
use super::normalize::{ignored_tokens, style_key};
use super::span::{Span, SpanWords, Tag, push_text};
use crate::side::Pair;
use crate::text::{Token, TokenKind, count_words, for_each_token};

/// One token-level step of the edit script. Indexes point into the token lists.
#[derive(Debug, Clone, Copy)]
enum Item {
    /// Same key and same text on both sides.
    Same(usize, usize),
    /// Equal only as a matter of style: same key, other text, or a token that
    /// normalisation ignores on one side.
    Style(Option<usize>, Option<usize>),
    Del(usize),
    Ins(usize),
}

impl Item {
    fn is_change(self) -> bool {
        matches!(self, Item::Del(_) | Item::Ins(_))
    }
}

/// One text as the word diff sees it.
struct Version<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Token indexes that take part in the comparison (not ignored).
    keyed: Vec<usize>,
    ids: Vec<u32>,
}

impl<'a> Version<'a> {
    /// The version of `text`; `space` is the id every whitespace run compares by.
    fn new(
        text: &'a str,
        normalize: bool,
        interner: &mut Interner<Cow<'a, str>>,
        space: u32,
    ) -> Self {
        let tokens = whitespace_runs(text);
        let ignored = if normalize {
            ignored_tokens(text, &tokens)
        } else {
            Vec::new()
        };
        let mut keyed = Vec::with_capacity(tokens.len());
        let mut ids = Vec::with_capacity(tokens.len());
        for (i, token) in tokens.iter().enumerate() {
            if ignored.get(i).copied().unwrap_or(false) {
                continue;
            }
            let piece = text.get(token.range.clone()).unwrap_or_default();
            // Inside a paragraph a line break where the other version has a space, or a
            // run of spaces, is form (reflowed text): every run compares equal and shows
            // as style. Nearly every other token is one, so its id is not looked up.
            ids.push(if token.kind == TokenKind::Space {
                space
            } else if normalize {
                interner.id(Cow::Owned(style_key(piece, token.kind)))
            } else {
                interner.id(Cow::Borrowed(piece))
            });
            keyed.push(i);
        }
        Version {
            text,
            tokens,
            keyed,
            ids,
        }
    }

    fn piece(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.range.clone()))
            .unwrap_or_default()
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.tokens.get(i).map_or(TokenKind::Punct, |t| t.kind)
    }

    /// Original token index of the `k`th keyed token, or the end when past the last.
    fn token_at(&self, k: usize) -> usize {
        self.keyed.get(k).copied().unwrap_or(self.tokens.len())
    }
}

/// Tokens of `text` with each run of whitespace tokens joined into one ("\n" then
/// "  " is one run), so a run compares as a whole.
fn whitespace_runs(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 3 + 1);
    for_each_token(text, |range, kind| match out.last_mut() {
        Some(last) if last.kind == TokenKind::Space && kind == TokenKind::Space => {
            last.range.end = range.end;
        }
        _ => out.push(Token { range, kind }),
    });
    out
}

/// Largest product of the two token counts diffed without watching the clock.
const SMALL_PAIR: usize = 1 << 20;

/// Most keys the word diff's interner has room for before it grows.
const INTERNER_ROOM: usize = 1024;
/// Tokens inserted or deleted (a word and its space are two) up to which a pair is
/// diffed with Myers.
const NEAR_EDITS: usize = 16;

/// How to compare two texts.
#[derive(Debug, Clone, Copy)]
pub struct WordOptions {
    pub normalize: bool,
    pub algorithm: Algorithm,
    pub deadline: Option<Instant>,
}

/// The word diff of two texts, and its word counts. Concatenating the equal and delete
/// spans gives the left text back exactly; equal and insert spans give the right.
pub fn diff_words(text: Pair<&str>, options: &WordOptions) -> (Vec<Span>, SpanWords) {
    // Most edited paragraphs differ in a few words: the common start and end are cut off
    // as equal text first (as git's xdiff trims its ends), so only the middle is
    // tokenised into keys and diffed. House style is left whole, as it reads its tokens
    // in context (an honorific is ignored only before a name).
    let ends = if options.normalize {
        (0, 0)
    } else {
        common_ends(text)
    };
    let Some(Cut { start, middle, end }) = Cut::at(text, ends) else {
        return diff_whole(text, options, (Vec::new(), SpanWords::default()));
    };
    let mut spans = Vec::new();
    let mut words = SpanWords::default();
    push_text(&mut spans, Tag::Equal, false, start);
    words.add(Tag::Equal, false, count_words(start));
    let (mut spans, mut words) = diff_whole(middle, options, (spans, words));
    push_text(&mut spans, Tag::Equal, false, end);
    words.add(Tag::Equal, false, count_words(end));
    (spans, words)
}

/// Two texts cut at their common start and end: those two as the left text holds them
/// (they are the same in both), and each text's middle between.
pub(super) struct Cut<'a> {
    pub start: &'a str,
    pub middle: Pair<&'a str>,
    pub end: &'a str,
}

impl<'a> Cut<'a> {
    /// `text` cut `head` bytes in and `tail` bytes before each end; `None` where those
    /// are not places in both texts.
    fn at(text: Pair<&'a str>, (head, tail): (usize, usize)) -> Option<Cut<'a>> {
        let left = text.left;
        Some(Cut {
            start: left.get(..head)?,
            middle: Pair::new(
                text.left.get(head..text.left.len().checked_sub(tail)?)?,
                text.right.get(head..text.right.len().checked_sub(tail)?)?,
            ),
            end: left.get(left.len().checked_sub(tail)?..)?,
        })
    }

    /// `text` cut at its common start and end (see [`common_ends`]).
    pub(super) fn common(text: Pair<&'a str>) -> Option<Cut<'a>> {
        Cut::at(text, common_ends(text))
    }

    /// Bytes of the common start and end together.
    pub(super) fn common_len(&self) -> usize {
        self.start.len() + self.end.len()
    }
}

/// Lengths in bytes of the common start and end of two texts, each cut where both
/// texts' tokens agree: after a space and before a visible ASCII character, a word
/// boundary whatever comes around it (UAX #29 joins a space only to spaces and to
/// combining marks), so the three parts tokenise as the whole does. An identical pair
/// is all start.
fn common_ends(text: Pair<&str>) -> (usize, usize) {
    let (a, b) = (text.left.as_bytes(), text.right.as_bytes());
    if a == b {
        return (a.len(), 0);
    }
    let boundary = |w: &[u8]| matches!(w, [b' ', after] if after.is_ascii_graphic());
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let head = a
        .get(..same)
        .and_then(|common| common.windows(2).rposition(boundary))
        .map_or(0, |i| i + 1);
    let room = a.len().min(b.len()) - head;
    let same_end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let tail = a
        .get(a.len() - same_end..)
        .and_then(|common| common.windows(2).position(boundary))
        .map_or(0, |i| same_end - (i + 1));
    (head, tail)
}

/// The word diff of two texts, its spans and counts appended to `before`.
fn diff_whole(
    text: Pair<&str>,
    options: &WordOptions,
    before: (Vec<Span>, SpanWords),
) -> (Vec<Span>, SpanWords) {
    // Growing the table was a part of each paragraph's diff: it starts with room for a
    // paragraph's keys (a key is a few bytes at least: a word and the space after it),
    // capped, as a long text repeats its words and the table must not outweigh it.
    let keys = (text.left.len() + text.right.len()) / 6;
    let mut interner = Interner::with_capacity(keys.min(INTERNER_ROOM));
    let space = interner.id(Cow::Borrowed(" "));
    let l = Version::new(text.left, options.normalize, &mut interner, space);
    let r = Version::new(text.right, options.normalize, &mut interner, space);
    // Reading the clock was a twentieth of a large comparison's time; a pair this small
    // finishes well inside any budget whatever the algorithm does.
    let small = l.ids.len().saturating_mul(r.ids.len()) <= SMALL_PAIR;
    let deadline = options.deadline.filter(|_| !small);
    // A pair a few edits apart is diffed with Myers: its work grows with the edits, while
    // Histogram's anchor search walks every space and common word of the paragraph. Its
    // changes are then settled where Histogram, like an editor, puts them.
    let near = options.algorithm == Algorithm::Histogram
        && super::near::within(&l.ids, &r.ids, NEAR_EDITS);
    let algorithm = if near {
        Algorithm::Myers
    } else {
        options.algorithm
    };
    let ops = capture_diff_slices_deadline(algorithm, &l.ids, &r.ids, deadline);
    let ops = if near {
        super::near::settle(&ops, &l.ids, &r.ids)
    } else {
        ops
    };
    let items = edit_script(&l, &r, &ops);
    let items = join_confetti(&l, &r, items);
    to_spans(&l, &r, &items, before)
}

/// Token-level edit script from keyed ops, with ignored tokens put back in place: as
/// style items between common tokens, as part of the change inside a changed run.
fn edit_script(l: &Version, r: &Version, ops: &[DiffOp]) -> Vec<Item> {
    let mut items = Vec::with_capacity(l.tokens.len().max(r.tokens.len()));
    let (mut li, mut ri) = (0, 0);
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for k in 0..old.len() {
                let (a, b) = (l.token_at(old.start + k), r.token_at(new.start + k));
                push_ignored(&mut items, &mut li, a, &mut ri, b);
                items.push(if l.piece(a) == r.piece(b) {
                    Item::Same(a, b)
                } else {
                    Item::Style(Some(a), Some(b))
                });
                (li, ri) = (a + 1, b + 1);
            }
            continue;
        }
        if let (Some(first), Some(last)) = (old.clone().next(), old.last()) {
            let (a, z) = (l.token_at(first), l.token_at(last));
            let rnow = ri;
            push_ignored(&mut items, &mut li, a, &mut ri, rnow);
            items.extend((a..=z).map(Item::Del));
            li = z + 1;
        }
        if let (Some(first), Some(last)) = (new.clone().next(), new.last()) {
            let (b, z) = (r.token_at(first), r.token_at(last));
            let lnow = li;
            push_ignored(&mut items, &mut li, lnow, &mut ri, b);
            items.extend((b..=z).map(Item::Ins));
            ri = z + 1;
        }
    }
    let (lend, rend) = (l.tokens.len(), r.tokens.len());
    push_ignored(&mut items, &mut li, lend, &mut ri, rend);
    items
}

/// Style items for the ignored tokens from the cursors up to `lend` and `rend`.
fn push_ignored(items: &mut Vec<Item>, li: &mut usize, lend: usize, ri: &mut usize, rend: usize) {
    items.extend((*li..lend).map(|a| Item::Style(Some(a), None)));
    items.extend((*ri..rend).map(|b| Item::Style(None, Some(b))));
    *li = (*li).max(lend);
    *ri = (*ri).max(rend);
}

/// Size of a run of items.
#[derive(Clone, Copy, Default)]
struct Measure {
    words: usize,
    chars: Pair<usize>,
    /// Both sides break the line in it; a line break facing a space is a reflow, no break.
    newline: bool,
}

impl Measure {
    /// Characters on the longer side.
    fn chars(&self) -> usize {
        self.chars.left.max(self.chars.right)
    }
}

fn measure(l: &Version, r: &Version, items: &[Item]) -> Measure {
    let (mut words, mut lchars, mut rchars, mut newline) = (0, 0, 0, false);
    for item in items {
        let (a, b) = match *item {
            Item::Same(a, b) => (Some(a), Some(b)),
            Item::Style(a, b) => (a, b),
            Item::Del(a) => (Some(a), None),
            Item::Ins(b) => (None, Some(b)),
        };
        let breaks = Pair::new(a.map(|a| l.piece(a)), b.map(|b| r.piece(b)))
            .map(|piece| piece.map(|p| p.contains('\n')));
        newline |= match (breaks.left, breaks.right) {
            (Some(x), Some(y)) => x && y,
            (x, y) => x.or(y).unwrap_or(false),
        };
        if let Some(a) = a {
            lchars += l.piece(a).chars().count();
            if l.kind(a) == TokenKind::Word {
                words += 1;
            }
        }
        if let Some(b) = b {
            rchars += r.piece(b).chars().count();
            if a.is_none() && r.kind(b) == TokenKind::Word {
                words += 1;
            }
        }
    }
    Measure {
        words,
        chars: Pair::new(lchars, rchars),
        newline,
    }
}

/// Most words a common run may hold and still be joined into the changes around it.
const CONFETTI_WORDS: usize = 2;

/// Joins change runs separated by a short common run: one with no words (spaces,
/// punctuation) or with at most [`CONFETTI_WORDS`] words that is no longer than the
/// changes on either side. A common run holding a line break is never joined, so
/// paragraphs stay apart.
fn join_confetti(l: &Version, r: &Version, items: Vec<Item>) -> Vec<Item> {
    // Alternating runs of changes and common items, as ranges of `items`.
    let mut runs: Vec<(bool, Range<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let change = item.is_change();
        match runs.last_mut() {
            Some((c, run)) if *c == change => run.end = i + 1,
            _ => runs.push((change, i..i + 1)),
        }
    }
    let run_items = |run: &Range<usize>| items.get(run.clone()).unwrap_or_default();
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    // The size of the change run last written to `out`, if the last run was a change:
    // kept as runs join it rather than measured again, which grew with every join.
    let mut open_change: Option<Measure> = None;
    let mut iter = runs.iter().peekable();
    while let Some((change, run)) = iter.next() {
        if let (false, Some(before), Some((true, next))) = (*change, open_change, iter.peek()) {
            let gap = measure(l, r, run_items(run));
            let after = measure(l, r, run_items(next));
            let short = gap.words == 0
                || (gap.words <= CONFETTI_WORDS
                    && gap.chars() <= before.chars()
                    && gap.chars() <= after.chars());
            if short && !gap.newline {
                out.extend(
                    run_items(run)
                        .iter()
                        .flat_map(|&item| as_change(item))
                        .flatten(),
                );
                out.extend_from_slice(run_items(next));
                open_change = Some(Measure {
                    chars: Pair::from_fn(|side| {
                        before.chars[side] + gap.chars[side] + after.chars[side]
                    }),
                    ..before
                });
                iter.next();
                continue;
            }
        }
        open_change = change.then(|| measure(l, r, run_items(run)));
        out.extend_from_slice(run_items(run));
    }
    out
}

/// A common item rewritten as the deletion and insertion of its two texts.
fn as_change(item: Item) -> [Option<Item>; 2] {
    match item {
        Item::Same(a, b) | Item::Style(Some(a), Some(b)) => {
            [Some(Item::Del(a)), Some(Item::Ins(b))]
        }
        Item::Style(Some(a), None) => [Some(Item::Del(a)), None],
        Item::Style(None, Some(b)) => [Some(Item::Ins(b)), None],
        other => [Some(other), None],
    }
}

/// Spans from items; within each change run all deleted text comes first, then all
/// inserted text, so a hunk reads as one deletion beside one insertion.
fn to_spans(
    l: &Version,
    r: &Version,
    items: &[Item],
    (mut spans, mut words): (Vec<Span>, SpanWords),
) -> (Vec<Span>, SpanWords) {
    let mut count = |side: &Version, i: usize, tag: Tag, style: bool| {
        if side.kind(i) == TokenKind::Word {
            words.add(tag, style, 1);
        }
    };
    let mut deleted = String::new();
    let mut inserted = String::new();
    // A change of whitespace alone (a space added after a slash, a doubled space) moves
    // no word: it is form, kept as style so both texts still rebuild.
    let flush = |spans: &mut Vec<Span>, deleted: &mut String, inserted: &mut String| {
        let style = deleted.trim().is_empty() && inserted.trim().is_empty();
        for (tag, text) in [(Tag::Delete, deleted), (Tag::Insert, inserted)] {
            push_text(spans, tag, style, text);
            text.clear();
        }
    };
    for item in items {
        match *item {
            Item::Del(a) => {
                count(l, a, Tag::Delete, false);
                deleted.push_str(l.piece(a));
            }
            Item::Ins(b) => {
                count(r, b, Tag::Insert, false);
                inserted.push_str(r.piece(b));
            }
            Item::Same(a, _) => {
                count(l, a, Tag::Equal, false);
                flush(&mut spans, &mut deleted, &mut inserted);
                push_text(&mut spans, Tag::Equal, false, l.piece(a));
            }
            Item::Style(a, b) => {
                flush(&mut spans, &mut deleted, &mut inserted);
                if let Some(a) = a {
                    count(l, a, Tag::Delete, true);
                    push_text(&mut spans, Tag::Delete, true, l.piece(a));
                }
                if let Some(b) = b {
                    count(r, b, Tag::Insert, true);
                    push_text(&mut spans, Tag::Insert, true, r.piece(b));
                }
            }
        }
    }
    flush(&mut spans, &mut deleted, &mut inserted);
    (spans, words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::span::rebuild;
    use crate::side::Side;

    /// Runs of real changes, as `block::number_hunks` counts them inside a block.
    fn count_hunks(spans: &[Span]) -> usize {
        let mut block = crate::diff::Block::new(crate::diff::Kind::Changed, Pair::new(0..1, 0..1));
        block.spans = spans.to_vec();
        crate::diff::block::number_hunks(std::slice::from_mut(&mut block))
    }

    fn diff(left: &str, right: &str, normalize: bool) -> Vec<Span> {
        let options = WordOptions {
            normalize,
            algorithm: Algorithm::Histogram,
            deadline: None,
        };
        let (spans, words) = diff_words(Pair::new(left, right), &options);
        assert_eq!(words, SpanWords::of(&spans));
        assert_eq!(rebuild(&spans, Side::Left), left);
        assert_eq!(rebuild(&spans, Side::Right), right);
        spans
    }

    /// wdiff's markers around real changes; style spans read as their right-hand text.
    fn marked(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match (s.tag, s.style) {
                (Tag::Equal, _) | (Tag::Insert, true) => s.text.to_string(),
                (Tag::Delete, true) => String::new(),
                (Tag::Delete, false) => format!("[-{}-]", s.text),
                (Tag::Insert, false) => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_one_hunk() {
        let spans = diff(
            "pledged on Tuesday to work",
            "pledged on June 10 to work",
            false,
        );
        assert_eq!(marked(&spans), "pledged on [-Tuesday-]{+June 10+} to work");
    }

    #[test]
    fn a_lone_common_word_between_changes_joins_them() {
        let spans = diff(
            "he said the talks were hard",
            "she noted the meetings went well",
            false,
        );
        assert_eq!(
            marked(&spans),
            "[-he said the talks were hard-]{+she noted the meetings went well+}"
        );
        assert_eq!(count_hunks(&spans), 1);
    }

    #[test]
    fn a_long_common_run_keeps_changes_apart() {
        let spans = diff(
            "Lee said on Tuesday that the two countries agreed",
            "Kang said on Tuesday that the two countries pledged",
            false,
        );
        assert_eq!(count_hunks(&spans), 2);
    }

    #[test]
    fn punctuation_only_common_run_is_joined() {
        let spans = diff("alpha, beta", "gamma, delta", false);
        assert_eq!(marked(&spans), "[-alpha, beta-]{+gamma, delta+}");
    }

    #[test]
    fn line_breaks_are_never_joined_across() {
        let spans = diff("one\ntwo", "uno\ndos", false);
        assert_eq!(marked(&spans), "[-one-]{+uno+}\n[-two-]{+dos+}");
    }

    #[test]
    fn style_differences_are_style_spans_under_normalisation() {
        let spans = diff(
            "told Xi the U.S. position",
            "told Mr Xi the US position",
            true,
        );
        assert_eq!(count_hunks(&spans), 0);
        assert!(spans.iter().any(|s| s.style));
        assert_eq!(marked(&spans), "told Mr Xi the US position");
        let strict = diff(
            "told Xi the U.S. position",
            "told Mr Xi the US position",
            false,
        );
        assert_eq!(count_hunks(&strict), 2);
    }

    #[test]
    fn normalisation_keeps_real_changes() {
        let spans = diff("the US position", "the UK position", true);
        assert_eq!(marked(&spans), "the [-US-]{+UK+} position");
    }

    #[test]
    fn a_reflowed_line_is_no_change_and_rebuilds_both_sides() {
        let left = "the licensee may\ncopy and  distribute the\n   Program";
        let right = "the licensee may copy and distribute\nthe Program";
        let spans = diff(left, right, false);
        assert_eq!(count_hunks(&spans), 0);
        assert_eq!(
            marked(&spans),
            "the licensee may copy and distribute\nthe Program"
        );
        assert!(spans.iter().all(|s| !s.style || s.text.trim().is_empty()));
    }

    #[test]
    fn a_word_change_beside_a_reflow_is_one_hunk_of_words() {
        let spans = diff(
            "you may copy\nthe Program",
            "you may modify the\nProgram",
            false,
        );
        assert_eq!(marked(&spans), "you may [-copy-]{+modify+} the\nProgram");
    }

    #[test]
    fn a_space_added_beside_punctuation_is_no_change() {
        let spans = diff("SEOUL/BEIJING, June 10", "SEOUL/ BEIJING, June  10", false);
        assert_eq!(count_hunks(&spans), 0);
        assert_eq!(marked(&spans), "SEOUL/ BEIJING, June  10");
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(
            diff("same", "same", false),
            vec![Span::new(Tag::Equal, "same")]
        );
        assert!(diff("", "", false).is_empty());
        assert_eq!(marked(&diff("", "new", false)), "{+new+}");
    }

    #[test]
    fn a_common_start_and_end_are_cut_after_a_space_before_a_word() {
        let text = Pair::new("pledged on Tuesday to work", "pledged on June 10 to work");
        // "pledged on " is common, but where "on " ends depends on what follows.
        assert_eq!(common_ends(text), ("pledged ".len(), "to work".len()));
        assert_eq!(common_ends(Pair::new("rose 3.5%", "rose 3.6%")), (5, 0));
        assert_eq!(common_ends(Pair::new("a b", "a b")), (3, 0));
        // The byte after a cut must be common too: "x " ends before a changed word.
        assert_eq!(common_ends(Pair::new("x y z", "x z")), (0, 1));
    }

    /// Tokens of `text` cut into three parts, as positions in the whole.
    fn tokens_in_parts(text: &str, head: usize, tail: usize) -> Vec<Token> {
        let end = text.len() - tail;
        [
            (0, &text[..head]),
            (head, &text[head..end]),
            (end, &text[end..]),
        ]
        .into_iter()
        .flat_map(|(at, part)| {
            whitespace_runs(part).into_iter().map(move |t| Token {
                range: t.range.start + at..t.range.end + at,
                kind: t.kind,
            })
        })
        .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        #[test]
        fn the_cut_ends_tokenise_as_the_whole_texts_do(
            left in crate::text::mixed_text(),
            inserted in crate::text::mixed_text(),
            cut in proptest::prelude::any::<proptest::sample::Index>(),
            dropped in 0usize..8,
        ) {
            let bounds: Vec<usize> = (0..=left.len()).filter(|&i| left.is_char_boundary(i)).collect();
            let at = bounds[cut.index(bounds.len())];
            let rest: String = left[at..].chars().skip(dropped).collect();
            let right = format!("{}{inserted}{rest}", &left[..at]);
            let (head, tail) = common_ends(Pair::new(&left, &right));
            for text in [&left, &right] {
                proptest::prop_assert_eq!(tokens_in_parts(text, head, tail), whitespace_runs(text));
            }
        }
    }
}
