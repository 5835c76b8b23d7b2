//! The report pipeline end to end, as one library call.
