use frontline::normalize::{themes, Codebooks};
use frontline::questions::CodebookId;
use std::io::BufRead;
fn main() {
    let books = Codebooks::defaults();
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let (b, text) = line.split_once('|').unwrap();
        let id = CodebookId::ALL.into_iter().find(|c| c.as_str() == b.trim()).unwrap();
        let book = books.get(id).unwrap();
        let hits = themes::code(book, text.trim());
        let s: Vec<String> = hits.iter().map(|h| format!("{}({})", h.id, h.rule)).collect();
        println!("{:60} => {}", text.trim(), s.join(", "));
    }
}
