//! Content words of every paragraph of two or more versions of one text, counted once
//! per text and, for a paragraph edited in a word or two, by difference.

use super::super::intern::FastMap;
use super::super::words::common_ends;
use super::Folder;
use crate::side::Pair;

/// Bytes of a paragraph's start, and of its end, that find an earlier paragraph it may
/// be a version of; shorter paragraphs are counted whole.
const KEY_BYTES: usize = 24;

/// The content words of every paragraph of every report, as the corpus counts them: a
/// pass that needs no pairing, so a caller can run it beside the paragraph diff. `ids`
/// give each paragraph a number that two paragraphs share only when their texts are the
/// same: versions of one text share most paragraphs word for word, and each text is
/// counted once.
///
/// Most other paragraphs are edited in a word or two. One that starts or ends as an
/// earlier paragraph does is counted by difference: the earlier one's count, less the
/// words of its changed middle, plus the words of this one's. The start and end are cut
/// where both texts' tokens agree, so the parts count as the whole does.
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
    // Earlier paragraphs by their first and by their last bytes: text and count.
    let mut starts: FastMap<&[u8], (&str, usize)> = FastMap::default();
    let mut ends: FastMap<&[u8], (&str, usize)> = FastMap::default();
    let mut counted = Vec::with_capacity(reports.len());
    for (paragraphs, ids) in reports.iter().zip(ids) {
        let mut counts = Vec::with_capacity(paragraphs.len());
        for (p, &id) in paragraphs.iter().zip(ids.iter()) {
            let text = p.as_ref();
            let keys = keys(text);
            let count = match by_id.get_mut(id as usize) {
                Some(Some(known)) => *known as usize,
                slot => {
                    let earlier = keys.and_then(|(start, end)| {
                        starts.get(start).or_else(|| ends.get(end)).copied()
                    });
                    let count = earlier
                        .and_then(|(before, n)| by_difference(folder, before, n, text))
                        .unwrap_or_else(|| folder.count(text));
                    if let Some(slot) = slot {
                        *slot = u32::try_from(count).ok();
                    }
                    count
                }
            };
            if let Some((start, end)) = keys {
                starts.entry(start).or_insert((text, count));
                ends.entry(end).or_insert((text, count));
            }
            counts.push(count);
        }
        counted.push(counts);
    }
    counted
}

/// The first and last [`KEY_BYTES`] of a paragraph long enough to have both apart.
fn keys(text: &str) -> Option<(&[u8], &[u8])> {
    let bytes = text.as_bytes();
    let start = bytes.get(..KEY_BYTES)?;
    let end = bytes.get(bytes.len().checked_sub(KEY_BYTES)?..)?;
    (bytes.len() >= 2 * KEY_BYTES).then_some((start, end))
}

/// The content words of `text` from those of `before` (`count`), when the two share a
/// start and end covering at least half of `text`; else counting it whole is cheaper.
fn by_difference(folder: &Folder, before: &str, count: usize, text: &str) -> Option<usize> {
    let (head, tail) = common_ends(Pair::new(before, text));
    if 2 * (head + tail) < text.len() {
        return None;
    }
    let middle = |t: &str| {
        folder.count(
            t.get(head..t.len().saturating_sub(tail))
                .unwrap_or_default(),
        )
    };
    count
        .checked_sub(middle(before))
        .map(|rest| rest + middle(text))
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
