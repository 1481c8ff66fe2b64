//! A small arithmetic expression that is evaluated and printed from the same tree: a derivation
//! row built from one prints the operands it was computed from, so the printed product is the
//! product by construction.

use serde::Serialize;

/// An expression over numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Calc {
    /// A number as it is used.
    Num(f64),
    /// A product.
    Mul(Vec<Calc>),
    /// A quotient.
    Div(Box<Calc>, Box<Calc>),
    /// A sum.
    Add(Vec<Calc>),
    /// A square root.
    Sqrt(Box<Calc>),
    /// Rounded up to a whole number.
    Ceil(Box<Calc>),
    /// The larger of two values.
    Max(Box<Calc>, Box<Calc>),
}

/// A number.
pub fn num(x: f64) -> Calc {
    Calc::Num(x)
}

/// A product.
pub fn mul(factors: impl IntoIterator<Item = Calc>) -> Calc {
    Calc::Mul(factors.into_iter().collect())
}

/// A sum.
pub fn add(terms: impl IntoIterator<Item = Calc>) -> Calc {
    Calc::Add(terms.into_iter().collect())
}

/// A quotient.
pub fn div(a: Calc, b: Calc) -> Calc {
    Calc::Div(Box::new(a), Box::new(b))
}

/// A square root.
pub fn sqrt(a: Calc) -> Calc {
    Calc::Sqrt(Box::new(a))
}

/// The larger of two values.
pub fn max(a: Calc, b: Calc) -> Calc {
    Calc::Max(Box::new(a), Box::new(b))
}

/// Rounded up.
pub fn ceil(a: Calc) -> Calc {
    Calc::Ceil(Box::new(a))
}

/// A number a formula is written over once: `f64` on the fast path (the search's hot loop
/// evaluates it with no allocation) and [`Calc`] for a derivation row, which evaluates and prints
/// the same tree. A formula generic over it is the one copy both paths run.
pub trait Quantity: Sized {
    /// An operand.
    fn of(x: f64) -> Self;
    /// A product.
    fn product<const N: usize>(factors: [Self; N]) -> Self;
    /// A sum.
    fn sum<const N: usize>(terms: [Self; N]) -> Self;
    /// A sum whose terms that are zero are left out of the printed tree (a layer kind a model
    /// does not have, a state a layer does not keep); the number adds them, which changes
    /// nothing, so the fast path stays a plain sum with no branches.
    fn sum_nonzero<const N: usize>(terms: [Self; N]) -> Self;
    /// A quotient.
    fn quotient(a: Self, b: Self) -> Self;
    /// The larger of two values, both printed.
    fn larger(a: Self, b: Self) -> Self;
    /// The larger of two alternatives, only the one taken printed (the busiest of two stages).
    fn taken(a: Self, b: Self) -> Self;
    /// A square root (Chinchilla's optimum N = sqrt(C / 120)).
    fn square_root(a: Self) -> Self;
    /// Rounded up to a whole number (whole replicas a load needs).
    fn rounded_up(a: Self) -> Self;
}

/// `xs[0] op xs[1] op … op xs[N-1]`, left to right (`empty` for none), as straight-line code.
/// Indexed, not an iterator, and unrolled: the release profile optimises for size (opt-level
/// "z"), which keeps an iterator's or a `while` loop's loop on the search's hot path; with `N`
/// known where this is inlined, each `N > k` test folds away. Past eight terms the rest loop.
#[inline(always)]
fn fold_unrolled<const N: usize>(xs: [f64; N], empty: f64, op: impl Fn(f64, f64) -> f64) -> f64 {
    if N == 0 {
        return empty;
    }
    let mut x = xs[0];
    macro_rules! step {
        ($($k:literal)*) => {$(
            if N > $k {
                x = op(x, xs[$k]);
            }
        )*};
    }
    step!(1 2 3 4 5 6 7);
    let mut i = 8;
    while i < N {
        x = op(x, xs[i]);
        i += 1;
    }
    x
}

impl Quantity for f64 {
    #[inline(always)]
    fn of(x: f64) -> Self {
        x
    }
    #[inline(always)]
    fn product<const N: usize>(factors: [Self; N]) -> Self {
        fold_unrolled(factors, 1.0, |x, y| x * y)
    }
    #[inline(always)]
    fn sum<const N: usize>(terms: [Self; N]) -> Self {
        fold_unrolled(terms, 0.0, |x, y| x + y)
    }
    #[inline(always)]
    fn sum_nonzero<const N: usize>(terms: [Self; N]) -> Self {
        Self::sum(terms)
    }
    #[inline(always)]
    fn quotient(a: Self, b: Self) -> Self {
        a / b
    }
    #[inline(always)]
    fn larger(a: Self, b: Self) -> Self {
        a.max(b)
    }
    #[inline(always)]
    fn taken(a: Self, b: Self) -> Self {
        a.max(b)
    }
    #[inline(always)]
    fn square_root(a: Self) -> Self {
        a.sqrt()
    }
    #[inline(always)]
    fn rounded_up(a: Self) -> Self {
        a.ceil()
    }
}

impl Quantity for Calc {
    fn of(x: f64) -> Self {
        num(x)
    }
    fn product<const N: usize>(factors: [Self; N]) -> Self {
        mul(factors)
    }
    fn sum<const N: usize>(terms: [Self; N]) -> Self {
        add(terms)
    }
    fn sum_nonzero<const N: usize>(terms: [Self; N]) -> Self {
        // Adding a zero changes no sum of these non-negative figures, so the tree without the
        // zeros evaluates to the number's sum to the bit.
        let mut terms: Vec<Calc> = terms.into_iter().filter(|t| t.eval() != 0.0).collect();
        match terms.len() {
            0 => num(0.0),
            1 => terms.pop().unwrap_or(num(0.0)),
            _ => add(terms),
        }
    }
    fn quotient(a: Self, b: Self) -> Self {
        div(a, b)
    }
    fn larger(a: Self, b: Self) -> Self {
        max(a, b)
    }
    fn taken(a: Self, b: Self) -> Self {
        if a.eval() >= b.eval() { a } else { b }
    }
    fn square_root(a: Self) -> Self {
        sqrt(a)
    }
    fn rounded_up(a: Self) -> Self {
        ceil(a)
    }
}

/// A number as a derivation prints it: whole numbers below ten million in full, numbers whose
/// shortest form has at most six digits as they are (`0.515625`, `989.4`), anything else with
/// three significant digits, plainly from 0.001 to 100,000 (`224`, `0.0224`) and in scientific
/// notation beyond (`7.06e10`).
pub fn show(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    if x.fract() == 0.0 && x.abs() < 1e7 {
        return format!("{x}");
    }
    let short = format!("{x}");
    let digits = short.chars().filter(char::is_ascii_digit).count();
    let leading_zeros = short
        .trim_start_matches('-')
        .chars()
        .take_while(|c| *c == '0' || *c == '.')
        .filter(|c| *c == '0')
        .count();
    if digits - leading_zeros <= 6 && x.abs() >= 1e-3 && x.abs() < 1e7 {
        return short;
    }
    if (1e-3..1e5).contains(&x.abs()) {
        // Three significant digits in plain notation: 224, 22.4, 0.0224.
        let decimals = (2 - x.abs().log10().floor() as i32).max(0) as usize;
        let t = format!("{x:.decimals$}");
        let t = if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.')
        } else {
            &t
        };
        return t.to_string();
    }
    format!("{x:.2e}")
}

impl Calc {
    /// The value, each number read through `leaf`.
    fn value(&self, leaf: &dyn Fn(f64) -> f64) -> f64 {
        match self {
            Calc::Num(x) => leaf(*x),
            Calc::Mul(f) => f.iter().map(|c| c.value(leaf)).product(),
            Calc::Div(a, b) => a.value(leaf) / b.value(leaf),
            Calc::Add(t) => t.iter().map(|c| c.value(leaf)).sum(),
            Calc::Sqrt(a) => a.value(leaf).sqrt(),
            Calc::Ceil(a) => a.value(leaf).ceil(),
            Calc::Max(a, b) => a.value(leaf).max(b.value(leaf)),
        }
    }

    /// The value.
    pub fn eval(&self) -> f64 {
        self.value(&|x| x)
    }

    /// The value of the printed form: every operand at the precision it is printed with. The
    /// audit test holds it to the printed result.
    pub fn eval_shown(&self) -> f64 {
        self.value(&|x| show(x).parse().unwrap_or(f64::NAN))
    }

    /// How many operands print rounded (to three significant digits): each moves the printed
    /// product by at most half a percent.
    pub fn rounded_operands(&self) -> usize {
        match self {
            Calc::Num(x) => usize::from(show(*x).parse::<f64>().ok() != Some(*x)),
            Calc::Mul(v) | Calc::Add(v) => v.iter().map(Calc::rounded_operands).sum(),
            Calc::Div(a, b) | Calc::Max(a, b) => a.rounded_operands() + b.rounded_operands(),
            Calc::Sqrt(a) | Calc::Ceil(a) => a.rounded_operands(),
        }
    }

    /// Whether the expression rounds up somewhere (then a printed operand's rounding can move
    /// the result by one).
    pub fn has_ceil(&self) -> bool {
        match self {
            Calc::Num(_) => false,
            Calc::Mul(v) | Calc::Add(v) => v.iter().any(Calc::has_ceil),
            Calc::Div(a, b) | Calc::Max(a, b) => a.has_ceil() || b.has_ceil(),
            Calc::Sqrt(a) => a.has_ceil(),
            Calc::Ceil(_) => true,
        }
    }

    /// The expression with its numbers: `6 × 7.06e10 × 1.5e13`, `(a + b) / c`, `ceil(x)`.
    pub fn text(&self) -> String {
        self.text_in(false)
    }

    fn text_in(&self, nested: bool) -> String {
        let wrap = |s: String| if nested { format!("({s})") } else { s };
        match self {
            Calc::Num(x) => show(*x),
            Calc::Mul(f) => wrap(
                f.iter()
                    .map(|c| c.text_in(matches!(c, Calc::Add(_) | Calc::Div(..))))
                    .collect::<Vec<_>>()
                    .join(" × "),
            ),
            Calc::Div(a, b) => wrap(format!(
                "{} / {}",
                a.text_in(matches!(**a, Calc::Add(_))),
                b.text_in(!matches!(**b, Calc::Num(_)))
            )),
            Calc::Add(t) => wrap(
                t.iter()
                    .map(|c| c.text_in(false))
                    .collect::<Vec<_>>()
                    .join(" + "),
            ),
            Calc::Sqrt(a) => format!("sqrt({})", a.text_in(false)),
            Calc::Ceil(a) => format!("ceil({})", a.text_in(false)),
            Calc::Max(a, b) => format!("max({}, {})", a.text_in(false), b.text_in(false)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_evaluates_the_same_tree() {
        // The KV cache of Llama-3 70B at 4-bit: 2 × 80 × 8 × 128 × 0.515625 (4 bits plus a
        // 16-bit scale per 128 weights, docs/model.md §5).
        let kv = mul([num(2.0), num(80.0), num(8.0), num(128.0), num(0.515625)]);
        assert_eq!(kv.text(), "2 × 80 × 8 × 128 × 0.515625");
        assert_eq!(kv.eval(), 84_480.0);
        assert_eq!(kv.eval_shown(), 84_480.0);
        let d = div(
            mul([num(6.35e24)]),
            mul([num(2048.0), num(9.894e14), num(0.4)]),
        );
        assert_eq!(d.text(), "6.35e24 / (2048 × 9.89e14 × 0.4)");
        assert_eq!(ceil(add([num(1.5), num(2.0)])).text(), "ceil(1.5 + 2)");
        assert_eq!(ceil(add([num(1.5), num(2.0)])).eval(), 4.0);
    }

    #[test]
    fn unrolled_products_and_sums_fold_left_to_right() {
        // Past the eight unrolled terms too, and in the order the printed tree evaluates.
        let xs: [f64; 12] = std::array::from_fn(|i| 1.0 + 0.1 * i as f64);
        let prod = |n: usize| xs[1..n].iter().fold(xs[0], |a, &b| a * b);
        let sum = |n: usize| xs[1..n].iter().fold(xs[0], |a, &b| a + b);
        assert_eq!(<f64 as Quantity>::product::<0>([]), 1.0);
        assert_eq!(<f64 as Quantity>::sum::<0>([]), 0.0);
        assert_eq!(<f64 as Quantity>::product([xs[0]]), xs[0]);
        let three: [f64; 3] = std::array::from_fn(|i| xs[i]);
        assert_eq!(<f64 as Quantity>::product(three), prod(3));
        assert_eq!(<f64 as Quantity>::sum(three), sum(3));
        assert_eq!(<f64 as Quantity>::product(xs), prod(12));
        assert_eq!(<f64 as Quantity>::sum(xs), sum(12));
        assert_eq!(
            <f64 as Quantity>::product(xs),
            <Calc as Quantity>::product(xs.map(num)).eval()
        );
        assert_eq!(
            <f64 as Quantity>::sum(xs),
            <Calc as Quantity>::sum(xs.map(num)).eval()
        );
    }

    #[test]
    fn sums_print_without_their_zero_terms_and_add_them() {
        let xs = [0.0, 1.5, 0.0, 2.25];
        let f = <f64 as Quantity>::sum_nonzero(xs);
        assert_eq!(f, 3.75);
        let c = <Calc as Quantity>::sum_nonzero(xs.map(num));
        assert_eq!(c.text(), "1.5 + 2.25");
        assert_eq!(c.eval().to_bits(), f.to_bits());
        let one =
            <Calc as Quantity>::sum_nonzero([mul([num(0.0), num(7.0)]), mul([num(2.0), num(3.0)])]);
        assert_eq!(one.text(), "2 × 3");
        assert_eq!(<Calc as Quantity>::sum_nonzero([num(0.0)]).text(), "0");
        assert_eq!(<f64 as Quantity>::sum_nonzero([0.0, 0.0]), 0.0);
    }

    #[test]
    fn numbers_print_short_or_with_three_digits() {
        assert_eq!(show(16384.0), "16384");
        assert_eq!(show(0.4), "0.4");
        assert_eq!(show(989.4), "989.4");
        assert_eq!(show(7.0553706496e10), "7.06e10");
        assert_eq!(show(0.123456789), "0.123");
        assert_eq!(show(224.28471359140357), "224");
        assert_eq!(show(1.0e-5 / 3.0), "3.33e-6");
        assert_eq!(show(f64::NAN), "—");
    }
}
