//! Exact decimal values: a mantissa and a power of ten, never a float until
//! the very end, so "5.933,7 tỷ" is exactly 5933700000000.

use std::fmt;

/// `mantissa × 10^-scale`, exact up to 38 significant digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Numbers beyond this many digits are not quantities anyone reports.
const MAX_DIGITS: usize = 30;

impl Decimal {
    pub const ZERO: Decimal = Decimal { mantissa: 0, scale: 0 };

    pub fn from_int(v: i128) -> Decimal {
        Decimal { mantissa: v, scale: 0 }
    }

    /// Reads an integer part and a fractional part given as ASCII digits.
    /// `None` when there are no digits or more than [`MAX_DIGITS`].
    pub fn from_digits(int: &str, frac: &str) -> Option<Decimal> {
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        if int.len() + frac.len() > MAX_DIGITS {
            return None;
        }
        let mut m: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            m = m.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        Some(Decimal { mantissa: m, scale: frac.len() as u32 }.reduced())
    }

    fn reduced(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// `self × 10^exp`.
    pub fn shift(self, exp: u32) -> Option<Decimal> {
        if exp <= self.scale {
            return Some(Decimal { mantissa: self.mantissa, scale: self.scale - exp }.reduced());
        }
        let up = exp - self.scale;
        let m = self.mantissa.checked_mul(10i128.checked_pow(up)?)?;
        Some(Decimal { mantissa: m, scale: 0 })
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some(Decimal { mantissa: a.checked_add(b)?, scale }.reduced())
    }

    pub fn checked_mul_int(self, k: i128) -> Option<Decimal> {
        Some(Decimal { mantissa: self.mantissa.checked_mul(k)?, scale: self.scale }.reduced())
    }

    /// Half of the value, exactly.
    pub fn half(self) -> Option<Decimal> {
        Some(Decimal { mantissa: self.mantissa.checked_mul(5)?, scale: self.scale + 1 }.reduced())
    }

    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// Whole number with no fractional part.
    pub fn as_integer(&self) -> Option<i128> {
        (self.scale == 0).then_some(self.mantissa)
    }

    /// The nearest `f64` (exact for integers up to 2^53, correctly rounded
    /// otherwise, because it goes through the decimal string).
    pub fn to_f64(self) -> f64 {
        self.to_text().parse().unwrap_or(f64::NAN)
    }

    /// The value as text ("5933700000000", "0.05", "-1.5"), in a string
    /// allocated once at its length: a report writes one per figure.
    pub fn to_text(&self) -> String {
        let mut buf = [0u8; 40];
        let digits = digits(self.mantissa.unsigned_abs(), &mut buf);
        let mut out = String::with_capacity(digits.len() + self.scale as usize + 3);
        // Writing into a String cannot fail.
        let _ = self.write_with(digits, &mut out);
        out
    }

    /// Writes the value, its mantissa's digits being `digits`.
    fn write_with<W: fmt::Write>(&self, digits: &str, out: &mut W) -> fmt::Result {
        let scale = self.scale as usize;
        if self.mantissa < 0 {
            out.write_str("-")?;
        }
        if scale == 0 {
            return out.write_str(digits);
        }
        if digits.len() > scale {
            let (i, fr) = digits.split_at(digits.len() - scale);
            out.write_str(i)?;
            out.write_str(".")?;
            out.write_str(fr)
        } else {
            out.write_str("0.")?;
            for _ in digits.len()..scale {
                out.write_str("0")?;
            }
            out.write_str(digits)
        }
    }
}

/// The decimal digits of `m`, written into the end of `buf` (39 digits at
/// most, so they fit). Division goes 64 bits wide as soon as the value
/// fits: a `u128` division is a library call, in the WASM above all.
pub(crate) fn digits(m: u128, buf: &mut [u8; 40]) -> &str {
    let mut at = buf.len();
    let mut wide = m;
    while wide > u128::from(u64::MAX) {
        at -= 1;
        buf[at] = b'0' + (wide % 10) as u8;
        wide /= 10;
    }
    let mut n = wide as u64;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).unwrap_or("0")
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 40];
        let digits = digits(self.mantissa.unsigned_abs(), &mut buf);
        self.write_with(digits, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_scaling() {
        let d = Decimal::from_digits("5933", "7").and_then(|d| d.shift(9));
        assert_eq!(d.map(|d| d.to_string()), Some("5933700000000".into()));
        let d = Decimal::from_digits("12170", "76").and_then(|d| d.shift(9));
        assert_eq!(d.map(|d| d.to_f64()), Some(12_170_760_000_000.0));
        assert_eq!(Decimal::from_digits("67", "88").map(|d| d.to_f64()), Some(67.88));
        assert_eq!(Decimal::from_digits("0", "05").map(|d| d.to_string()), Some("0.05".into()));
        assert_eq!(Decimal::from_digits("2", "").and_then(|d| d.half()).map(|d| d.to_string()), Some("1".into()));
        assert_eq!(Decimal::from_digits(&"9".repeat(60), ""), None);
    }

    /// The text of `mantissa × 10^-scale` as plain string arithmetic writes it.
    fn written(mantissa: i128, scale: u32) -> String {
        let digits = mantissa.unsigned_abs().to_string();
        let scale = scale as usize;
        let sign = if mantissa < 0 { "-" } else { "" };
        if scale == 0 {
            format!("{sign}{digits}")
        } else if digits.len() > scale {
            let (i, fr) = digits.split_at(digits.len() - scale);
            format!("{sign}{i}.{fr}")
        } else {
            format!("{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }

    #[test]
    fn writes_the_widest_values() {
        for m in [0, 1, -1, 10, i128::from(u64::MAX), i128::from(u64::MAX) + 1, i128::MAX, i128::MIN, -i128::from(u64::MAX) - 1] {
            for scale in [0, 1, 5, 19, 20, 45] {
                assert_eq!(Decimal { mantissa: m, scale }.to_string(), written(m, scale), "{m} {scale}");
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn writes_any_value(mantissa: i128, scale in 0u32..45) {
            let d = Decimal { mantissa, scale };
            proptest::prop_assert_eq!(d.to_string(), written(mantissa, scale));
            proptest::prop_assert_eq!(d.to_text(), written(mantissa, scale));
        }
    }
}
