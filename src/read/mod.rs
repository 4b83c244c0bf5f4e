//! The reading layer: exact values of numbers, money, units and dates in
//! normalized text. Nothing here decides what a figure means.

pub mod decimal;
pub mod number;
pub mod scan;

pub use decimal::Decimal;
pub use scan::{scan, DateMention, Qualifier, Quantity, Readings, UnitClass, YearMonthDay};
