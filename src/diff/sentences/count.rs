//! Content words of every paragraph of two or more versions of one text, counted once
//! per text and, for a paragraph edited in a word or two, by difference.

use super::super::words::Cut;
use super::Folder;
use crate::side::Pair;

/// Bytes of a paragraph's start, and of its end, that find a paragraph of the first
/// report it may be a version of; shorter paragraphs are counted whole.
const KEY_BYTES: usize = 24;

/// The content words of every paragraph of every report, as the corpus counts them: a
/// pass that needs no pairing, so a caller can run it beside the paragraph diff. `ids`
/// give each paragraph a number that two paragraphs share only when their texts are the
/// same: versions of one text share most paragraphs word for word, and each text is
/// counted once.
///
/// Most other paragraphs are edited in a word or two. One that starts or ends as a
/// paragraph near its place in the first report does is counted by difference: that
/// one's count, less the words of its changed middle, plus the words of this one's.
/// The start and end are cut where both texts' tokens agree, so the parts count as the
/// whole does.
pub fn content_words<S: AsRef<str>>(
    folder: &Folder,
    reports: &[&[S]],
    ids: &[&[u32]],
) -> Vec<Vec<usize>> {
    let distinct = ids
        .iter()
        .flat_map(|ids| ids.iter())
        .max()
        .map_or(0, |&id| id as usize + 1);
    let mut by_id: Vec<Option<u32>> = vec![None; distinct];
    let first: &[S] = reports.first().copied().unwrap_or_default();
    let mut counted: Vec<Vec<usize>> = Vec::with_capacity(reports.len());
    for (r, (paragraphs, ids)) in reports.iter().zip(ids).enumerate() {
        let mut counts = Vec::with_capacity(paragraphs.len());
        // How far this report's paragraphs are from their versions in the first: the
        // versions are looked for there, and a little around, so no table is kept.
        let mut drift = 0isize;
        for (p, (text, &id)) in paragraphs.iter().zip(ids.iter()).enumerate() {
            let text = text.as_ref();
            let count = match by_id.get_mut(id as usize) {
                Some(Some(known)) => *known as usize,
                slot => {
                    let version = (r > 0)
                        .then(|| version_in(first, text, p, &mut drift))
                        .flatten();
                    let count = version
                        .and_then(|e| {
                            let before = first.get(e)?.as_ref();
                            let count = *counted.first()?.get(e)?;
                            by_difference(folder, before, count, text)
                        })
                        .unwrap_or_else(|| folder.count(text));
                    if let Some(slot) = slot {
                        *slot = u32::try_from(count).ok();
                    }
                    count
                }
            };
            counts.push(count);
        }
        counted.push(counts);
    }
    counted
}

/// The paragraph of `first` near place `p` (shifted by `drift`, which follows the last
/// one found) that starts or ends with the same [`KEY_BYTES`] as `text`.
fn version_in<S: AsRef<str>>(
    first: &[S],
    text: &str,
    p: usize,
    drift: &mut isize,
) -> Option<usize> {
    let (start, end) = key_ends(text)?;
    let at = p.checked_add_signed(*drift)?;
    let found = [0, 1, -1, 2, -2, 3, -3].into_iter().find_map(|d: isize| {
        let e = at.checked_add_signed(d)?;
        let (s, t) = key_ends(first.get(e)?.as_ref())?;
        (s == start || t == end).then_some(e)
    })?;
    *drift = found as isize - p as isize;
    Some(found)
}

/// The first and last [`KEY_BYTES`] of a paragraph long enough to have both apart.
fn key_ends(text: &str) -> Option<(&[u8], &[u8])> {
    let bytes = text.as_bytes();
    let start = bytes.get(..KEY_BYTES)?;
    let end = bytes.get(bytes.len().checked_sub(KEY_BYTES)?..)?;
    (bytes.len() >= 2 * KEY_BYTES).then_some((start, end))
}

/// The content words of `text` from those of `before` (`count`), when the two share a
/// start and end covering at least half of `text`; else counting it whole is cheaper.
fn by_difference(folder: &Folder, before: &str, count: usize, text: &str) -> Option<usize> {
    let cut = Cut::common(Pair::new(before, text))?;
    if 2 * cut.common_len() < text.len() {
        return None;
    }
    count
        .checked_sub(folder.count(cut.middle.left))
        .map(|rest| rest + folder.count(cut.middle.right))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ids_of(paragraphs: &[&str], seen: &mut Vec<String>) -> Vec<u32> {
        paragraphs
            .iter()
            .map(|p| match seen.iter().position(|s| s == p) {
                Some(i) => i as u32,
                None => {
                    seen.push(p.to_string());
                    (seen.len() - 1) as u32
                }
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// A paragraph counted by difference from an earlier version has the count of
        /// its own words.
        #[test]
        fn counts_by_difference_are_the_paragraphs_own(
            base in proptest::collection::vec("[A-Za-z’'é]{1,9}[,.;]? ", 8..40),
            edits in proptest::collection::vec(
                (0usize..40, 0usize..3, proptest::collection::vec("[A-Za-z’]{1,9}[,.]? ", 0..3)),
                1..4,
            ),
        ) {
            let left = base.concat();
            let mut words = base.clone();
            for (at, cut, new) in &edits {
                let at = (*at).min(words.len());
                let end = (at + cut).min(words.len());
                words.splice(at..end, new.iter().cloned());
            }
            let right = words.concat();
            let other = "An unrelated paragraph about the talks in Beijing on trade.";
            let folder = Folder::new();
            let reports: [&[&str]; 2] = [&[left.as_str(), other], &[other, right.as_str()]];
            let mut seen = Vec::new();
            let ids: Vec<Vec<u32>> = reports.iter().map(|r| ids_of(r, &mut seen)).collect();
            let ids: Vec<&[u32]> = ids.iter().map(Vec::as_slice).collect();
            let counted = content_words(&folder, &reports, &ids);
            let own: Vec<Vec<usize>> = reports
                .iter()
                .map(|r| r.iter().map(|p| Folder::new().count(p)).collect())
                .collect();
            prop_assert_eq!(counted, own);
        }
    }

    #[test]
    fn a_paragraph_edited_in_a_word_is_counted_from_its_earlier_version() {
        let left = "The president spoke with the Chinese leader by phone on Tuesday about trade.";
        let right =
            "The president spoke with the Chinese leader by phone on Wednesday about trade.";
        let folder = Folder::new();
        assert_eq!(
            by_difference(&folder, left, folder.count(left), right),
            Some(folder.count(right))
        );
        let rewritten = "Officials in Seoul described a cordial exchange on tariffs and security.";
        assert_eq!(
            by_difference(&folder, left, folder.count(left), rewritten),
            None
        );
    }
}
