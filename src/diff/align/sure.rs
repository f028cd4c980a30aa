//! Stretches of a gap whose paragraphs pair one to one beyond doubt, found without the
//! gap programme. In two versions of one text most gaps are paragraphs edited in place,
//! each a close copy of the one facing it; the programme compares every paragraph with
//! every other in its band to find that, which was most of the pairing's time on long
//! near-copies. Only what lies between these stretches is left to it.

/// How far either side may skip to find the next pair of sure pairs after a paragraph
/// that is not one: a paragraph or two added, dropped, split or merged.
const RESYNC: usize = 4;

/// Stretches `(left, right, len)` of the gap's free paragraphs, in order, where left
/// `left + k` surely pairs with right `right + k`. `sure(i, j)` says whether the `i`th
/// free left paragraph and the `j`th free right one are close copies.
///
/// A run of sure pairs is trusted only inside: its first and last pairs border
/// paragraphs that are not close copies, which may be pieces of a split or merge whose
/// whole is in the run, so those two are left to the programme with their neighbours.
/// A run that starts or ends with the gap keeps that end, as exact matches lie beyond.
pub(super) fn stretches(
    m: usize,
    n: usize,
    mut sure: impl FnMut(usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let (mut a, mut b) = (0, 0);
    while a < m && b < n {
        if !sure(a, b) {
            match resync(a, b, &mut sure) {
                Some((x, y)) => (a, b) = (x, y),
                // Nothing close: go on further down, leaving what is skipped to the
                // programme; each miss costs a few comparisons, not a band of them.
                None => (a, b) = (a + RESYNC, b + RESYNC),
            }
            continue;
        }
        let start = (a, b);
        while a < m && b < n && sure(a, b) {
            a += 1;
            b += 1;
        }
        let from = usize::from(start != (0, 0));
        let to = usize::from((a, b) != (m, n));
        let len = a - start.0;
        if len > from + to {
            out.push((start.0 + from, start.1 + from, len - from - to));
        }
    }
    out
}

/// The nearest place after `(a, b)`, each side skipping at most [`RESYNC`]
/// paragraphs, where two sure pairs follow each other.
fn resync(
    a: usize,
    b: usize,
    sure: &mut impl FnMut(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    (1..=2 * RESYNC)
        .flat_map(|d| (0..=d).map(move |x| (x, d - x)))
        .filter(|&(x, y)| x <= RESYNC && y <= RESYNC)
        .map(|(x, y)| (a + x, b + y))
        .find(|&(i, j)| sure(i, j) && sure(i + 1, j + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_of_close_copies_is_one_stretch_to_both_ends() {
        assert_eq!(stretches(5, 5, |i, j| i == j), vec![(0, 0, 5)]);
    }

    #[test]
    fn pairs_beside_a_paragraph_added_are_left_to_the_programme() {
        // Right paragraph 3 is new: left 3.. face right 4...
        let sure = |i: usize, j: usize| if i < 3 { i == j } else { j == i + 1 };
        assert_eq!(stretches(8, 9, sure), vec![(0, 0, 2), (4, 5, 4)]);
    }

    #[test]
    fn a_lone_sure_pair_between_doubtful_ones_is_not_trusted() {
        let sure = |i: usize, j: usize| i == j && i == 2;
        assert!(stretches(5, 5, sure).is_empty());
    }

    #[test]
    fn a_gap_with_nothing_sure_is_left_whole() {
        assert!(stretches(40, 40, |_, _| false).is_empty());
    }
}
