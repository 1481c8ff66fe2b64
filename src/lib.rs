//! 算力 Suanli: how much compute does this model need?
//!
//! [`estimate`] is the estimation core (pure Rust, no web dependencies). The web app lives in
//! `app` and is compiled only for wasm32; what it shows in words is plain Rust beside the core,
//! tested natively: [`cards`] (the headline cards), [`form`] (placeholders, hints, what shows
//! when), [`sliders`] (the sliders' scales and keys) and [`messages`] (sentences with figures).
#![forbid(unsafe_code)]
// The page's view type, rendered to HTML natively (the prerender step), is deeper than the
// default limit.
#![cfg_attr(feature = "prerender", recursion_limit = "256")]
#![warn(missing_docs)]

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod app;
pub mod cards;
pub mod chart_data;
pub mod charts;
pub mod estimate;
pub mod form;
pub mod human;
pub mod i18n;
pub mod lang;
pub mod launch;
pub mod library;
pub mod messages;
pub mod metrics;
pub mod sliders;
