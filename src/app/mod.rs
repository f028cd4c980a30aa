//! The reader's state, the actions that change it, the key map, and the one function
//! that applies an action: [`update`]. Nothing here draws; reports are compared on the
//! diff thread and arrive as [`Action::Computed`] (the report card's diff of two
//! headlines, a few words, is the one made here, when the card opens). A big
//! comparison is laid out only around the screen; when the whole of it is needed (a
//! search), it is laid out off the UI thread: [`App::layout_job`] says what to lay out,
//! and the layout comes back as [`Action::LaidOut`].

mod action;
mod copy;
mod facts;
mod key;
mod keymap;
mod keys;
mod layouts;
mod screen;
mod update;

pub use action::Action;
pub use facts::{Facts, FactsAction, FactsLine};
pub use key::{BadKey, Key};
pub use keymap::{DEFAULT_KEYMAP, Keymap, RemapError};
pub use keys::{HELP_KEYS, action_for_key, action_for_mouse};
pub use screen::{LIST_HEIGHT, MIN_HEIGHT, MIN_WIDTH, Screen, outlet_window};
pub use update::update;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use ratatui::layout::Rect;

use crate::diff::overview::{Overview, overview};
use crate::diff::sentences::Corpus;
use crate::diff::{
    Comparison, Diffs, Doc, Options, Scope, Told, WordOptions, compare_counting, told,
};
use crate::layout::{Layout, Match, View, cell_width};
use crate::side::{Pair, Side};
use crate::story::{Report, Story};

/// Which comparison: the reports on each side and whether house style is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PairKey {
    pub outlets: Pair<usize>,
    pub normalize: bool,
}

impl PairKey {
    /// The comparison this key asks for, with its sentence layer from `corpus` (the
    /// sentences of every report in `docs`); a report that is not there compares as empty.
    pub fn compare(&self, docs: &[Doc], corpus: &Corpus) -> Comparison {
        let mut comparison = self.compare_paragraphs(docs);
        comparison.told = Some(self.told(&comparison, docs, corpus));
        comparison
    }

    /// Bytes of text of the two reports together.
    pub fn bytes(&self, docs: &[Doc]) -> usize {
        let doc = self.docs(docs);
        doc.left.text.len() + doc.right.text.len()
    }

    /// The comparison this key asks for, without its sentence layer.
    pub fn compare_paragraphs(&self, docs: &[Doc]) -> Comparison {
        self.compare_paragraphs_counting(docs, &AtomicUsize::new(0))
    }

    /// As [`PairKey::compare_paragraphs`], adding the bytes compared to `done` as it goes
    /// (see [`App::pair_bytes`]).
    pub fn compare_paragraphs_counting(&self, docs: &[Doc], done: &AtomicUsize) -> Comparison {
        let doc = self.docs(docs);
        compare_counting(doc.left, doc.right, &self.options(), done)
    }

    /// The sentence layer of `comparison`, this key's from
    /// [`PairKey::compare_paragraphs`], from `corpus`.
    pub fn told(&self, comparison: &Comparison, docs: &[Doc], corpus: &Corpus) -> Told {
        let words = WordOptions {
            normalize: self.normalize,
            algorithm: self.options().algorithm,
            deadline: None,
        };
        told(
            corpus,
            self.outlets,
            self.docs(docs),
            comparison,
            Diffs::All(&words),
            Scope::All,
        )
    }

    fn docs<'d>(&self, docs: &'d [Doc]) -> Pair<&'d Doc> {
        static EMPTY: Doc = Doc::EMPTY;
        self.outlets.map(|i| docs.get(i).unwrap_or(&EMPTY))
    }

    fn options(&self) -> Options {
        Options {
            normalize: self.normalize,
            ..Options::default()
        }
    }
}

/// How long a comparison has been computing, and the share of its paragraphs' bytes
/// compared so far, in percent, where known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wait {
    pub elapsed: Duration,
    pub percent: Option<u8>,
}

/// The report card: what the two reports say about themselves, beside their bodies.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The pair it was made for.
    pub outlets: Pair<usize>,
    /// The two headlines' word diff.
    pub headline: Vec<crate::diff::Span>,
}

impl Card {
    /// The card of the pair `outlets` of `story`.
    pub fn of(story: &Story, outlets: Pair<usize>) -> Card {
        let headline = outlets.map(|i| {
            story
                .reports
                .get(i)
                .and_then(|r| r.headline.as_deref())
                .unwrap_or("")
        });
        let options = WordOptions {
            normalize: false,
            algorithm: Options::default().algorithm,
            deadline: None,
        };
        Card {
            outlets,
            headline: crate::diff::diff_words(headline, &options).0,
        }
    }
}

/// The search typed after `/`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// True while the query is being typed.
    pub editing: bool,
}

impl Search {
    /// A typed and confirmed query: `n`/`N` then move between its matches.
    pub fn active(&self) -> bool {
        !self.editing && !self.query.is_empty()
    }
}

/// What the reader starts with, from the config file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prefs {
    pub keymap: Keymap,
    /// The view to open every pair in; `None` lets each pair open in the view that
    /// suits it.
    pub view: Option<View>,
    /// House style ignored at start.
    pub normalize: bool,
    /// Mouse reporting off at start, so the terminal's own selection works.
    pub no_mouse: bool,
    /// Colours for a light background.
    pub light: bool,
    /// Why the config file was not used, shown on the status line at start.
    pub note: Option<String>,
}

/// Something only the terminal can do, asked for by an action and carried out by the
/// event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Write `contents` to a file called `name`.
    Export { name: String, contents: String },
    /// Turn mouse reporting on or off.
    Mouse(bool),
    /// Stop until the shell resumes us.
    Suspend,
}

/// What a layout is built for; a layout is rebuilt only when this changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutKey {
    pub pair: PairKey,
    pub view: View,
    pub width: usize,
}

/// Reports of this many bytes of text (both together, about 170,000 words) or more are
/// shown compared before their sentence layer is worked out.
pub const TELL_LATER_BYTES: usize = 1 << 20;

/// Comparisons up to this many words (both sides together) are laid out on the UI
/// thread, as part of the action that needs them: measured at about 0.4 ms per thousand
/// words, well inside a frame. Bigger ones are laid out around the screen only.
pub const INLINE_LAYOUT_WORDS: usize = 20_000;

/// The most text laid out around the screen on the UI thread, in bytes: at about 0.4 ms per
/// thousand words (6 KB), a few milliseconds. Longer blocks wait for the layout thread.
pub const AROUND_BYTES: usize = 64 << 10;

/// Stories up to this many bytes of text have their words counted as the reader opens:
/// a few milliseconds. Longer ones are counted on the diff thread.
pub const INLINE_COUNT_BYTES: usize = 1 << 20;

fn story_bytes(story: &Story) -> usize {
    story
        .reports
        .iter()
        .flat_map(|r| &r.body)
        .map(String::len)
        .sum()
}

/// Each report's word count.
pub fn word_counts(story: &Story) -> Vec<usize> {
    story.reports.iter().map(Report::word_count).collect()
}

/// A layout the reader waits for, to be built off the UI thread with [`LayoutJob::run`].
#[derive(Debug, Clone)]
pub struct LayoutJob {
    pub key: LayoutKey,
    pub comparison: Arc<Comparison>,
    /// The key named in a moved paragraph's label.
    pub jump_key: String,
    /// The active search's query, found in the new layout on the same thread: searching
    /// a long story takes longer than a frame.
    pub query: Option<String>,
    /// The layout on screen, when the job is only to search it.
    pub shown: Option<Arc<Layout>>,
}

/// What the layout thread hands back.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub layout: Arc<Layout>,
    /// The job's query and where the layout shows it.
    pub found: Option<(String, Vec<Match>)>,
}

impl LayoutJob {
    /// What the job asks for: the layout, the query found in it, and whether the layout
    /// is the one on screen (a search) or a new one.
    pub fn asks(&self) -> (LayoutKey, Option<String>, bool) {
        (self.key, self.query.clone(), self.shown.is_some())
    }

    pub fn run(&self) -> Built {
        let layout = match &self.shown {
            Some(shown) => Arc::clone(shown),
            None => Arc::new(crate::layout::build(
                &self.comparison,
                self.key.view,
                self.key.width,
                &self.jump_key,
            )),
        };
        let found = self.query.as_ref().map(|q| (q.clone(), layout.search(q)));
        Built { layout, found }
    }
}

/// Where to put the reading position once the layout being waited for arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Land {
    /// This many rows into this block.
    Anchor(usize, usize),
    /// The first row of this block.
    Block(usize),
    /// The first row of this block, with some rows above it when it was off the screen.
    Reveal(usize),
    /// This change (hunk), made current.
    Hunk(usize),
    /// The bottom of the text.
    Bottom,
}

#[derive(Debug)]
pub struct App {
    pub story: Story,
    /// Each report's word count, counted once: the outlet list shows them every frame.
    /// Empty until counted: a long story is counted on the diff thread (see
    /// [`Action::Counted`]), so the first screen does not wait for it.
    pub words: Vec<usize>,
    /// How long a pair has been computing, as last told (see [`Action::Waited`]).
    waited: Option<(PairKey, Wait)>,
    /// The report shown on each side.
    pub outlets: Pair<usize>,
    pub view: View,
    /// True once the reader chose a view; until then each pair opens in the view that
    /// suits it (told by both for independently written reports).
    pub view_pinned: bool,
    /// Where the told-by-both view was when Enter went to the text, to go back to: a
    /// block and the rows into it.
    pub back: Option<(usize, usize)>,
    pub normalize: bool,
    /// False under NO_COLOR: marks are drawn with attributes only.
    pub colour: bool,
    /// Colours for a light background.
    pub light: bool,
    pub keymap: Keymap,
    /// A count typed before a motion (`3j`), or the number typed at the `:` prompt.
    pub count: Option<usize>,
    /// True while the `:` prompt for a paragraph number is open.
    pub goto: bool,
    /// The side `h`/`l` change the outlet of; Tab moves it.
    pub focus: Side,
    /// Whether the reader takes mouse input (else the terminal's own selection works).
    pub mouse: bool,
    /// What the event loop should do for the last action.
    pub effect: Option<Effect>,
    /// Terminal size in cells.
    pub size: (u16, u16),
    /// The diff row at the top of the diff area.
    pub scroll: usize,
    /// The highlighted change (hunk number).
    pub current: Option<usize>,
    /// The moved paragraph last gone to with `m`/`M` (a block index): it and its other
    /// place are highlighted.
    pub moved: Option<usize>,
    /// Whether the outlet list is open, once the reader chose; until then it is open
    /// on screens at least [`LIST_HEIGHT`] rows tall.
    pub list_open: Option<bool>,
    /// True until the pair the reader opens on has been laid out and placed at its
    /// first change.
    pub opening: bool,
    pub help: bool,
    /// First line of the help shown, when the terminal is too short for all of it.
    pub help_scroll: usize,
    pub search: Search,
    /// The search match last jumped to (an index into [`App::matches`]).
    pub found: Option<usize>,
    /// A one-off note for the status line, cleared by the next action.
    pub message: Option<String>,
    pub quit: bool,
    /// True until every pair has been compared once and the most similar non-identical
    /// one chosen to open on.
    pub choosing: bool,
    /// True while the overview of all outlets is on screen instead of a pair.
    pub overview: bool,
    /// The overview's selected cell: its row outlet opens on the left, its column
    /// outlet on the right.
    pub cell: Pair<usize>,
    /// `reuse[row][column]`, once the diff thread has measured it.
    pub reuse: Option<Vec<Vec<f64>>>,
    /// The report card over the pair, when it is open.
    pub card: Option<Card>,
    /// The facts ledger screen (`f`).
    pub facts: Facts,
    cache: HashMap<PairKey, Arc<Comparison>>,
    layout: Option<(LayoutKey, Arc<Layout>)>,
    /// The whole layout asked of the layout thread (for a search, or when the blocks
    /// around the screen are too long to lay out within a frame) and not yet delivered.
    /// Meanwhile the layout on screen stays, and is usable.
    pending: Option<LayoutKey>,
    /// Where the pending layout opens, when an action chose a place the one on screen
    /// lacks.
    land: Option<Land>,
    /// The most words a comparison may have to be laid out on the UI thread.
    inline_words: usize,
    /// The most bytes of text laid out around the screen on the UI thread.
    around_bytes: usize,
    /// The layout last replaced, for the event loop to free off the UI thread: freeing
    /// the rows of a long story takes longer than a frame.
    retired: Option<Arc<Layout>>,
    /// Where the layout shows the active search's query, in reading order.
    matches: Vec<Match>,
    /// True while the layout thread looks for the active search in the layout on screen
    /// (a long comparison takes longer than a frame to search).
    seeking: bool,
}

impl App {
    /// A reader on `story` in a terminal of `size` cells. It opens on the first two
    /// reports until the pairs are compared (see [`App::wanted`]).
    pub fn new(story: Story, size: (u16, u16), colour: bool) -> App {
        App::with_prefs(story, size, colour, Prefs::default())
    }

    /// A reader that starts as `prefs` say.
    pub fn with_prefs(story: Story, size: (u16, u16), colour: bool, prefs: Prefs) -> App {
        let count = story.reports.len();
        App {
            words: if story_bytes(&story) <= INLINE_COUNT_BYTES {
                word_counts(&story)
            } else {
                Vec::new()
            },
            waited: None,
            story,
            outlets: Pair::new(0, usize::from(count > 1)),
            // A lone report is shown alone, in one pane.
            view: if count == 1 {
                View::Inline
            } else {
                prefs.view.unwrap_or_default()
            },
            // The one-pane view of a lone report stays: the views that choose themselves
            // by similarity are for pairs.
            view_pinned: prefs.view.is_some() || count == 1,
            back: None,
            normalize: prefs.normalize,
            colour,
            light: prefs.light,
            keymap: prefs.keymap,
            count: None,
            goto: false,
            focus: Side::Right,
            mouse: !prefs.no_mouse,
            effect: None,
            message: prefs.note,
            size,
            scroll: 0,
            current: None,
            moved: None,
            list_open: None,
            opening: true,
            help: false,
            help_scroll: 0,
            search: Search::default(),
            found: None,
            quit: false,
            choosing: count > 1,
            // Three or more reports open on the overview; two open straight on their pair.
            overview: count > 2,
            cell: Pair::new(0, usize::from(count > 1)),
            reuse: None,
            card: None,
            facts: Facts::default(),
            cache: HashMap::new(),
            layout: None,
            pending: None,
            land: None,
            inline_words: INLINE_LAYOUT_WORDS,
            around_bytes: AROUND_BYTES,
            retired: None,
            seeking: false,
            matches: Vec::new(),
        }
    }

    pub fn pair(&self) -> PairKey {
        PairKey {
            outlets: self.outlets,
            normalize: self.normalize,
        }
    }

    /// True for a story of one report: there is nothing to compare it with.
    pub fn alone(&self) -> bool {
        self.story.reports.len() == 1
    }

    pub fn report(&self, i: usize) -> Option<&Report> {
        self.story.reports.get(i)
    }

    /// The pair the reader asked for while its comparison is being computed: what the
    /// event loop times (the screen may show the other house style meanwhile, see
    /// [`App::shown_pair`]).
    pub fn computing(&self) -> Option<PairKey> {
        let key = self.pair();
        let missing = self.choosing || !self.cache.contains_key(&key);
        (self.story.reports.len() > 1 && missing).then_some(key)
    }

    /// The pair whose comparison is on screen: the one asked for, or while that one is
    /// computed after house style was toggled, the same reports in the other style, so
    /// the text stays on screen to read meanwhile.
    pub fn shown_pair(&self) -> PairKey {
        let wanted = self.pair();
        let other = PairKey {
            normalize: !wanted.normalize,
            ..wanted
        };
        if !self.cache.contains_key(&wanted) && self.cache.contains_key(&other) {
            other
        } else {
            wanted
        }
    }

    /// How long the pair asked for has been computing, while it is.
    pub fn waited(&self) -> Option<Wait> {
        let computing = self.computing()?;
        self.waited
            .filter(|(key, _)| *key == computing)
            .map(|(_, waited)| waited)
    }

    /// Bytes of the paragraphs of the pair `key`, both sides: what a comparison counts
    /// through as it goes ([`PairKey::compare_paragraphs_counting`]).
    pub fn pair_bytes(&self, key: PairKey) -> usize {
        let bytes = key.outlets.map(|i| {
            self.report(i)
                .map_or(0, |r| r.body.iter().map(String::len).sum())
        });
        bytes.left + bytes.right
    }

    /// The comparison of the pair on screen, once computed.
    pub fn comparison(&self) -> Option<&Comparison> {
        if self.choosing {
            return None;
        }
        self.cache.get(&self.shown_pair()).map(Arc::as_ref)
    }

    /// The view the diff area shows: the chosen one, or while its layout is being
    /// built, the one before.
    pub fn shown_view(&self) -> View {
        self.layout().map_or(self.view, |l| l.view)
    }

    /// True while the layout for what the reader chose is being built off the UI thread.
    pub fn laying_out(&self) -> bool {
        self.pending.is_some()
    }

    /// The layout taken off screen last, if the caller has not taken it yet.
    pub fn take_retired(&mut self) -> Option<Arc<Layout>> {
        self.retired.take()
    }

    /// The layout the reader waits for, for the layout thread to build.
    /// A search of the layout on screen is asked of the same thread.
    pub fn layout_job(&self) -> Option<LayoutJob> {
        let (key, shown) = match (self.pending, &self.layout) {
            (Some(key), _) => (key, None),
            (None, Some((key, shown))) if self.seeking => (*key, Some(Arc::clone(shown))),
            _ => return None,
        };
        Some(LayoutJob {
            key,
            comparison: Arc::clone(self.cache.get(&key.pair)?),
            jump_key: self.keymap.label(&Action::JumpMoved),
            query: self.search.active().then(|| self.search.query.clone()),
            shown,
        })
    }

    /// True while the pair on screen waits for its sentence layer (see
    /// [`Action::Told`]).
    pub fn telling(&self) -> bool {
        self.comparison().is_some_and(|c| c.told.is_none())
    }

    /// True while the active search is being looked for off the UI thread.
    pub fn seeking(&self) -> bool {
        self.seeking
    }

    /// The layout of the pair on screen, once computed.
    pub fn layout(&self) -> Option<&Layout> {
        self.layout
            .as_ref()
            .filter(|(key, _)| !self.choosing && key.pair == self.shown_pair())
            .map(|(_, layout)| &**layout)
    }

    /// The comparison of report `i` with the left-hand report, either way round, and the
    /// side `i` is on in it.
    fn with_left(&self, i: usize) -> Option<(&Comparison, Side)> {
        let there = |outlets| {
            self.cache
                .get(&PairKey {
                    outlets,
                    normalize: self.normalize,
                })
                .map(Arc::as_ref)
        };
        let left = self.outlets.left;
        there(Pair::new(left, i))
            .map(|c| (c, Side::Right))
            .or_else(|| there(Pair::new(i, left)).map(|c| (c, Side::Left)))
    }

    /// The overview's figures from the pairs compared so far (normalisation off, as the
    /// pairs are first compared).
    pub fn glance(&self) -> Overview {
        let count = self.story.reports.len();
        let reuse = self
            .reuse
            .clone()
            .unwrap_or_else(|| vec![vec![0.0; count]; count]);
        overview(reuse, count, |i, j| {
            let find = |outlets| {
                self.cache
                    .get(&PairKey {
                        outlets,
                        normalize: false,
                    })
                    .map(Arc::as_ref)
            };
            find(Pair::new(i, j))
                .map(|c| (c, Side::Right))
                .or_else(|| find(Pair::new(j, i)).map(|c| (c, Side::Left)))
                .and_then(|(c, side)| Some((c.told.as_ref()?, side)))
        })
    }

    /// How many of the story's pairs have been compared, of how many.
    pub fn progress(&self) -> (usize, usize) {
        let count = self.story.reports.len();
        let total = count * count.saturating_sub(1) / 2;
        let done = all_pairs(count)
            .filter(|key| self.cache.contains_key(key))
            .count();
        (done, total)
    }

    /// Similarity of report `i` to the left-hand report, if that pair has been compared.
    pub fn similarity_to_left(&self, i: usize) -> Option<f64> {
        self.with_left(i).map(|(c, _)| c.stats.similarity)
    }

    /// Share of report `i`'s content the left-hand report tells too.
    pub fn shared_with_left(&self, i: usize) -> Option<f64> {
        let (c, side) = self.with_left(i)?;
        Some(c.told.as_ref()?.shared[side])
    }

    /// The next comparison the reader needs and does not have: while choosing, every
    /// pair once; then the pair on screen, then the left report against each other one
    /// for the outlet list.
    pub fn wanted(&self) -> Option<PairKey> {
        let count = self.story.reports.len();
        let missing = |key: &PairKey| !self.cache.contains_key(key);
        if count == 0 {
            return None;
        }
        if self.choosing {
            return all_pairs(count).find(missing);
        }
        let current = self.pair();
        if missing(&current) {
            return Some(current);
        }
        (0..count)
            .filter(|&right| right != self.outlets.left && self.similarity_to_left(right).is_none())
            .map(|right| PairKey {
                outlets: Pair::new(self.outlets.left, right),
                ..current
            })
            .next()
    }

    /// Where each part of the screen goes, or `None` when the terminal is too small.
    pub fn screen(&self) -> Option<Screen> {
        let (w, h) = self.size;
        Screen::new(
            Rect::new(0, 0, w, h),
            self.story.reports.len(),
            self.list_shown(),
        )
    }

    /// Whether the outlet list shows its outlets or only its heading.
    pub fn list_shown(&self) -> bool {
        self.list_open.unwrap_or(self.size.1 >= LIST_HEIGHT)
    }

    /// Rows the diff area shows (at least one, so paging always moves).
    pub fn page(&self) -> usize {
        self.screen()
            .map_or(1, |s| usize::from(s.diff.height))
            .max(1)
    }

    /// True when the help is too narrow for keys and descriptions side by side: each
    /// description then goes on a line of its own under its keys.
    pub fn help_stacked(&self) -> bool {
        self.size.0 < self.help_width(false)
    }

    /// Columns the help needs, border included, to show every line whole: keys and
    /// descriptions side by side, or `stacked`, each description under its keys.
    pub fn help_width(&self, stacked: bool) -> u16 {
        let line = |(keys, what): &(String, String)| {
            let (keys, what) = (cell_width(keys), cell_width(what));
            if stacked {
                1 + keys.max(what)
            } else {
                // A space after the description keeps it off the border.
                1 + HELP_KEYS.max(keys + 1) + what + 1
            }
        };
        let widest = self.keymap.help_lines().iter().map(line).max().unwrap_or(0);
        u16::try_from(widest + 2).unwrap_or(u16::MAX)
    }

    /// The help's text, line by line: the keys (drawn bold), then the description.
    /// Stacked, each description goes under its keys, wrapped to the overlay so none is
    /// cut.
    pub fn help_text(&self) -> Vec<(String, String)> {
        let room = usize::from(self.size.0.min(self.help_width(true))).saturating_sub(3);
        let stacked = self.help_stacked();
        self.keymap
            .help_lines()
            .into_iter()
            .flat_map(|(keys, what)| {
                if stacked {
                    let wrapped = textwrap::wrap(&what, room.max(1));
                    std::iter::once((format!(" {keys}"), String::new()))
                        .chain(
                            wrapped
                                .into_iter()
                                .map(|l| (String::new(), format!(" {l}"))),
                        )
                        .collect()
                } else {
                    let column = HELP_KEYS.max(cell_width(&keys) + 1);
                    vec![(format!(" {keys:<column$}"), what)]
                }
            })
            .collect()
    }

    /// Lines of the help's text.
    pub fn help_lines(&self) -> usize {
        self.help_text().len()
    }

    /// Help lines that fit on screen inside the overlay's border.
    pub fn help_rows(&self) -> usize {
        usize::from(self.size.1)
            .saturating_sub(2)
            .min(self.help_lines())
    }

    /// True when the pair on screen has a moved paragraph for `m` to go to.
    pub fn has_moves(&self) -> bool {
        self.comparison()
            .is_some_and(|c| c.blocks.iter().any(|b| b.kind.is_moved()))
    }

    /// The blocks of the move `m`/`M` went to: both its places.
    pub fn moved_blocks(&self) -> [Option<usize>; 2] {
        let partner = self
            .moved
            .and_then(|b| self.comparison()?.blocks.get(b)?.partner);
        [self.moved, partner]
    }

    /// Where the active search's query shows, in reading order.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// The matches that touch `rows`: a frame looks at these, not at every match of a
    /// long text (a common word has tens of thousands), since matches come in row order.
    pub fn matches_on(&self, rows: Range<usize>) -> &[Match] {
        let span = self
            .matches
            .iter()
            .map(|m| m.pieces.len())
            .max()
            .unwrap_or(0);
        let from = rows.start.saturating_sub(span);
        let lo = self.matches.partition_point(|m| m.row() < from);
        let hi = self.matches.partition_point(|m| m.row() < rows.end);
        self.matches.get(lo..hi).unwrap_or_default()
    }

    /// Width the diff is laid out at.
    fn diff_width(&self) -> usize {
        self.screen().map_or(0, |s| usize::from(s.diff.width))
    }
}

/// The pair to open on: the most similar that is not identical, where word differences
/// say the most; `None` when every pair is identical. The reader and the non-interactive
/// output both choose with it.
pub fn most_similar(pairs: impl IntoIterator<Item = (Pair<usize>, f64)>) -> Option<Pair<usize>> {
    let mut best: Option<(f64, Pair<usize>)> = None;
    for (pair, s) in pairs {
        if s < 1.0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, pair));
        }
    }
    best.map(|(_, pair)| pair)
}

/// Every unordered pair of `count` reports, left before right.
pub fn all_pairs(count: usize) -> impl Iterator<Item = PairKey> {
    (0..count).flat_map(move |left| {
        (left + 1..count).map(move |right| PairKey {
            outlets: Pair::new(left, right),
            normalize: false,
        })
    })
}

/// Computes, on the spot, every comparison `app` wants: what the worker thread does in
/// the reader.
#[cfg(test)]
pub(crate) fn settle(app: &mut App) {
    let docs = crate::diff::docs(&app.story);
    if docs.len() > 2 {
        update(app, Action::Reuse(crate::diff::reuse::reuse_grid(&docs)));
    }
    let corpus = crate::diff::corpus(&docs);
    while let Some(key) = app.wanted() {
        let comparison = key.compare(&docs, &corpus);
        update(app, Action::Computed(key, Arc::new(comparison)));
    }
    if app.facts.wanted() {
        let ledger = crate::facts::ledger(&app.story);
        update(app, Action::Facts(FactsAction::Ready(Box::new(ledger))));
    }
}

/// A reader on two reports whose pair the worker delivers as it does a long one: the
/// paragraph comparison first, then (by the returned closure) its sentence layer.
#[cfg(test)]
pub(crate) fn told_later(left: &[&str], right: &[&str]) -> (App, impl FnOnce(&mut App)) {
    let body = |paras: &[&str]| paras.iter().map(|p| p.to_string()).collect();
    let story = Story {
        title: "Two".into(),
        date: None,
        summary: None,
        source: None,
        reports: vec![Report::new("A", body(left)), Report::new("B", body(right))],
    };
    let mut app = App::new(story, (120, 40), true);
    let docs = crate::diff::docs(&app.story);
    let corpus = crate::diff::corpus(&docs);
    let key = app.wanted().unwrap();
    let comparison = key.compare_paragraphs(&docs);
    let told = key.told(&comparison, &docs, &corpus);
    update(&mut app, Action::Computed(key, Arc::new(comparison)));
    (app, move |app: &mut App| {
        update(app, Action::Told(key, Box::new(told)))
    })
}

/// From now on every layout is built as a big story's is: asked of the layout thread,
/// and delivered by [`lay_out`]; with `around`, as a big story's whose blocks are short:
/// only the blocks around the screen, at once.
#[cfg(test)]
pub(crate) fn off_thread(app: &mut App, around: bool) {
    app.inline_words = 0;
    app.around_bytes = if around { AROUND_BYTES } else { 0 };
}

/// Builds the layout `app` waits for and delivers it: what the layout thread does in
/// the reader.
#[cfg(test)]
pub(crate) fn lay_out(app: &mut App) {
    if let Some(job) = app.layout_job() {
        update(app, Action::LaidOut(job.key, Box::new(job.run())));
    }
}

/// Back at the top with no change highlighted, as tests of other things start.
#[cfg(test)]
pub(crate) fn from_the_top(app: &mut App) {
    app.scroll = 0;
    app.current = None;
}

#[cfg(test)]
mod tests;
