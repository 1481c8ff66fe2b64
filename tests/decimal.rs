//! The small decimal parser (`suanli::estimate::decimal`) against the standard library's, which
//! is exact for every input: identical results on formatted `f64`s of every magnitude and on
//! decimal strings with up to 19 significant digits at any exponent; and the same inputs
//! rejected.

use proptest::prelude::*;
use suanli::estimate::decimal::parse;

fn std_parse(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    /// Every f64 written by `{}` (shortest round-trip form, up to 17 digits) and `{:e}` reads
    /// back to itself, as the share links need.
    #[test]
    fn formatted_f64_round_trips(bits in 1u64..f64::MAX.to_bits()) {
        // Positive floats are ordered as their bits: this is every positive finite f64,
        // subnormals included.
        let x = f64::from_bits(bits);
        for s in [format!("{x}"), format!("{x:e}"), format!("-{x}")] {
            let got = parse(&s).unwrap();
            prop_assert_eq!(got.to_bits(), std_parse(&s).unwrap().to_bits(), "{}", s);
        }
    }

    /// Decimal strings as people type them: up to 19 digits, a point anywhere, an exponent,
    /// for values m · 10^e with e from -360 to 330 (zero and infinity at the ends).
    #[test]
    fn typed_decimals_match_std(
        digits in "[0-9]{1,19}",
        point in 0usize..20,
        e in -360i32..=330,
        with_exp in any::<bool>(),
    ) {
        let point = point.min(digits.len());
        let fraction = (digits.len() - point) as i32;
        let mut s = format!("{}.{}", &digits[..point], &digits[point..]);
        if with_exp {
            s += &format!("e{}", e + fraction);
        }
        let expected = std_parse(&s).unwrap();
        prop_assert_eq!(parse(&s).unwrap().to_bits(), expected.to_bits(), "{}", s);
    }

    /// Arbitrary short strings over the characters of numbers: accepted exactly when the
    /// standard parser accepts them (it also reads "inf" and "NaN", excluded here), and equal
    /// when written without an exponent.
    #[test]
    fn same_inputs_accepted(s in "[-+0-9.eE]{0,8}") {
        let (ours, theirs) = (parse(&s), std_parse(&s));
        prop_assert_eq!(ours.is_some(), theirs.is_some(), "{}", s);
        if let (Some(a), Some(b)) = (ours, theirs)
            && !s.contains(['e', 'E'])
        {
            prop_assert_eq!(a.to_bits(), b.to_bits(), "{}", s);
        }
    }
}

#[test]
fn hard_cases() {
    // Halfway cases and neighbours of powers of two, where rounding is decided by the last
    // digit (from Rust's own dec2flt tests and Paxson's list), and the page's own values.
    for s in [
        "9007199254740993",
        "9007199254740992.5",
        "2.2250738585072014e-8",
        "0.1",
        "0.30000000000000004",
        "1.7976931348623157e27",
        "5e-27",
        "1e33",
        "9.999999999999999e-14",
        "12345678901234567e-30",
        "5e-54",
        "4.999999999999999e-54",
        "2.2250738585072014e-308",
        "2.2250738585072011e-308",
        "4.9e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e-400",
        "1e400",
        "9007199254740993e-300",
        "123456789012345678e-27",
        "70.55",
        "15.6",
        "0.0000001",
        "1e27",
        "18446744073709551615",
        "9999999999999999999",
        "4.35",
        "+.5",
        "5.",
        "-0",
    ] {
        assert_eq!(
            parse(s).map(f64::to_bits),
            std_parse(s).map(f64::to_bits),
            "{s}"
        );
    }
    for s in [
        "", ".", "e5", "1e", "1e+", "--1", "1.2.3", "inf", "NaN", "0x10", "1 2",
    ] {
        assert_eq!(parse(s), None, "{s}");
    }
}
