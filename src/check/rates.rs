//! Annual average exchange rates, for checking currency restatements:
//! the shipped table (`src/data/exchange_rates.tsv`) or the caller's own.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::phrases::tsv_rows;

/// Units of each currency per US dollar, keyed by year and currency code.
type PerUsd = HashMap<(u16, String), f64>;

/// Units of each currency per US dollar, by year.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeRates {
    /// The shipped table, read once per process and shared by every
    /// default instance (a default `Options` is made for each analysis);
    /// `None` for [`ExchangeRates::empty`].
    shipped: Option<&'static PerUsd>,
    /// The caller's own rates, read before the shipped ones.
    own: PerUsd,
}

impl Default for ExchangeRates {
    /// The shipped table.
    fn default() -> ExchangeRates {
        ExchangeRates { shipped: Some(shipped_table()), own: HashMap::new() }
    }
}

fn shipped_table() -> &'static PerUsd {
    static TABLE: OnceLock<PerUsd> = OnceLock::new();
    TABLE.get_or_init(|| {
        let data = include_str!("../data/exchange_rates.tsv");
        let header: Vec<&str> = data
            .lines()
            .find(|l| l.starts_with("# year"))
            .map(|l| l.trim_start_matches("# ").split('\t').collect())
            .unwrap_or_default();
        let mut per_usd = HashMap::new();
        for row in tsv_rows(data) {
            let Some(year) = row.first().and_then(|y| y.parse::<u16>().ok()) else { continue };
            for (cur, cell) in header.iter().zip(&row).skip(1) {
                if let Ok(rate) = cell.parse::<f64>() {
                    per_usd.insert((year, cur.to_string()), rate);
                }
            }
        }
        per_usd
    })
}

impl ExchangeRates {
    /// No rates at all: restatements go unchecked.
    pub fn empty() -> ExchangeRates {
        ExchangeRates { shipped: None, own: HashMap::new() }
    }

    /// Sets how many `per` (a currency) one unit of `currency` was worth in
    /// `year`, e.g. `set(2023, "USD", "VND", 23787.0)`.
    pub fn set(&mut self, year: u16, currency: &str, per: &str, rate: f64) {
        if !(rate.is_finite() && rate > 0.0) {
            return;
        }
        if currency == "USD" {
            self.own.insert((year, per.to_string()), rate);
        } else if per == "USD" {
            self.own.insert((year, currency.to_string()), 1.0 / rate);
        } else if let Some(p) = self.per_usd(year, per) {
            self.own.insert((year, currency.to_string()), p / rate);
        }
    }

    /// Units of `currency` per US dollar in `year`: the caller's rate, else the shipped one.
    fn per_usd(&self, year: u16, currency: &str) -> Option<f64> {
        let key = (year, currency.to_string());
        self.own.get(&key).or_else(|| self.shipped.and_then(|t| t.get(&key))).copied()
    }

    /// How many `per` one `currency` was worth in `year`, crossed through USD.
    pub fn rate(&self, year: u16, currency: &str, per: &str) -> Option<f64> {
        let usd = |c: &str| if c == "USD" { Some(1.0) } else { self.per_usd(year, c) };
        Some(usd(per)? / usd(currency)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_loads_and_crosses() {
        let r = ExchangeRates::default();
        let usd = r.rate(2020, "USD", "VND").unwrap_or(0.0);
        assert!((23000.0..23500.0).contains(&usd));
        let cny = r.rate(2020, "CNY", "VND").unwrap_or(0.0);
        assert!((3000.0..4000.0).contains(&cny), "{cny}");
        assert!(r.rate(1990, "USD", "VND").is_none());
    }

    #[test]
    fn defaults_share_the_table_and_keep_their_own_rates_apart() {
        let (mut a, b) = (ExchangeRates::default(), ExchangeRates::default());
        assert!(a.shipped.zip(b.shipped).is_some_and(|(x, y)| std::ptr::eq(x, y)));
        let shipped = b.rate(2020, "USD", "VND");
        a.set(2020, "USD", "VND", 30000.0);
        assert_eq!(a.rate(2020, "USD", "VND"), Some(30000.0));
        assert_eq!(ExchangeRates::default().rate(2020, "USD", "VND"), shipped);
        // A rate crossed through the dollar reads the shipped one beneath.
        let mut c = ExchangeRates::default();
        c.set(2020, "EUR", "VND", 26000.0);
        assert!(c.rate(2020, "EUR", "VND").is_some_and(|r| (r - 26000.0).abs() < 1e-6));
        assert_eq!(c.rate(2020, "USD", "VND"), shipped);
        assert_ne!(a, b);
        assert_eq!(b, ExchangeRates::default());
        assert_eq!(ExchangeRates::empty().rate(2020, "USD", "VND"), None);
    }

    #[test]
    fn callers_rates_override() {
        let mut r = ExchangeRates::empty();
        r.set(2030, "USD", "VND", 30000.0);
        assert_eq!(r.rate(2030, "USD", "VND"), Some(30000.0));
        assert_eq!(r.rate(2030, "VND", "USD"), Some(1.0 / 30000.0));
    }
}
