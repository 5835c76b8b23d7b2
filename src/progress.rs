//! Progress of a long run, as the library reports it: stages and counts
//! through a trait the caller implements (the CLI draws a bar on a
//! terminal), so that the library itself never touches the terminal.

/// Receives the progress of a run. Every method has a do-nothing default.
pub trait Progress: Sync {
    /// A stage begins; `total` is its count of steps (0: unknown).
    fn stage(&self, _name: &str, _total: u64) {}
    /// `n` more steps of the current stage are done.
    fn advance(&self, _n: u64) {}
    /// The run is over (the last stage is done).
    fn finish(&self) {}
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Log(Mutex<Vec<String>>);

    impl Progress for Log {
        fn stage(&self, name: &str, total: u64) {
            self.0.lock().unwrap().push(format!("{name}/{total}"));
        }
        fn advance(&self, n: u64) {
            self.0.lock().unwrap().push(format!("+{n}"));
        }
    }

    #[test]
    fn the_pipeline_reports_each_stage_and_every_response() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.csv");
        let opts = crate::sample::Options {
            responses: 30,
            seed: 4,
            layout: crate::sample::Layout::GoogleForms,
        };
        std::fs::write(&path, crate::sample::to_string(&opts)).unwrap();
        let req = crate::pipeline::Request {
            exports: vec![path],
            ..Default::default()
        };
        let log = Log::default();
        crate::pipeline::analyze_with(&req, &log).unwrap();
        let log = log.0.into_inner().unwrap();
        let coded: u64 = log
            .iter()
            .filter_map(|l| l.strip_prefix('+'))
            .map(|n| n.parse::<u64>().unwrap())
            .sum();
        assert_eq!(log[0], "reading/0");
        assert!(log.contains(&"coding/30".to_string()), "{log:?}");
        assert!(log.iter().any(|l| l.starts_with("aggregating")), "{log:?}");
        assert!(coded >= 30, "{log:?}");
    }
}
