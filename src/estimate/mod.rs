//! The estimation core: a [`Scenario`] goes in, a [`Report`] comes out.
//!
//! Plain Rust with no web dependencies; every number traces to a formula in
//! `docs/model.md` and its source, named in the doc comment of the function that
//! computes it and in [`report::derivations`].
//!
//! ```
//! use suanli::estimate::{estimate, query};
//! let parsed = query::parse("model=gpt-3-175b&tokens=300B");
//! assert!(parsed.errors.is_empty());
//! let report = estimate(&parsed.scenario);
//! // Brown et al. 2020, Table D.1: 3.14e23 FLOPs.
//! assert!((report.training.training_flops / 3.14e23 - 1.0).abs() < 0.01);
//! ```

pub mod answer;
pub mod architecture;
pub mod calc;
pub mod calibration;
pub mod catalog;
pub mod comms;
pub mod cost;
pub mod efficiency;
mod figure;
pub mod hardware;
pub mod hf_config;
pub mod inference;
pub mod layout;
pub mod limits;
pub mod memory;
pub mod metric_id;
pub mod notice;
pub mod precision;
pub mod presets;
pub mod query;
pub mod reference;
pub mod report;
pub mod resolve;
pub mod scenario;
pub mod search;
pub mod solve;
pub mod step;
pub mod training;
pub mod validation;

pub use report::{Report, derivations, estimate, estimate_with, search_layouts, sweep_gpus};
pub use scenario::Scenario;
