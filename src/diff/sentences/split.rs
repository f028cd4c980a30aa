//! Cutting a paragraph into sentences, so facts told in different orders can be matched one
//! sentence at a time: abbreviations and initials do not end a sentence, a quotation stays
//! whole, and CJK/Hangul full stops and ellipses are handled.

use std::ops::Range;

/// Full stops of CJK text, which end a sentence without a space after them.
const CJK_STOPS: &[char] = &['\u{3002}', '\u{FF01}', '\u{FF1F}', '\u{FF0E}', '\u{FF61}'];

/// Marks that end a sentence when a space and a sentence start follow.
const STOPS: &[char] = &[
    '.', '!', '?', '\u{2026}', '\u{203C}', '\u{2047}', '\u{2049}',
];

/// Marks that close what a sentence ended inside of: quotes and brackets.
const CLOSERS: &[char] = &[
    '"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}', '\u{203A}', ')', ']', '}', '\u{300D}',
    '\u{300F}', '\u{FF09}', '\u{3011}',
];

/// Abbreviations (lower case, without their dot) after which a full stop never ends a
/// sentence: titles and other words that are always followed by a name or number.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "gov", "lt",
    "col", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "mt", "ft", "vs", "cf",
    "approx", "dept", "fig", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
    "messrs", "mme", "mlle", "pp", "vol", "ch",
];

/// Longest word looked at before a full stop: longer ones are no abbreviation, and the
/// cap keeps a long run of dotted letters from costing quadratic time.
const MAX_ABBREVIATION: usize = 12;

/// Abbreviations that are one only before a number ("No. 5", "Art. 9").
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "art", "p"];

/// Byte ranges of the sentences of `paragraph`, in order, each trimmed of the whitespace
/// around it. Text with no sentence-ending mark is one sentence; a paragraph of nothing
/// but whitespace has none.
pub fn split_sentences(paragraph: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let quotes: Vec<(usize, usize)> = quote_spans(&chars)
        .into_iter()
        .filter(|&(_, c)| attributed(&chars, c))
        .collect();
    let mut cuts = Vec::new();
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if CJK_STOPS.contains(&c) || STOPS.contains(&c) {
            let end = run_end(&chars, i);
            if ends_sentence(&chars, i, end, &quotes) {
                cuts.push(byte_at(&chars, end, paragraph.len()));
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    cuts.push(paragraph.len());
    let mut out = Vec::with_capacity(cuts.len());
    let mut start = 0;
    for cut in cuts {
        if let Some(range) = trimmed(paragraph, start, cut) {
            out.push(range);
        }
        start = cut;
    }
    out
}

/// Spans (char index of the opening quote, char index of the closing one) of the double
/// quotations that close within the text; a quote left open is not a quotation here (news
/// style leaves a quote open when it runs on into the next paragraph).
pub(super) fn quote_spans(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &(_, c)) in chars.iter().enumerate() {
        match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{300C}' | '\u{300E}' => open = Some(i),
            '\u{201D}' | '\u{00BB}' | '\u{300D}' | '\u{300F}' => {
                if let Some(o) = open.take() {
                    spans.push((o, i));
                }
            }
            '"' => match open.take() {
                Some(o) => spans.push((o, i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    spans
}

/// Whether the sentence goes on after the quotation closing at char index `close`, as in
/// `,” Kang said.` or `?” she asked.`: then the quotation's own full stops end nothing.
fn attributed(chars: &[(usize, char)], close: usize) -> bool {
    let before = close
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .map(|&(_, c)| c);
    if before.is_some_and(|c| is_continuation(c) || c == '\u{2014}' || c == '\u{2013}') {
        return true;
    }
    let after = chars
        .get(close + 1..)
        .unwrap_or_default()
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    after.is_some_and(|c| c.is_lowercase() || is_continuation(c))
}

/// The char index just past a run of stops and then closing marks from `i`.
fn run_end(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i;
    while chars
        .get(j)
        .is_some_and(|&(_, c)| STOPS.contains(&c) || CJK_STOPS.contains(&c))
    {
        j += 1;
    }
    while chars.get(j).is_some_and(|&(_, c)| CLOSERS.contains(&c)) {
        j += 1;
    }
    j
}

/// Whether the stops at `i..end` (with their closing marks) end a sentence.
fn ends_sentence(chars: &[(usize, char)], i: usize, end: usize, quotes: &[(usize, usize)]) -> bool {
    // Inside an attributed quotation that goes on after this point, nothing ends.
    // The spans are ordered and do not overlap: only the last one opening before `i` counts.
    let opened = quotes.partition_point(|&(o, _)| o < i);
    if opened
        .checked_sub(1)
        .and_then(|k| quotes.get(k))
        .is_some_and(|&(_, c)| end <= c)
    {
        return false;
    }
    let Some(&(_, next)) = chars.get(end) else {
        return true;
    };
    let stops = chars.get(i..end).unwrap_or_default();
    let cjk = stops.iter().any(|&(_, c)| CJK_STOPS.contains(&c));
    if !next.is_whitespace() {
        // "4.6", "U.S.-South Korea", "…," go on; a CJK stop needs no space after it.
        return cjk && !CLOSERS.contains(&next) && !is_continuation(next);
    }
    let Some(start) = chars
        .get(end..)
        .unwrap_or_default()
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace())
    else {
        return true;
    };
    if cjk {
        return true;
    }
    if start.is_lowercase() || is_continuation(start) {
        return false;
    }
    let stop_run = stops
        .iter()
        .take_while(|&&(_, c)| STOPS.contains(&c))
        .count();
    let single_dot = stop_run == 1 && stops.first().is_some_and(|&(_, c)| c == '.');
    if !single_dot {
        return true;
    }
    // The full stop closes the word before it: is that word an abbreviation?
    let word = word_before(chars, i);
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "J. R. Smith"
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    if NUMBER_ABBREVIATIONS.contains(&lower.as_str()) && start.is_ascii_digit() {
        return false;
    }
    if is_dotted(&lower) {
        // "a.m." and "p.m." end a sentence before a capital; "U.S." and "e.g." never do.
        return matches!(lower.as_str(), "a.m" | "p.m") && start.is_uppercase();
    }
    true
}

/// Marks that carry a sentence on after a stop: "…, and", "Inc.;".
fn is_continuation(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '\u{3001}' | '\u{FF0C}')
}

/// The letters and dots just before char index `i` ("U.S", "Mr", "J").
fn word_before(chars: &[(usize, char)], i: usize) -> String {
    let before = chars.get(..i).unwrap_or_default();
    let n = before
        .iter()
        .rev()
        .take(MAX_ABBREVIATION)
        .take_while(|&&(_, c)| c.is_alphanumeric() || c == '.')
        .count();
    before
        .get(before.len() - n..)
        .unwrap_or_default()
        .iter()
        .map(|&(_, c)| c)
        .collect()
}

/// Single letters separated by dots: "u.s", "a.m", "e.g".
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

fn byte_at(chars: &[(usize, char)], i: usize, len: usize) -> usize {
    chars.get(i).map_or(len, |&(b, _)| b)
}

/// `start..end` without the whitespace around it; `None` when nothing is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let piece = text.get(start..end)?;
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    (!body.is_empty()).then(|| start + lead..start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| text.get(r).unwrap_or("<bad range>"))
            .collect()
    }

    #[test]
    fn plain_sentences_split_and_are_trimmed() {
        assert_eq!(
            pieces("  One thing happened. Then another!  Did it? Yes. "),
            vec!["One thing happened.", "Then another!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn titles_and_dotted_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            pieces("Mr. Lee met Dr. Kim and Mrs. Park in the U.S. on Tuesday. It went well."),
            vec![
                "Mr. Lee met Dr. Kim and Mrs. Park in the U.S. on Tuesday.",
                "It went well."
            ]
        );
        assert_eq!(
            pieces("Lee has since spoken to U.S. President Donald Trump. He called."),
            vec![
                "Lee has since spoken to U.S. President Donald Trump.",
                "He called."
            ]
        );
        assert_eq!(
            pieces("He lives on St. James Street, No. 5 in the block. Fine."),
            vec!["He lives on St. James Street, No. 5 in the block.", "Fine."]
        );
    }

    #[test]
    fn no_ends_a_sentence_unless_a_number_follows() {
        assert_eq!(
            pieces("He said no. Then left."),
            vec!["He said no.", "Then left."]
        );
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            pieces("The book is by J. R. Smith and T. Jones. It sold."),
            vec!["The book is by J. R. Smith and T. Jones.", "It sold."]
        );
    }

    #[test]
    fn am_and_pm_end_a_sentence_only_before_a_capital() {
        assert_eq!(
            pieces("The call began at 11:30 a.m. on Tuesday. It lasted."),
            vec!["The call began at 11:30 a.m. on Tuesday.", "It lasted."]
        );
        assert_eq!(
            pieces("They met at 9 p.m. The talks went on."),
            vec!["They met at 9 p.m.", "The talks went on."]
        );
    }

    #[test]
    fn an_attributed_quotation_stays_whole() {
        assert_eq!(
            pieces(
                "\u{201C}The industry is sensitive. It will help,\u{201D} an official said. \
                 \u{201C}Why? We wait.\u{201D} she asked. Fine."
            ),
            vec![
                "\u{201C}The industry is sensitive. It will help,\u{201D} an official said.",
                "\u{201C}Why? We wait.\u{201D} she asked.",
                "Fine."
            ]
        );
        assert_eq!(
            pieces("\"Talks went well. Ties will grow,\" Kang said. Next."),
            vec!["\"Talks went well. Ties will grow,\" Kang said.", "Next."]
        );
    }

    #[test]
    fn a_sentence_ending_inside_a_quotation_runs_to_its_close() {
        assert_eq!(
            pieces(
                "He said, \u{201C}We should not neglect China. There is no need.\u{201D} He left."
            ),
            vec![
                "He said, \u{201C}We should not neglect China.",
                "There is no need.\u{201D}",
                "He left."
            ]
        );
        assert_eq!(
            pieces("Ties must move \u{201C}on the right track.\u{201D} A partnership helps."),
            vec![
                "Ties must move \u{201C}on the right track.\u{201D}",
                "A partnership helps."
            ]
        );
    }

    #[test]
    fn a_quote_left_open_does_not_swallow_the_paragraph() {
        assert_eq!(
            pieces("\u{201C}It went well. We agreed on much. More to come."),
            vec![
                "\u{201C}It went well.",
                "We agreed on much.",
                "More to come."
            ]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_only_before_a_sentence_start() {
        assert_eq!(
            pieces("the issues \u{2026} as they are. Next\u{2026} And then... More."),
            vec![
                "the issues \u{2026} as they are.",
                "Next\u{2026}",
                "And then...",
                "More."
            ]
        );
    }

    #[test]
    fn cjk_and_hangul_full_stops() {
        assert_eq!(
            pieces("习近平同李在明通电话。双方同意加强合作！是吗？"),
            vec!["习近平同李在明通电话。", "双方同意加强合作！", "是吗？"]
        );
        assert_eq!(
            pieces("이재명 대통령은 시진핑 주석과 통화했다。강 대변인이 밝혔다."),
            vec![
                "이재명 대통령은 시진핑 주석과 통화했다。",
                "강 대변인이 밝혔다."
            ]
        );
        assert_eq!(pieces("「好。」他说。"), vec!["「好。」", "他说。"]);
    }

    #[test]
    fn korean_text_with_ascii_full_stops() {
        assert_eq!(
            pieces(
                "이재명 대통령은 10일 시진핑 주석과 통화했다. 강유정 대변인이 밝혔다. 3.5% 늘었다."
            ),
            vec![
                "이재명 대통령은 10일 시진핑 주석과 통화했다.",
                "강유정 대변인이 밝혔다.",
                "3.5% 늘었다."
            ]
        );
    }

    #[test]
    fn numbers_and_compounds_with_dots_go_on() {
        assert_eq!(
            pieces("Traffic fell to 4.6 million. The U.S.-South Korea alliance held."),
            vec![
                "Traffic fell to 4.6 million.",
                "The U.S.-South Korea alliance held."
            ]
        );
    }

    #[test]
    fn empty_and_blank_paragraphs_have_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\t ").is_empty());
        assert_eq!(pieces("no stop at all"), vec!["no stop at all"]);
    }
}
