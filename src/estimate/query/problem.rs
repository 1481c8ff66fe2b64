//! What can be wrong with a field of a query, in words for people (English here; the page's
//! Chinese is `i18n::problem`), and a parsed scenario with its problems.

use crate::estimate::scenario::Scenario;
use serde::Serialize;
use std::fmt;

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Not a number.
    NotANumber,
    /// A number too large for a double (`1e400`).
    TooLarge,
    /// A fractional value where a whole number is required.
    NotAWholeNumber,
    /// Outside the allowed range.
    OutOfRange {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// Not one of the allowed words.
    NotOneOf {
        /// The allowed words.
        allowed: Vec<String>,
    },
    /// The field is not part of the scenario language (reported, not fatal).
    UnknownField,
    /// The field appears more than once; the last value is used.
    Duplicate,
    /// The link was written by a newer version of the app.
    NewerVersion {
        /// The newest version this build reads.
        supported: u32,
    },
    /// The field contradicts another one, which wins.
    Conflict {
        /// The field that wins.
        with: String,
    },
    /// The value must not exceed another field's value.
    AtMost {
        /// The other field.
        field: String,
        /// Its value.
        value: f64,
    },
    /// Only used together with another field.
    Unused {
        /// The field it needs.
        needs: String,
    },
}

/// One bad field of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldError {
    /// The field name as written in the query.
    pub field: String,
    /// The value as written.
    pub value: String,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = \"{}\": {}", self.field, self.value, self.problem)
    }
}

/// A long list of allowed values cut to its first eight, for a message a person reads.
pub fn short_list(allowed: &[String]) -> String {
    if allowed.len() > 8 {
        format!("{} …", allowed[..8].join(", "))
    } else {
        allowed.join(", ")
    }
}

/// The English text of a problem: the one source for the CLI, the page and the exports (the
/// page's other language is `i18n::problem`).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotANumber => write!(f, "not a number (write e.g. 7e9, 7B, 1.4T or 40%)"),
            Problem::TooLarge => write!(f, "too large"),
            Problem::NotAWholeNumber => write!(f, "must be a whole number"),
            Problem::OutOfRange { min, max } => write!(
                f,
                "allowed from {} to {}",
                crate::human::written(*min, crate::lang::Lang::En),
                crate::human::written(*max, crate::lang::Lang::En)
            ),
            Problem::NotOneOf { allowed } => write!(f, "allowed: {}", short_list(allowed)),
            Problem::UnknownField => write!(f, "unknown field, ignored"),
            Problem::Duplicate => write!(f, "given more than once; the last value is used"),
            Problem::NewerVersion { supported } => write!(
                f,
                "written by a newer version of Suanli (this one reads up to v{supported}); some fields may be ignored"
            ),
            Problem::Conflict { with } => write!(f, "conflicts with {with}, which is used instead"),
            Problem::AtMost { field, value } => write!(f, "must not exceed {field} ({value})"),
            Problem::Unused { needs } => write!(f, "only used together with {needs}; ignored"),
        }
    }
}

/// A parsed scenario with what was wrong in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The scenario: valid fields applied, bad ones left at their defaults.
    pub scenario: Scenario,
    /// Fields whose values were rejected.
    pub errors: Vec<FieldError>,
    /// Fields that were accepted with a caveat or ignored (unknown, duplicate, newer version).
    pub warnings: Vec<FieldError>,
}
