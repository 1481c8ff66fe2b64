//! Numbers for people: three significant digits, SI prefixes in English and 万/亿 in Chinese.
//! Never prints NaN or infinity: a non-finite value shows as "—".

use crate::lang::Lang;

/// Three significant digits, trailing zeros dropped (`1.50` -> `1.5`).
pub fn sig3(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let a = x.abs();
    let decimals = if a >= 100.0 || a == 0.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Scientific notation with three significant digits: `3.14e23`.
pub fn sci(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    if x == 0.0 {
        return "0".into();
    }
    let e = x.abs().log10().floor() as i32;
    let m = x / 10f64.powi(e);
    // Rounding can carry (9.996 -> 10.0).
    let (m, e) = if (m.abs() * 100.0).round() >= 1000.0 {
        (m / 10.0, e + 1)
    } else {
        (m, e)
    };
    format!("{}e{e}", sig3(m))
}

/// The magnitude words of a language, largest first: the ones the scenario language reads back
/// (`k`, `M`, `B`, `T`; 万, 亿, 万亿), for the cards, the inputs and the charts' axes alike.
pub fn words(lang: Lang) -> &'static [(f64, &'static str)] {
    match lang {
        Lang::En => &[(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")],
        Lang::Zh => &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万")],
    }
}

/// `x` over the largest word it reaches once shown to three digits (so 999,950 reads "1M" and
/// not "1000k"), with that word.
fn scaled(x: f64, words: &[(f64, &'static str)]) -> Option<String> {
    words
        .iter()
        .find(|&&(scale, _)| (x.abs() / scale * 1000.0).round() >= 1000.0)
        .map(|&(scale, word)| format!("{}{word}", sig3(x / scale)))
}

/// A count with a magnitude word: `1.23k`, `45.6M`, `7.89B`, `1.2T` (English); `1.23万`,
/// `4.56亿`, `1.2万亿` (Chinese). Beyond the words, scientific notation.
pub fn count(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let a = x.abs();
    if a >= 1e15 {
        return sci(x);
    }
    scaled(x, words(lang)).unwrap_or_else(|| if a < 0.01 && a > 0.0 { sci(x) } else { sig3(x) })
}

/// Bytes with SI units (1 GB = 1e9 bytes, as datasheets count).
pub fn bytes(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    for (scale, unit) in [
        (1e15, "PB"),
        (1e12, "TB"),
        (1e9, "GB"),
        (1e6, "MB"),
        (1e3, "KB"),
    ] {
        if (x.abs() / scale * 1000.0).round() >= 1000.0 {
            return format!("{} {unit}", sig3(x / scale));
        }
    }
    format!("{} B", sig3(x))
}

/// A number as people write a large one in prose, for ranges in messages: `1M`, `10
/// quadrillion`, `0.001` in English; `100万`, `1亿亿` in Chinese. Exact at these round values,
/// three significant digits otherwise.
pub fn written(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    // Past the scenario language's words, the word people write.
    let beyond: &[(f64, &str)] = match lang {
        Lang::En => &[(1e15, " quadrillion")],
        Lang::Zh => &[(1e16, "亿亿")],
    };
    scaled(x, beyond)
        .or_else(|| scaled(x, words(lang)))
        .unwrap_or_else(|| sig3(x))
}

/// A value as its input box shows it: whole counts in plain digits (`4680`, `10592`, never
/// `4.68k` beside `10592`), other numbers to four significant digits with the magnitude words
/// of the language, which the scenario language reads back (`70.55B`, `15T`; `705.5亿`,
/// `15万亿`).
pub fn input(x: f64, whole: bool, lang: Lang) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if whole {
        return format!("{}", x.round());
    }
    for &(scale, word) in words(lang) {
        if x.abs() >= scale {
            return format!("{}{word}", four_digits(x / scale));
        }
    }
    four_digits(x)
}

/// Up to four significant digits, trailing zeros dropped, no exponent for everyday values.
fn four_digits(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let digits = (3 - x.abs().log10().floor() as i32).clamp(0, 12) as usize;
    let t = format!("{x:.digits$}");
    if t.contains('.') {
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        t
    }
}

/// A whole count of devices: exact with separators below 100,000, else with a magnitude word.
pub fn devices(x: f64, lang: Lang) -> String {
    if x.is_finite() && x.abs() < 1e5 {
        exact(x.round())
    } else {
        count(x, lang)
    }
}

/// Money with a currency symbol: `$6.67M`, `¥4.73亿`.
pub fn money(x: f64, cny: bool, lang: Lang) -> String {
    format!("{}{}", if cny { "¥" } else { "$" }, count(x, lang))
}

/// A fraction as a percentage: `0.4` -> `40%`.
pub fn percent(x: f64) -> String {
    format!("{}%", sig3(x * 100.0))
}

/// A change as a signed whole percentage with a true minus sign: `-0.56` -> `−56 %`, `0.3` ->
/// `+30 %`.
pub fn signed_percent(x: f64) -> String {
    let whole = (x * 100.0).round();
    let sign = match whole {
        w if w > 0.0 => "+",
        w if w < 0.0 => "−",
        _ => "±",
    };
    format!("{sign}{} %", whole.abs())
}

/// The exact value for a tooltip: every digit of the shortest form that reads back to `x`,
/// thousands separated in the integer part (`38,000,000,000,000,000,000,000,000`, `0.0000123`).
pub fn exact(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let s = format!("{}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::from(if x < 0.0 { "-" } else { "" });
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The issue's example: "allowed from 1000000 to 10000000000000000" reads "1M to 10
    /// quadrillion", and "100万 to 1亿亿" in Chinese.
    #[test]
    fn ranges_are_written_as_people_write_them() {
        assert_eq!(written(1e6, Lang::En), "1M");
        assert_eq!(written(1e16, Lang::En), "10 quadrillion");
        assert_eq!(written(1e6, Lang::Zh), "100万");
        assert_eq!(written(1e16, Lang::Zh), "1亿亿");
        assert_eq!(written(0.5, Lang::En), "0.5");
        assert_eq!(written(10_000_000.0, Lang::Zh), "1000万");
    }

    /// Inputs show short values the parser reads back, the same way at every magnitude.
    #[test]
    fn inputs_show_values_people_read() {
        assert_eq!(input(16.6e9, false, Lang::En), "16.6B");
        assert_eq!(input(2.14e12, false, Lang::En), "2.14T");
        assert_eq!(input(4.22e9, false, Lang::En), "4.22B");
        assert_eq!(input(70_553_706_496.0, false, Lang::En), "70.55B");
        assert_eq!(input(70_553_706_496.0, false, Lang::Zh), "705.5亿");
        assert_eq!(input(15e12, false, Lang::Zh), "15万亿");
        assert_eq!(input(4680.0, true, Lang::En), "4680");
        assert_eq!(input(10592.0, true, Lang::En), "10592");
        assert_eq!(input(0.4, false, Lang::En), "0.4");
        assert_eq!(input(2.5, false, Lang::En), "2.5");
        for (x, lang) in [(16.6e9, Lang::En), (70.5e9, Lang::Zh), (3.5e4, Lang::Zh)] {
            let back = crate::estimate::query::parse_number(&input(x, false, lang), false);
            assert_eq!(back, Ok(x), "{x}");
        }
    }

    #[test]
    fn signed_percentages_read_as_people_write_them() {
        assert_eq!(signed_percent(-0.5567), "−56 %");
        assert_eq!(signed_percent(0.3), "+30 %");
        assert_eq!(signed_percent(0.001), "±0 %");
    }

    #[test]
    fn three_significant_digits() {
        assert_eq!(sig3(4.56789), "4.57");
        assert_eq!(sig3(67.83), "67.8");
        assert_eq!(sig3(439_675.2), "439675");
        assert_eq!(sig3(1.5), "1.5");
        assert_eq!(sig3(f64::NAN), "—");
        assert_eq!(sci(3.1424e23), "3.14e23");
        assert_eq!(sci(9.996e5), "1e6");
    }

    #[test]
    fn magnitude_words_in_both_languages() {
        assert_eq!(count(405_853_388_800.0, Lang::En), "406B");
        assert_eq!(count(405_853_388_800.0, Lang::Zh), "4059亿");
        assert_eq!(count(15.6e12, Lang::Zh), "15.6万亿");
        assert_eq!(count(12_352.0, Lang::En), "12.4k");
        assert_eq!(count(12_352.0, Lang::Zh), "1.24万");
        assert_eq!(count(999_950.0, Lang::En), "1M");
        assert_eq!(count(42.0, Lang::Zh), "42");
        assert_eq!(count(3.8e25, Lang::En), "3.8e25");
        assert_eq!(count(f64::INFINITY, Lang::En), "—");
    }

    #[test]
    fn bytes_money_exact() {
        assert_eq!(bytes(72.3e9), "72.3 GB");
        assert_eq!(bytes(524_288.0), "524 KB");
        assert_eq!(money(6.6658e7, false, Lang::En), "$66.7M");
        assert_eq!(money(4.73e8, true, Lang::Zh), "¥4.73亿");
        assert_eq!(exact(1_022_362.0), "1,022,362");
        assert_eq!(exact(3.8e25), "38,000,000,000,000,000,000,000,000");
        assert_eq!(exact(-1234.5), "-1,234.5");
        assert_eq!(exact(1.23e-5), "0.0000123");
        assert_eq!(percent(0.4), "40%");
        assert_eq!(input(70_553_706_496.0, false, Lang::En), "70.55B");
        assert_eq!(input(15.6e12, false, Lang::En), "15.6T");
        assert_eq!(devices(12_352.0, Lang::En), "12,352");
        assert_eq!(devices(250_000.0, Lang::Zh), "25万");
    }
}
