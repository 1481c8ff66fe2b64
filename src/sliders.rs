//! The form's sliders, as plain Rust: how a 0..=1000 track maps onto a field's values, the round
//! values a drag lands on, the steps of the keyboard (arrows to the next round value, Page Up and
//! Page Down by about a tenth), and the words a screen reader speaks for a position.

use crate::estimate::query::FieldId;
use crate::human;
use crate::i18n::{self, Lang};
use crate::messages as msg;

/// How a slider maps its 0..=1000 track onto values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slider {
    /// Logarithmic from `min` to `max`.
    Log(f64, f64),
    /// Linear from `min` to `max`.
    Linear(f64, f64),
}

/// Positions on a track.
pub const TRACK: f64 = 1000.0;

/// The slider of a field, if it has one.
pub fn slider_for(field: FieldId) -> Option<Slider> {
    Some(match field {
        FieldId::Params => Slider::Log(1e8, 2e12),
        FieldId::Tokens => Slider::Log(1e9, 1e14),
        FieldId::DatasetTb => Slider::Log(0.01, 1000.0),
        FieldId::Gpus => Slider::Log(1.0, 100_000.0),
        FieldId::Mfu => Slider::Linear(0.1, 0.7),
        FieldId::DeadlineDays => Slider::Linear(1.0, 365.0),
        FieldId::Seq => Slider::Log(512.0, 131_072.0),
        FieldId::Users => Slider::Log(1.0, 10_000_000.0),
        _ => return None,
    })
}

/// A key that moves a slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Arrow up or right: the next round value up.
    Up,
    /// Arrow down or left: the next round value down.
    Down,
    /// Page Up: about a tenth more.
    PageUp,
    /// Page Down: about a tenth less.
    PageDown,
    /// Home: the track's start.
    Home,
    /// End: the track's end.
    End,
}

impl Key {
    /// The key of a `KeyboardEvent.key`, if it moves a slider.
    pub fn of(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowUp" | "ArrowRight" => Key::Up,
            "ArrowDown" | "ArrowLeft" => Key::Down,
            "PageUp" => Key::PageUp,
            "PageDown" => Key::PageDown,
            "Home" => Key::Home,
            "End" => Key::End,
            _ => return None,
        })
    }
}

impl Slider {
    fn bounds(self) -> (f64, f64) {
        match self {
            Slider::Log(a, b) | Slider::Linear(a, b) => (a, b),
        }
    }

    /// The track position of a value.
    pub fn position(self, x: f64) -> f64 {
        let t = match self {
            Slider::Log(a, b) => (x.max(a).ln() - a.ln()) / (b.ln() - a.ln()),
            Slider::Linear(a, b) => (x - a) / (b - a),
        };
        (t.clamp(0.0, 1.0) * TRACK).round()
    }

    /// The value at a track position, rounded so it reads well and prints short.
    pub fn value(self, name: FieldId, pos: f64, integer: bool) -> f64 {
        let t = pos / TRACK;
        let x = match self {
            Slider::Log(a, b) => (a.ln() + t * (b.ln() - a.ln())).exp(),
            Slider::Linear(a, b) => a + t * (b - a),
        };
        round(name, x, integer)
    }

    /// The value a key moves `x` to: arrows to the next round value (a day, a percentage point,
    /// a node of devices, two significant digits), pages by about a tenth, Home and End to the
    /// track's ends. Always within the track and always a change where the track allows one.
    pub fn step(self, name: FieldId, x: f64, key: Key, integer: bool) -> f64 {
        let (lo, hi) = self.bounds();
        let next = match key {
            Key::Home => lo,
            Key::End => hi,
            Key::PageUp => round(name, x * 1.1, integer).max(next_up(name, x, integer)),
            Key::PageDown => round(name, x / 1.1, integer).min(next_down(name, x, integer)),
            Key::Up => next_up(name, x, integer),
            Key::Down => next_down(name, x, integer),
        };
        round(name, next.clamp(lo, hi), integer)
    }
}

/// The grain of round values near `x`: whole days and percentage points on the linear tracks, a
/// node of eight devices past eight, powers of two for sequence lengths, else the second
/// significant digit.
fn grain(name: FieldId, x: f64) -> f64 {
    match name {
        FieldId::DeadlineDays => 1.0,
        FieldId::Mfu => 0.01,
        FieldId::Gpus if x >= 8.0 => 8.0,
        FieldId::Gpus => 1.0,
        _ => 10f64.powi(x.abs().max(f64::MIN_POSITIVE).log10().floor() as i32 - 1),
    }
}

fn next_up(name: FieldId, x: f64, integer: bool) -> f64 {
    if name == FieldId::Seq {
        return 2f64.powi(x.log2().floor() as i32 + 1);
    }
    let g = grain(name, x);
    round(name, ((x / g + 1e-9).floor() + 1.0) * g, integer)
}

fn next_down(name: FieldId, x: f64, integer: bool) -> f64 {
    if name == FieldId::Seq {
        return 2f64.powi(x.log2().ceil() as i32 - 1);
    }
    // Below a power of ten the grain is ten times finer (100 steps down to 99, not 90).
    let g = grain(name, x * (1.0 - 1e-9));
    round(name, ((x / g - 1e-9).ceil() - 1.0) * g, integer)
}

/// Rounds a slider's value so it reads well and prints short: MFU to whole percent, devices to
/// whole ones (multiples of 8, a node, past 8), days to whole ones, anything else to three
/// significant digits (through decimal text, so 0.479 is 0.479 and not 0.47900000000000004).
pub fn round(name: FieldId, x: f64, integer: bool) -> f64 {
    match name {
        FieldId::Mfu => format!("{x:.2}").parse().unwrap_or(x),
        FieldId::Gpus if x > 8.0 => (x / 8.0).round() * 8.0,
        FieldId::DeadlineDays => x.round().max(1.0),
        // Context lengths are powers of two (4096, 8192, 131072), as models publish them.
        FieldId::Seq => 2f64.powi(x.max(1.0).log2().round() as i32),
        _ => {
            let x = format!("{x:.2e}").parse().unwrap_or(x);
            if integer { x.round().max(1.0) } else { x }
        }
    }
}

/// What a screen reader says for a slider's value: the figure as the page shows it, with its
/// unit ("2,048 GPUs", "70.6B parameters", "40%", "90 days").
pub fn spoken(name: FieldId, x: f64, unit: &'static str, lang: Lang) -> String {
    let figure = match name {
        FieldId::Mfu => return human::percent(x),
        FieldId::Gpus => return msg::gpus(lang, &human::devices(x, lang)),
        FieldId::DeadlineDays | FieldId::Seq | FieldId::DatasetTb => human::sig3(x),
        _ => human::count(x, lang),
    };
    let unit = match name {
        FieldId::Params => lang.ui().config_params,
        _ => i18n::unit(unit, lang),
    };
    if unit.is_empty() {
        figure
    } else {
        format!("{figure} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(name: FieldId, from: f64, key: Key, presses: usize) -> f64 {
        let s = slider_for(name).unwrap();
        (0..presses).fold(from, |x, _| s.step(name, x, key, name == FieldId::Gpus))
    }

    /// The complaint: about 80 presses from 90 to 60 days. Arrows now move a day, and
    /// Page Down a tenth (÷1.1, the inverse of Page Up): five presses, 90 82 75 68 62 56.
    #[test]
    fn the_deadline_steps_by_days_and_tenths() {
        assert_eq!(walk(FieldId::DeadlineDays, 90.0, Key::Down, 1), 89.0);
        assert_eq!(walk(FieldId::DeadlineDays, 90.0, Key::PageDown, 4), 62.0);
        assert_eq!(walk(FieldId::DeadlineDays, 90.0, Key::PageUp, 1), 99.0);
    }

    /// Devices step by a node of eight, and a page is about a tenth, on a multiple of eight.
    #[test]
    fn devices_step_by_nodes() {
        assert_eq!(walk(FieldId::Gpus, 2048.0, Key::Up, 1), 2056.0);
        assert_eq!(walk(FieldId::Gpus, 2048.0, Key::Down, 1), 2040.0);
        let paged = walk(FieldId::Gpus, 2048.0, Key::PageUp, 1);
        assert_eq!(paged, 2256.0);
        assert_eq!(walk(FieldId::Gpus, 3.0, Key::Up, 1), 4.0);
        assert_eq!(
            walk(FieldId::Gpus, 100_000.0, Key::Up, 1),
            100_000.0,
            "the track's end holds"
        );
    }

    /// Counts step on their second significant digit, and land on round values.
    #[test]
    fn counts_land_on_round_values() {
        assert_eq!(walk(FieldId::Tokens, 15e12, Key::Up, 1), 16e12);
        assert_eq!(walk(FieldId::Tokens, 15e12, Key::Down, 1), 14e12);
        assert_eq!(walk(FieldId::Params, 1e11, Key::Down, 1), 9.9e10);
        assert_eq!(walk(FieldId::Params, 70.55e9, Key::Up, 1), 71e9);
        assert_eq!(walk(FieldId::Seq, 8192.0, Key::Up, 1), 16384.0);
        assert_eq!(walk(FieldId::Seq, 8192.0, Key::Down, 1), 4096.0);
        assert_eq!(walk(FieldId::Mfu, 0.4, Key::PageUp, 1), 0.44);
    }

    /// Every key press changes the value or sits at the track's end.
    #[test]
    fn every_press_moves_or_holds_at_the_end() {
        for name in [
            FieldId::Params,
            FieldId::Tokens,
            FieldId::DatasetTb,
            FieldId::Gpus,
            FieldId::Mfu,
            FieldId::DeadlineDays,
            FieldId::Seq,
            FieldId::Users,
        ] {
            let s = slider_for(name).unwrap();
            let (lo, hi) = s.bounds();
            for pos in (0..=1000).step_by(37) {
                let x = s.value(name, f64::from(pos), name == FieldId::Gpus);
                for key in [Key::Up, Key::PageUp] {
                    let y = s.step(name, x, key, name == FieldId::Gpus);
                    assert!(
                        y > x || y >= round(name, hi, name == FieldId::Gpus),
                        "{name:?} {x} {key:?} {y}"
                    );
                }
                for key in [Key::Down, Key::PageDown] {
                    let y = s.step(name, x, key, name == FieldId::Gpus);
                    assert!(
                        y < x || y <= round(name, lo, name == FieldId::Gpus),
                        "{name:?} {x} {key:?} {y}"
                    );
                }
            }
        }
    }

    #[test]
    fn sliders_speak_in_display_units() {
        assert_eq!(
            spoken(FieldId::Gpus, 2048.0, "devices", Lang::En),
            "2,048 GPUs"
        );
        assert_eq!(spoken(FieldId::Mfu, 0.4, "fraction", Lang::En), "40%");
        assert_eq!(
            spoken(FieldId::DeadlineDays, 90.0, "days", Lang::Zh),
            "90 天"
        );
        assert_eq!(
            spoken(FieldId::Params, 70.6e9, "", Lang::En),
            "70.6B parameters"
        );
    }
}
