//! The progress bar of `report` and `normalize`: drawn on stderr with
//! indicatif, only when stderr is a terminal, not with `--quiet`, and only
//! once a run has taken about a second (a small survey never shows one).

use frontline::progress::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long a run goes before its bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A bar that stays hidden until [`DELAY`] has passed.
pub struct Bar {
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
    enabled: bool,
}

impl Bar {
    /// The bar for this run: enabled on a terminal without `--quiet`.
    pub fn new(quiet: bool) -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        Bar {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
            enabled: !quiet && std::io::stderr().is_terminal(),
        }
    }

    fn show_when_due(&self) {
        if self.enabled
            && !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= DELAY
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
    }
}

impl Progress for Bar {
    fn stage(&self, name: &str, total: u64) {
        let style = if total > 0 {
            ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} responses, {eta} left")
        } else {
            ProgressStyle::with_template("{msg:>12} {spinner} {elapsed}")
        };
        if let Ok(style) = style {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_length(total);
        self.bar.set_position(0);
        self.bar.set_message(name.to_string());
        self.show_when_due();
    }

    fn advance(&self, n: u64) {
        self.bar.inc(n);
        self.show_when_due();
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Bar {
    /// An error or an early return must not leave a half-drawn bar.
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
