//! The scenario language: a flat query string such as
//! `?v=1&model=llama-3-70b&tokens=15T&gpu=h100-sxm&gpus=2048&mfu=40%`.
//!
//! Share links, saved scenarios and the CLI all speak it. Parsing is total: every input yields a
//! scenario (bad fields keep their defaults) plus a list of errors that name the field, the value
//! and what is allowed. [`format`] writes the canonical form, and `parse(format(s)) == s`.
//!
//! Numbers accept `175e9`, `175B`, `1.4T`, `300M`, `7k`, `40%` (where a fraction is expected) and
//! the Chinese `万` (1e4) and `亿` (1e8).

/// Text only the command line and docs/scenario-language.md show (`suanli --fields`). The web build, where
/// nothing reads it, carries an empty string instead.
macro_rules! cli_doc {
    ($text:literal) => {
        if cfg!(target_arch = "wasm32") {
            ""
        } else {
            $text
        }
    };
}

/// The version this build writes as `v=`.
pub const FORMAT_VERSION: u32 = 2;

/// The scale-out bandwidth every scenario had before version 2 took it from the catalog, Gb/s: a
/// version-1 link without `net_gbps` opens with it, as it did.
pub const V1_NET_GBPS: f64 = 400.0;

mod field_id;
mod format;
mod parse;
mod problem;
mod schema;

pub use field_id::*;
pub use format::*;
pub use parse::*;
pub use problem::*;
pub use schema::*;
