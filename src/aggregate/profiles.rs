//! Persona profiles: for each buyer (or influencer) persona that enough
//! reps name, what those same reps say about that side's pains and the
//! objections they hear, and where they sell. This links answers across
//! questions through the respondent, which only the aggregate stage can
//! do: the snapshot keeps the counts, never who said what.

use super::{NO_ANSWER, hidden_cells, segment_names};
use crate::ingest::Survey;
use crate::normalize::{Codebooks, CodedAnswer, CodedResponse, Function, Seniority};
use crate::questions::QuestionId;
use crate::snapshot::{Count, PersonaProfile, count};
use std::collections::{BTreeMap, BTreeSet};

/// Themes shown per list in a profile.
const TOP: usize = 5;

/// Profiles of every persona of `buyer_personas` and `influencers` named
/// by at least `min_cell` reps.
pub fn persona_profiles(
    survey: &Survey,
    coded: &[CodedResponse],
    codebooks: &Codebooks,
    min_cell: usize,
) -> Vec<PersonaProfile> {
    let mut out = vec![];
    for (q, pains_q) in [
        (QuestionId::BuyerPersonas, QuestionId::BuyerPains),
        (QuestionId::Influencers, QuestionId::InfluencerPains),
    ] {
        let answering: Vec<usize> = (0..coded.len())
            .filter(|&i| coded[i].answers.get(&q).is_some_and(has_items))
            .collect();
        let mut by_persona: BTreeMap<(Function, Seniority), Vec<usize>> = BTreeMap::new();
        for &i in &answering {
            let set: BTreeSet<(Function, Seniority)> = coded[i].answers[&q]
                .items
                .iter()
                .flat_map(|it| it.personas.iter().map(|p| (p.function, p.seniority)))
                .collect();
            for k in set {
                by_persona.entry(k).or_default().push(i);
            }
        }
        for ((function, seniority), reps) in by_persona {
            if reps.len() < min_cell {
                continue;
            }
            let (pains_answered, pains) = theme_counts(coded, &reps, pains_q, codebooks);
            let (objections_answered, objections) =
                theme_counts(coded, &reps, QuestionId::Objections, codebooks);
            out.push(PersonaProfile {
                question: q,
                function,
                seniority,
                respondents: reps.len(),
                share: crate::snapshot::round4(reps.len() as f64 / answering.len().max(1) as f64),
                pains_answered,
                pains,
                objections_answered,
                objections,
                segments: segment_mix(survey, &answering, &reps, min_cell),
            });
        }
    }
    out.sort_by(|a, b| {
        (a.question, b.respondents, a.function, a.seniority).cmp(&(
            b.question,
            a.respondents,
            b.function,
            b.seniority,
        ))
    });
    out
}

fn has_items(a: &CodedAnswer) -> bool {
    !a.items.is_empty()
}

/// Among `reps`, how many answered `q`, and the respondents per theme
/// (`other` left out), largest first, at most [`TOP`].
fn theme_counts(
    coded: &[CodedResponse],
    reps: &[usize],
    q: QuestionId,
    codebooks: &Codebooks,
) -> (usize, Vec<Count>) {
    let mut n = 0;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &r in reps {
        let Some(a) = coded[r].answers.get(&q).filter(|a| has_items(a)) else {
            continue;
        };
        n += 1;
        let ids: BTreeSet<&str> = a
            .items
            .iter()
            .flat_map(|i| i.themes.iter().map(|t| t.id.as_str()))
            .filter(|id| *id != "other")
            .collect();
        for id in ids {
            *counts.entry(id.to_string()).or_default() += 1;
        }
    }
    let book = q.codebook().and_then(|b| codebooks.get(b));
    let mut v: Vec<Count> = counts
        .into_iter()
        .map(|(id, c)| {
            let label = book.map_or(id.clone(), |b| b.label(&id).to_string());
            count(id, label, c, n)
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v.truncate(TOP);
    (n, v)
}

/// Where the persona's reps sell: their values of the segment with the
/// most values, for the values whose group of the question's answering
/// reps is shown in the segment tables (the same small-cell rule), so a
/// card reveals nothing the tables do not.
fn segment_mix(
    survey: &Survey,
    answering: &[usize],
    reps: &[usize],
    min_cell: usize,
) -> Vec<Count> {
    let values_of = |name: &str, who: &[usize]| -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for &r in who {
            let v = survey.responses[r].segments.get(name);
            *m.entry(v.map_or(NO_ANSWER, String::as_str).to_string())
                .or_default() += 1;
        }
        m
    };
    let names = segment_names(survey);
    let Some((name, _)) = names
        .iter()
        .rev()
        .max_by_key(|(n, _)| values_of(n, answering).len())
    else {
        return vec![];
    };
    let groups = values_of(name, answering);
    let sizes: Vec<(&str, usize)> = groups.iter().map(|(v, c)| (v.as_str(), *c)).collect();
    let hidden = hidden_cells(&sizes, min_cell);
    let mut v: Vec<Count> = values_of(name, reps)
        .into_iter()
        .filter(|(k, _)| !hidden.contains(k) && k != NO_ANSWER)
        .map(|(k, c)| count(k.clone(), k, c, reps.len()))
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v
}
