//! Annual average exchange rates, for checking currency restatements:
//! the shipped table (`src/data/exchange_rates.tsv`) or the caller's own.

use std::collections::HashMap;

use crate::text::phrases::tsv_rows;

/// Units of each currency per US dollar, by year.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeRates {
    per_usd: HashMap<(u16, String), f64>,
}

impl Default for ExchangeRates {
    /// The shipped table.
    fn default() -> ExchangeRates {
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
        ExchangeRates { per_usd }
    }
}

impl ExchangeRates {
    /// No rates at all: restatements go unchecked.
    pub fn empty() -> ExchangeRates {
        ExchangeRates { per_usd: HashMap::new() }
    }

    /// Sets how many `per` (a currency) one unit of `currency` was worth in
    /// `year`, e.g. `set(2023, "USD", "VND", 23787.0)`.
    pub fn set(&mut self, year: u16, currency: &str, per: &str, rate: f64) {
        if !(rate.is_finite() && rate > 0.0) {
            return;
        }
        if currency == "USD" {
            self.per_usd.insert((year, per.to_string()), rate);
        } else if per == "USD" {
            self.per_usd.insert((year, currency.to_string()), 1.0 / rate);
        } else if let Some(&p) = self.per_usd.get(&(year, per.to_string())) {
            self.per_usd.insert((year, currency.to_string()), p / rate);
        }
    }

    /// How many `per` one `currency` was worth in `year`, crossed through USD.
    pub fn rate(&self, year: u16, currency: &str, per: &str) -> Option<f64> {
        let usd = |c: &str| if c == "USD" { Some(1.0) } else { self.per_usd.get(&(year, c.to_string())).copied() };
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
    fn callers_rates_override() {
        let mut r = ExchangeRates::empty();
        r.set(2030, "USD", "VND", 30000.0);
        assert_eq!(r.rate(2030, "USD", "VND"), Some(30000.0));
        assert_eq!(r.rate(2030, "VND", "USD"), Some(1.0 / 30000.0));
    }
}
