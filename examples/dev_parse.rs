// scratch: score my parsers on the dev_* files only (not committed)
use frontline::normalize::{DurationRange, Persona, durations, personas};
use serde::Deserialize;
#[derive(Deserialize)]
struct PC {
    text: String,
    personas: Vec<Persona>,
}
#[derive(Deserialize)]
struct DC {
    text: String,
    durations: Vec<DurationRange>,
}
fn main() {
    let dir = "/work/wt/devset/tests/data/devset/";
    let s = std::fs::read_to_string(format!("{dir}dev_personas.jsonl")).unwrap();
    let (mut n, mut ok) = (0, 0);
    for l in s.lines().filter(|l| !l.trim().is_empty()) {
        let c: PC = serde_json::from_str(l).unwrap();
        let mut g = c.personas.clone();
        g.sort();
        let mut o = personas::parse_personas(&c.text);
        o.sort();
        n += 1;
        if g == o {
            ok += 1
        } else {
            println!("P {:?}\n   gold {:?}\n   got  {:?}", c.text, g, o)
        }
    }
    println!("personas {ok}/{n}");
    let s = std::fs::read_to_string(format!("{dir}dev_durations.jsonl")).unwrap();
    let (mut n, mut ok) = (0, 0);
    for l in s.lines().filter(|l| !l.trim().is_empty()) {
        let c: DC = serde_json::from_str(l).unwrap();
        let key = |d: &DurationRange| {
            (
                d.low,
                d.high,
                d.segment.as_ref().map(|s| s.trim().to_lowercase()),
            )
        };
        let mut g: Vec<_> = c.durations.iter().map(key).collect();
        g.sort();
        let mut o: Vec<_> = durations::parse_durations(&c.text)
            .iter()
            .map(key)
            .collect();
        o.sort();
        n += 1;
        if g == o {
            ok += 1
        } else {
            println!("D {:?}\n   gold {:?}\n   got  {:?}", c.text, g, o)
        }
    }
    println!("durations {ok}/{n}");
}
