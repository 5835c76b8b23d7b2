//! The starter `frontline.toml` that `frontline init` writes: every
//! setting a company makes its own (competitors, segments, fiscal year,
//! team size, branding), commented, from `data/init.toml`. A test loads
//! the result with the config parser, so the starter file is always valid.

use crate::question_bank::{Team, bank};

const TEMPLATE: &str = include_str!("../data/init.toml");

/// The starter config for `company` (a placeholder name when none).
pub fn starter_config(company: Option<&str>) -> String {
    let company = company.map(str::trim).filter(|c| !c.is_empty());
    let name = company.unwrap_or("Your company");
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let segments: String = bank()
        .segments
        .iter()
        .map(|s| format!("# {} = {}\n", quote(s.wording(Team::Sales)), quote(&s.id)))
        .collect();
    TEMPLATE
        // The comment line must stay one line whatever the name holds.
        .replace("{{company_comment}}", &name.replace(['\n', '\r'], " "))
        .replace(
            "{{title}}",
            &quote(&format!("{name} sales survey: briefing for marketing")),
        )
        .replace("{{company}}", &quote(name))
        .replace("{{segments}}\n", &segments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_starter_config_loads_with_the_parser() {
        for company in [None, Some("Northwind Traders"), Some("Q\"uote\\ & \n Co")] {
            let text = starter_config(company);
            let cfg = Config::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            let name = company.unwrap_or("Your company");
            assert_eq!(cfg.report.company.as_deref(), Some(name));
            assert_eq!(
                cfg.title,
                format!("{name} sales survey: briefing for marketing")
            );
            assert_eq!(cfg.fiscal_year_start, 1);
            assert!(cfg.competitors.is_empty());
        }
    }

    #[test]
    fn uncommented_examples_load_too() {
        // A user's first edit is removing a `#`: each example must then
        // still be a valid setting.
        let text = starter_config(Some("Northwind"));
        let uncommented: String = text
            .lines()
            .map(|l| match l.trim_start().strip_prefix("# ") {
                Some(rest) if looks_like_a_setting(rest) => rest,
                _ => l,
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let cfg = Config::parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(cfg.report.accent.as_deref(), Some("#1f6feb"));
        assert_eq!(cfg.report.team_size, Some(30));
        assert_eq!(cfg.competitors, ["Fabrikam", "Tailspin Toys"]);
        assert_eq!(cfg.segments.len(), 6);
        assert_eq!(
            cfg.segments["Which business size do you mostly sell to?"],
            "company_size"
        );
    }

    /// `key = ...`, `"header" = ...` or a quoted list item.
    fn looks_like_a_setting(line: &str) -> bool {
        let key = line.split_once(" = ").map(|(k, _)| k);
        key.is_some_and(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            || line.starts_with('"') && (line.ends_with('"') || line.ends_with("\","))
    }
}
