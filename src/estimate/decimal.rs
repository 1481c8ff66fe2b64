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
//! Outside that range an estimate from floating-point powers of ten is corrected by comparing the
//! input exactly (in big integers) with the midpoints between neighbouring floats. Digits after
//! the 19th are dropped: only such inputs may be one unit in the last place off, and no
//! formatted `f64` needs more than 17 digits, so every `f64` written out reads back exactly. `tests/decimal.rs` compares this parser with the standard one on
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
    // Beyond the powers of five that fit: every m · 10^e from 1 to 10^19 digits with e >= 309 is
    // past f64::MAX, and with e < -343 below half the smallest subnormal.
    if e >= 309 {
        return f64::INFINITY;
    }
    if e < -343 {
        return 0.0;
    }
    // In two halves, so that no power of ten overflows or underflows on the way.
    let estimate = m as f64 * 10f64.powi(e / 2) * 10f64.powi(e - e / 2);
    nearest(m, e, estimate)
}

/// The `f64` nearest to m · 10^e (ties to even), found from an estimate a few units off by
/// comparing m · 10^e exactly with the midpoints between neighbouring floats.
fn nearest(m: u64, e: i32, mut x: f64) -> f64 {
    use std::cmp::Ordering::{Equal, Greater, Less};
    for _ in 0..64 {
        if x.is_infinite() {
            return match compare(m, e, upper_mid(f64::MAX)) {
                Less => f64::MAX,
                _ => f64::INFINITY,
            };
        }
        let odd = x.to_bits() & 1 == 1;
        match compare(m, e, upper_mid(x)) {
            Greater => {
                x = x.next_up();
                continue;
            }
            Equal => return if odd { x.next_up() } else { x },
            Less if x == 0.0 => return 0.0,
            Less => {}
        }
        let below = x.next_down();
        match compare(m, e, upper_mid(below)) {
            Less => x = below,
            Equal => return if odd { below } else { x },
            Greater => return x,
        }
    }
    x
}

/// The midpoint between a non-negative finite `x` and the next float up, as (odd integer,
/// power of two): x = M · 2^E, the midpoint (2M + 1) · 2^(E - 1).
fn upper_mid(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let (biased, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (mantissa, exp) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    (2 * mantissa + 1, exp - 1)
}

/// Compares m · 10^e with h · 2^b exactly, in big integers: m · 5^e · 2^e against h · 2^b, or,
/// for e = -k, m against h · 5^k · 2^(b + k).
fn compare(m: u64, e: i32, (h, b): (u64, i32)) -> std::cmp::Ordering {
    let (mut left, mut right) = (Big::from(m), Big::from(h));
    let (left_twos, right_twos) = if e >= 0 {
        left.mul_pow5(e as u32);
        (e, b)
    } else {
        right.mul_pow5(e.unsigned_abs());
        (0, b - e)
    };
    if left_twos > right_twos {
        left.shl((left_twos - right_twos) as u32);
    } else {
        right.shl((right_twos - left_twos) as u32);
    }
    left.cmp(&right)
}

/// An unsigned integer of any size: 32-bit limbs, least significant first.
struct Big(Vec<u32>);

impl Big {
    fn from(x: u64) -> Big {
        Big(vec![x as u32, (x >> 32) as u32])
    }

    fn mul(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut k: u32) {
        while k >= 13 {
            self.mul(1_220_703_125); // 5^13, the largest power of five below 2^32
            k -= 13;
        }
        self.mul(5u32.pow(k));
    }

    fn shl(&mut self, bits: u32) {
        let bits_in_limb = bits % 32;
        if bits_in_limb > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << bits_in_limb) | carry;
                carry = *limb >> (32 - bits_in_limb);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        let limbs = (bits / 32) as usize;
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        let len = |b: &Big| b.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        let (a, b) = (len(self), len(other));
        a.cmp(&b)
            .then_with(|| self.0[..a].iter().rev().cmp(other.0[..b].iter().rev()))
    }
}
