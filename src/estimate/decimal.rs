//! Decimal text to `f64`, correctly rounded, in a few hundred bytes of code.
//!
//! The standard library's parser is exact for every input, at the price of a 10 KB table of
//! powers of five (the Eisel-Lemire algorithm): about 7 % of the page's download. The numbers
//! people type and share have at most 19 significant digits and exponents from -30 to 27, where
//! exact integer arithmetic gives the correctly rounded result directly:
//!
//! - `m · 10^e = (m · 5^e) · 2^e`: the product is an exact `u128`, rounded once by the cast to
//!   `f64`, then scaled by a power of two (exact).
//! - `m / 10^k = (m · 2^s / 5^k) · 2^-(s+k)`: the quotient has at least 63 bits; a non-zero
//!   remainder sets its lowest bit, below the 53 kept and the rounding bit, so the cast rounds
//!   as the exact quotient would.
//!
//! Digits after the 19th are dropped, and exponents outside that range use floating-point powers
//! of ten: there, and only there, the result may be one unit in the last place off. No
//! formatted `f64` needs more than 17 digits, so every `f64` from 1e-13 up to 1e27 written out
//! reads back exactly. `tests/decimal.rs` compares this parser with the standard one on
//! hundreds of thousands of inputs.

/// Parses plain decimal notation: an optional sign, digits with an optional point, an optional
/// exponent (`-12.5`, `.5`, `5.`, `3e-7`, `+1E+3`). `None` for anything else.
pub fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut mantissa, mut exp, mut digits, mut kept) = (0u64, 0i32, 0, 0);
    let mut point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if kept < 19 {
                    // Leading zeros are not significant digits.
                    if mantissa != 0 || c != b'0' {
                        kept += 1;
                    }
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    exp -= i32::from(point);
                } else {
                    exp += i32::from(!point);
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(&c) = b.get(i) {
        if c | 0x20 != b'e' {
            return None;
        }
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e: i32 = 0;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturate: 10^±100000 is already zero or infinite.
            e = (e * 10 + i32::from(c - b'0')).min(100_000);
            i += 1;
        }
        if i == start || i != b.len() {
            return None;
        }
        exp += sign * e;
    }
    let x = scaled(mantissa, exp);
    Some(if negative { -x } else { x })
}

/// 2^e as an `f64`, for e within the normal range.
fn pow2(e: i32) -> f64 {
    f64::from_bits(((1023 + e) as u64) << 52)
}

/// `m · 10^e`, correctly rounded for `-30 <= e <= 27` (and beyond 27 while `m · 5^e` fits in
/// 128 bits, as for `1e33`).
fn scaled(m: u64, e: i32) -> f64 {
    if m == 0 {
        return 0.0;
    }
    if (0..=55).contains(&e)
        && let Some(p) = (m as u128).checked_mul(5u128.pow(e as u32))
    {
        return p as f64 * pow2(e);
    }
    if (-30..0).contains(&e) {
        let k = -e;
        let five = 5u128.pow(k as u32);
        // Shift the mantissa to bit 126: with 5^k < 2^70 the quotient keeps over 55 bits.
        let s = (m as u128).leading_zeros() as i32 - 1;
        let n = (m as u128) << s;
        let q = (n / five) | u128::from(!n.is_multiple_of(five));
        return q as f64 * pow2(-(s + k));
    }
    if e > 0 {
        m as f64 * 10f64.powi(e)
    } else {
        m as f64 / 10f64.powi(-e)
    }
}
