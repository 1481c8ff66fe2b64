//! localStorage through gloo-storage: the language, the autosaved working scenario and the saved
//! scenarios (serde types, `crate::library`). Nothing here ever deletes what it cannot read:
//! corrupt entries are copied aside first, entries of a newer schema are left as they are.

use crate::i18n::Lang;
use crate::library::{self, ASIDE_PREFIX, Decoded, Entry, PREFIX, WORKING_KEY};
use gloo_storage::{LocalStorage, Storage};

/// The saved language choice's key (also read by the prerendered page's first script).
pub const LANG_KEY: &str = "suanli.lang";

/// What went wrong with storage, for the banner.
#[derive(Clone, Debug, PartialEq)]
pub enum Trouble {
    /// localStorage cannot be used (private mode, disabled).
    Unavailable,
    /// The browser refused a write (quota); names what was not saved.
    Full(String),
}

/// An entry that could not be read, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Its storage key.
    pub key: String,
    /// Written by a newer version (its schema), else corrupt.
    pub newer: Option<u32>,
    /// Why it could not be read.
    pub reason: String,
}

/// Whether localStorage can be used at all (gloo-storage panics-free check: reading it throws
/// where it is disabled).
fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
        .is_some()
}

/// A text value: JSON as gloo-storage writes it, or the bare text earlier builds wrote.
fn read_text(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::get::<String>(key)
        .ok()
        .or_else(|| LocalStorage::raw().get_item(key).ok().flatten())
}

/// The saved language choice, else the browser's.
pub fn language() -> Lang {
    let tag = read_text(LANG_KEY)
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()))
        .unwrap_or_default();
    Lang::from_tag(&tag)
}

/// Remembers the language choice.
pub fn save_language(l: Lang) {
    if available() {
        let _ = LocalStorage::set(LANG_KEY, l.tag());
    }
}

/// The autosaved working scenario, if any (used when the address bar has none).
pub fn working_scenario() -> Option<String> {
    read_text(WORKING_KEY)
}

/// Autosaves the working scenario, so a reload or a crash loses nothing. A refused write is an
/// error (for the banner).
pub fn autosave(query: &str) -> Result<(), Trouble> {
    if !available() {
        return Ok(());
    }
    LocalStorage::set(WORKING_KEY, query).map_err(|_| Trouble::Full(String::new()))
}

/// Every saved entry, newest first, and those that could not be read. Old entries are migrated
/// in place; corrupt ones are copied aside, then removed (never lost).
pub fn load() -> Result<(Vec<Entry>, Vec<Unreadable>), Trouble> {
    if !available() {
        return Err(Trouble::Unavailable);
    }
    let raw = LocalStorage::raw();
    let keys: Vec<String> = (0..raw.length().unwrap_or(0))
        .filter_map(|i| raw.key(i).ok().flatten())
        .collect();
    let mut entries = Vec::new();
    let mut unreadable = Vec::new();
    for key in keys {
        let value = raw.get_item(&key).ok().flatten().unwrap_or_default();
        if let Some(id) = key.strip_prefix(PREFIX) {
            match library::decode(id, &value) {
                Decoded::Current(e) => entries.push(e),
                Decoded::Migrated(e) => {
                    let _ = LocalStorage::set(&key, library::stored(&e));
                    entries.push(e);
                }
                Decoded::Newer { schema } => unreadable.push(Unreadable {
                    key,
                    newer: Some(schema),
                    reason: String::new(),
                }),
                Decoded::Corrupt { reason } => {
                    let aside = format!("{ASIDE_PREFIX}{id}");
                    // Removed only once the copy is written.
                    if raw.set_item(&aside, &value).is_ok() {
                        let _ = raw.remove_item(&key);
                    }
                    unreadable.push(Unreadable {
                        key: aside,
                        newer: None,
                        reason,
                    });
                }
            }
        } else if key.starts_with(ASIDE_PREFIX) {
            let reason = match library::decode("", &value) {
                Decoded::Corrupt { reason } => reason,
                _ => "kept aside".into(),
            };
            unreadable.push(Unreadable {
                key,
                newer: None,
                reason,
            });
        }
    }
    entries.sort_by(|a, b| {
        b.saved_ms
            .total_cmp(&a.saved_ms)
            .then_with(|| a.name.cmp(&b.name))
    });
    unreadable.sort_by(|a, b| a.key.cmp(&b.key));
    Ok((entries, unreadable))
}

/// Writes one entry; a refused write (quota) is an error naming the entry.
pub fn write(e: &Entry) -> Result<(), Trouble> {
    if !available() {
        return Err(Trouble::Unavailable);
    }
    LocalStorage::set(format!("{PREFIX}{}", e.id), library::stored(e))
        .map_err(|_| Trouble::Full(e.name.clone()))
}

/// Removes one entry.
pub fn remove(id: &str) {
    if available() {
        LocalStorage::delete(format!("{PREFIX}{id}"));
    }
}
