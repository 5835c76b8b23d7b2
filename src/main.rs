//! The `frontline` binary: parse arguments, call the library, print the
//! whole cause chain of an error and map it to an exit code.
//!
//! Exit codes: 0 done; 1 an input, config or template problem (the message
//! says which file and what to do); 2 wrong arguments; 3 `--strict` and
//! there were warnings; 4 an output file could not be written.

use clap::Parser;
use std::io::Write;

mod cli;

// Coding and aggregating make many small, short-lived Strings and Vecs;
// glibc's malloc and free were about 15% of a 40-row report's CPU time
// (docs/performance.md, "Small runs"). Output does not depend on it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = cli::Cli::parse();
    let code = match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            let message = e.to_string();
            // A closed or full stderr must not turn the error into a panic.
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: {message}");
            // Many messages already quote their cause; print the rest of
            // the chain only where it adds something.
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                let cause = s.to_string();
                if !message.contains(&cause) {
                    let _ = writeln!(err, "  caused by: {cause}");
                }
                src = s.source();
            }
            e.exit_code()
        }
    };
    std::process::exit(code);
}
