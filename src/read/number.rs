//! Reading one number: digits in the Vietnamese or English convention,
//! scale words (nghìn, triệu, tỷ …) and number words (hai mươi lăm).
//!
//! This module only turns written numbers into exact values. Deciding
//! whether a number is a quantity at all (not a date, code or road) is the
//! scanner's job in `read::scan`.

use super::decimal::Decimal;

/// How a digit string was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigitReading {
    pub value: Decimal,
    /// Another convention would give a different value ("1,200": 1.2 in
    /// Vietnamese, 1200 in English).
    pub ambiguous: bool,
    /// Read the English way because only that reading is valid ("3.5", "1,200,000").
    pub english: bool,
}

/// Reads digits with `.` and `,` separators. `None` when no convention
/// reads it as one number ("1.1.1", "2.1.", 60 digits).
pub fn read_digits(raw: &str) -> Option<DigitReading> {
    let dots = raw.bytes().filter(|&b| b == b'.').count();
    let commas = raw.bytes().filter(|&b| b == b',').count();
    let groups_ok = |sep: char, s: &str| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let plain = |s: &str| -> String { s.chars().filter(|c| c.is_ascii_digit()).collect() };
    let vn = |int: &str, frac: &str, ambiguous| {
        Decimal::from_digits(&plain(int), frac).map(|value| DigitReading { value, ambiguous, english: false })
    };
    let en = |int: &str, frac: &str| {
        Decimal::from_digits(&plain(int), frac).map(|value| DigitReading { value, ambiguous: false, english: true })
    };
    match (dots, commas) {
        (0, 0) => vn(raw, "", false),
        (_, 0) => {
            if groups_ok('.', raw) {
                vn(raw, "", false)
            } else if dots == 1 {
                let (i, f) = raw.split_once('.')?;
                en(i, f)
            } else {
                None
            }
        }
        (0, 1) => {
            let (i, f) = raw.split_once(',')?;
            vn(i, f, f.len() == 3)
        }
        (0, _) => groups_ok(',', raw).then(|| en(raw, "")).flatten(),
        _ => {
            // Both marks: the last one is the decimal mark.
            let (dec, group) = if raw.rfind(',') > raw.rfind('.') { (',', '.') } else { ('.', ',') };
            let (i, f) = raw.rsplit_once(dec)?;
            if f.contains(group) || f.contains(dec) || !groups_ok(group, i) || i.contains(dec) {
                return None;
            }
            if dec == ',' {
                vn(i, f, false)
            } else {
                en(i, f)
            }
        }
    }
}

/// Powers of ten of the scale words.
pub fn scale_word(word: &str) -> Option<u32> {
    match word {
        "nghìn" | "ngàn" | "ngìn" | "k" => Some(3),
        "triệu" | "tr" => Some(6),
        "tỷ" | "tỉ" => Some(9),
        _ => None,
    }
}

/// Digits spelled as words; `None` for anything else.
fn digit_word(word: &str, after_tens: bool) -> Option<i128> {
    Some(match word {
        "không" => 0,
        "một" => 1,
        "mốt" if after_tens => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" => 4,
        "tư" if after_tens => 4,
        "năm" => 5,
        "lăm" | "nhăm" if after_tens => 5,
        "sáu" => 6,
        "bảy" | "bẩy" => 7,
        "tám" => 8,
        "chín" => 9,
        _ => return None,
    })
}

/// Whether [`read_number_words`] reads anything from a run starting with
/// `word`: a digit word, "mười" or "trăm". A cheap test for every word of
/// the text, most of which are no number word.
pub fn starts_number_words(word: &str) -> bool {
    is_number_word_initial(word.as_bytes().first().copied().unwrap_or(0)) && (digit_word(word, false).is_some() || word == "mười" || word == "trăm")
}

/// Whether a word beginning with byte `b` can start number words: the digit
/// words, "mười" and "trăm" begin with one of these letters (the test of
/// [`starts_number_words`] holds this to the words), so one byte sends most
/// words of a text away before any comparison.
#[inline]
pub fn is_number_word_initial(b: u8) -> bool {
    matches!(b, b'b' | b'c' | b'h' | b'k' | b'm' | b'n' | b's' | b't')
}

/// Reads number words from the start of `words` (lowercase). Returns the
/// value and how many words it used. One bare digit word ("năm", "ba") is
/// returned too; the caller decides whether it counts something.
pub fn read_number_words(words: &[&str]) -> Option<(Decimal, usize)> {
    let mut total = Decimal::ZERO; // parts at thousand and above
    let mut small: i128 = 0; // hundreds and tens not yet scaled
    let mut current: Option<i128> = None;
    let mut used = 0;
    let mut after_tens = false;
    let mut last_scale: Option<u32> = None;
    let mut any = false;
    let mut after_hundred = false;
    for (k, &w) in words.iter().enumerate() {
        let was_hundred = std::mem::replace(&mut after_hundred, w == "trăm");
        if let Some(d) = digit_word(w, after_tens) {
            if current.is_some() && !after_tens {
                break;
            }
            current = Some(current.unwrap_or(0) + d);
            after_tens = false;
            last_scale = None;
        } else if w == "mười" {
            if current.is_some() {
                break;
            }
            current = Some(10);
            after_tens = true;
            last_scale = None;
        } else if w == "mươi" {
            let Some(c) = current.filter(|&c| (2..=9).contains(&c)) else { break };
            current = Some(c * 10);
            after_tens = true;
            last_scale = None;
        } else if w == "linh" || w == "lẻ" {
            if !was_hundred || current.is_some() {
                break;
            }
            after_tens = false;
            used = k + 1;
            continue;
        } else if w == "trăm" {
            let c = match current.take() {
                Some(c) => c,
                None if !any => 1,
                None => break,
            };
            small += c * 100;
            after_tens = false;
            last_scale = None;
        } else if w == "rưỡi" {
            let half = match last_scale {
                Some(exp) => Decimal::from_int(1).shift(exp).and_then(|d| d.half()),
                None => break,
            };
            total = total.checked_add(half?)?;
            used = k + 1;
            break;
        } else if let Some(exp) = scale_word(w).filter(|_| w != "k" && w != "tr") {
            let part = small + current.take().unwrap_or(0);
            small = 0;
            if part == 0 {
                // "nghìn tỷ": a scale word right after another multiplies it.
                if last_scale.is_some() {
                    total = total.shift(exp)?;
                } else if !any {
                    break;
                }
            } else {
                total = total.checked_add(Decimal::from_int(part).shift(exp)?)?;
            }
            last_scale = Some(exp);
            after_tens = false;
        } else {
            break;
        }
        any = true;
        used = k + 1;
    }
    if !any {
        return None;
    }
    let rest = small + current.unwrap_or(0);
    let value = total.checked_add(Decimal::from_int(rest))?;
    Some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: &str) -> Option<String> {
        read_digits(raw).map(|r| r.value.to_string())
    }

    fn w(s: &str) -> Option<(String, usize)> {
        let words: Vec<&str> = s.split(' ').collect();
        read_number_words(&words).map(|(v, n)| (v.to_string(), n))
    }

    #[test]
    fn starts_number_words_is_whether_one_word_reads() {
        let words = "không một mốt hai ba bốn tư năm lăm nhăm sáu bảy bẩy tám chín mười mươi linh lẻ trăm rưỡi nghìn ngàn ngìn k triệu tr tỷ tỉ hàng vài chục đoàn năm2 Một";
        for word in words.split(' ') {
            assert_eq!(starts_number_words(word), read_number_words(&[word]).is_some(), "{word}");
        }
    }

    #[test]
    fn vietnamese_digits() {
        assert_eq!(d("5.662"), Some("5662".into()));
        assert_eq!(d("67,88"), Some("67.88".into()));
        assert_eq!(d("12.170,76"), Some("12170.76".into()));
        assert_eq!(d("1.108.742"), Some("1108742".into()));
        assert_eq!(d("06"), Some("6".into()));
        assert_eq!(d("3,862"), Some("3.862".into()));
        assert!(read_digits("1,200").is_some_and(|r| r.ambiguous));
    }

    #[test]
    fn english_only_when_only_valid() {
        assert_eq!(d("1,200,000"), Some("1200000".into()));
        assert_eq!(d("3.5"), Some("3.5".into()));
        assert_eq!(d("1,234.5"), Some("1234.5".into()));
        assert_eq!(d("1.1.1"), None);
        assert_eq!(d("12.34.567"), None);
    }

    #[test]
    fn words() {
        assert_eq!(w("hai mươi lăm"), Some(("25".into(), 3)));
        assert_eq!(w("ba trăm linh năm"), Some(("305".into(), 4)));
        assert_eq!(w("một nghìn hai trăm"), Some(("1200".into(), 4)));
        assert_eq!(w("hai tỷ rưỡi"), Some(("2500000000".into(), 3)));
        assert_eq!(w("mười lăm"), Some(("15".into(), 2)));
        assert_eq!(w("hai mươi mốt dự án"), Some(("21".into(), 3)));
        assert_eq!(w("một nghìn tỷ"), Some(("1000000000000".into(), 3)));
        assert_eq!(w("tám dự án"), Some(("8".into(), 1)));
        assert_eq!(w("dự án"), None);
    }
}
