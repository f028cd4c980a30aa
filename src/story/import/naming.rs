//! Outlet names for imported reports, from the cues their text carries, made unique,
//! with a line per guess for the user to check.

use std::collections::HashSet;

use super::cues::{Cue, find_cues};
use super::draft::Draft;

/// Names every report from its cues (found before furniture is stripped, since a site's
/// footer is the best cue), makes the names unique, and says what was guessed; also
/// returns which reports had no cue.
pub(super) fn name_reports(drafts: &mut [Draft]) -> (Vec<String>, Vec<usize>) {
    let mut taken = HashSet::new();
    let mut guesses = Vec::with_capacity(drafts.len());
    let mut unnamed = Vec::new();
    for (index, draft) in drafts.iter_mut().enumerate() {
        let cues = find_cues(draft.body.iter().copied());
        let (wanted, mut guess) = match cues.first() {
            Some(best) => (best.outlet.clone(), describe_guess(&cues)),
            None => {
                let name = format!("Report {}", index + 1);
                unnamed.push(index);
                let guess = format!("no outlet cue, named \"{name}\"");
                (name, guess)
            }
        };
        let outlet = unique_name(&wanted, &taken);
        if outlet != wanted {
            guess.push_str(&format!(
                "; named \"{outlet}\" as an earlier report has that name"
            ));
        }
        taken.insert(outlet.to_lowercase());
        guesses.push(format!("{}: {guess}", draft.label(index)));
        draft.outlet = outlet;
    }
    (guesses, unnamed)
}

/// "outlet guessed as X from its footer … and its dateline …; it also credits Y (…)".
pub(super) fn describe_guess(cues: &[Cue]) -> String {
    let mut by_outlet: Vec<(&str, Vec<String>)> = Vec::new();
    for cue in cues {
        match by_outlet
            .iter_mut()
            .find(|(outlet, _)| *outlet == cue.outlet)
        {
            Some((_, evidence)) => evidence.push(cue.describe()),
            None => by_outlet.push((&cue.outlet, vec![cue.describe()])),
        }
    }
    let mut groups = by_outlet.into_iter();
    let mut guess = groups
        .next()
        .map_or_else(String::new, |(outlet, evidence)| {
            format!("outlet guessed as {outlet} from {}", evidence.join(" and "))
        });
    for (outlet, evidence) in groups {
        guess.push_str(&format!(
            "; it also credits {outlet} ({}), so it may be that outlet's copy: say so in its note",
            evidence.join(" and ")
        ));
    }
    guess
}

/// `wanted`, or `wanted (2)`, `wanted (3)`… when an earlier report has it (ignoring case).
fn unique_name(wanted: &str, taken: &HashSet<String>) -> String {
    std::iter::once(wanted.to_string())
        .chain((2..).map(|n| format!("{wanted} ({n})")))
        .find(|name| !taken.contains(&name.to_lowercase()))
        .unwrap_or_else(|| wanted.to_string())
}
