//! Outlet cues: the few places where a saved report names who published it.

use super::furniture::normalize;

/// Footers that only one outlet's site prints, as normalised lower-case phrases.
const KNOWN_FOOTERS: &[(&str, &str)] = &[
    ("join st's telegram channel", "The Straits Times"),
    ("thomson reuters trust principles", "Reuters"),
];

/// Agencies that sign off the copy they supply with their name in capitals.
const AGENCY_SIGN_OFFS: &[(&str, &str)] = &[
    ("REUTERS", "Reuters"),
    ("AFP", "AFP"),
    ("AP", "AP"),
    ("BLOOMBERG", "Bloomberg"),
    ("XINHUA", "Xinhua"),
    ("YONHAP", "Yonhap"),
];

/// Quoted page text in messages is cut to this many characters.
pub(super) const QUOTED_CHARS: usize = 40;

/// A dateline's credit is a name, not a sentence.
const MAX_DATELINE_CREDIT_WORDS: usize = 4;

/// Where a cue was found. The order is the trust order: a site's own footer names the
/// publisher even on agency copy, a dateline names whoever filed the story, and a
/// sign-off only credits the agency the copy came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum CueKind {
    Footer,
    Dateline,
    SignOff,
}

impl CueKind {
    fn noun(self) -> &'static str {
        match self {
            CueKind::Footer => "footer",
            CueKind::Dateline => "dateline",
            CueKind::SignOff => "sign-off",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cue {
    pub(super) kind: CueKind,
    pub(super) outlet: String,
    /// The text that gave the cue away, quoted in the guess message.
    pub(super) evidence: String,
}

impl Cue {
    /// "its dateline \"(Reuters)\"".
    pub(super) fn describe(&self) -> String {
        format!("its {} \"{}\"", self.kind.noun(), self.evidence)
    }
}

/// Every cue in a report's lines, most trusted first, each kind and outlet once.
pub(super) fn find_cues<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Cue> {
    let mut seen = std::collections::HashSet::new();
    let mut cues: Vec<Cue> = lines
        .into_iter()
        .flat_map(|line| [footer_cue(line), dateline_cue(line), sign_off_cue(line)])
        .flatten()
        .filter(|c| seen.insert((c.kind, c.outlet.clone())))
        .collect();
    cues.sort_by_key(|c| c.kind);
    cues
}

fn footer_cue(line: &str) -> Option<Cue> {
    let lower = normalize(line);
    KNOWN_FOOTERS
        .iter()
        .find(|(phrase, _)| lower.contains(phrase))
        .map(|(_, outlet)| Cue {
            kind: CueKind::Footer,
            outlet: (*outlet).to_string(),
            evidence: shorten(line.trim(), QUOTED_CHARS),
        })
}

/// "SEOUL/BEIJING, June 10 (Reuters) – …": a capitalised place, an optional date, the
/// credit in parentheses, then a dash.
fn dateline_cue(line: &str) -> Option<Cue> {
    let open = line.find('(')?;
    let close = open + line.get(open..)?.find(')')?;
    let place = line.get(..open)?.split_whitespace().next()?;
    let credit = line.get(open + 1..close)?.trim();
    let after = line.get(close + 1..)?.trim_start();
    let is_place = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !place.chars().any(char::is_lowercase);
    let is_name = credit.starts_with(char::is_uppercase)
        && credit.split_whitespace().count() <= MAX_DATELINE_CREDIT_WORDS;
    let then_dash = after.starts_with(['–', '—', '-']);
    (is_place && is_name && then_dash).then(|| Cue {
        kind: CueKind::Dateline,
        outlet: credit.to_string(),
        evidence: format!("({credit})"),
    })
}

/// "… in the Taiwan Strait. REUTERS": an agency name in capitals after the last sentence.
fn sign_off_cue(line: &str) -> Option<Cue> {
    let (before, last) = line.trim_end().rsplit_once(char::is_whitespace)?;
    let (_, outlet) = AGENCY_SIGN_OFFS.iter().find(|(caps, _)| *caps == last)?;
    super::words::ends_sentence(before).then(|| Cue {
        kind: CueKind::SignOff,
        outlet: (*outlet).to_string(),
        evidence: last.to_string(),
    })
}

/// At most `max` characters, cut at a word boundary, with "…" when cut.
pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlets(lines: &[&str]) -> Vec<(CueKind, String)> {
        find_cues(lines.iter().copied())
            .into_iter()
            .map(|c| (c.kind, c.outlet))
            .collect()
    }

    #[test]
    fn dateline_names_the_filing_outlet() {
        let cues = find_cues(["SEOUL/BEIJING, June 10 (Reuters) – South Korean President…"]);
        assert_eq!(cues.len(), 1);
        assert_eq!(cues[0].outlet, "Reuters");
        assert_eq!(cues[0].describe(), "its dateline \"(Reuters)\"");
        assert_eq!(
            outlets(&["WASHINGTON (AP) — The president said."]),
            vec![(CueKind::Dateline, "AP".to_string())]
        );
    }

    #[test]
    fn parentheses_in_prose_are_not_a_dateline() {
        assert!(
            outlets(&["According to Incheon International Airport Corporation (IIAC) – more."])
                .is_empty()
        );
        assert!(outlets(&["Lee Jae-myung (C) and his wife Kim Hye-Kyung (L) arrive"]).is_empty());
    }

    #[test]
    fn footer_outranks_an_agency_sign_off() {
        let cues = outlets(&[
            "…security tensions in the Taiwan Strait. REUTERS",
            "Join ST’s Telegram channel and get the latest breaking news delivered to you.",
        ]);
        assert_eq!(
            cues,
            vec![
                (CueKind::Footer, "The Straits Times".to_string()),
                (CueKind::SignOff, "Reuters".to_string())
            ]
        );
    }

    #[test]
    fn a_cue_repeated_in_a_report_counts_once() {
        let cues = outlets(&["A sentence. REUTERS", "Another sentence. REUTERS"]);
        assert_eq!(cues, vec![(CueKind::SignOff, "Reuters".to_string())]);
    }

    #[test]
    fn capitals_inside_a_caption_are_not_a_sign_off() {
        assert!(
            outlets(&["Seoul, 06 June 2025. JEON HEON-KYUN/Pool via REUTERS/File Photo"])
                .is_empty()
        );
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(
            shorten("South Korean President Lee, Xi pledge", 24),
            "South Korean President…"
        );
        assert_eq!(shorten("Short", 24), "Short");
    }
}
