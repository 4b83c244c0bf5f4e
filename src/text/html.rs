//! HTML to text, as a stream of characters that remember where they came
//! from in the HTML string.
//!
//! This is not an HTML parser: it removes tags, drops the content of
//! `<script>`, `<style>`, `<noscript>`, `<template>` and comments, decodes
//! character references, and turns block elements into line breaks — what a
//! CMS's stored article needs before the rules read it. It never fails:
//! broken markup degrades to text.

use super::normalize::Item;

/// Elements whose start or end marks a paragraph boundary.
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "title",
];

/// Elements whose content is never text for a reader.
const RAW_TAGS: &[&str] = &["script", "style", "noscript", "template", "head"];

/// Tags that make `format: "auto"` read the input as HTML.
/// Closing tags of these count; so do openers of [`SNIFF_OPENERS`].
const SNIFF_TAGS: &[&str] = &[
    "p", "div", "span", "a", "b", "i", "em", "strong", "html", "body", "h1", "h2", "h3", "h4", "li", "ul",
    "ol", "table", "td", "tr", "script", "style", "section", "article",
];
const SNIFF_OPENERS: &[&str] = &["br", "p", "div", "html", "body", "table", "!doctype", "!--", "script", "style"];

/// Whether the text looks like HTML: a known tag somewhere in its start.
pub fn looks_like_html(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(65536)];
    let mut i = 0;
    while let Some(off) = head[i..].iter().position(|&b| b == b'<') {
        let at = i + off + 1;
        let rest = &head[at..];
        let (rest, list) = match rest.strip_prefix(b"/") {
            Some(r) => (r, SNIFF_TAGS),
            None => (rest, SNIFF_OPENERS),
        };
        for tag in list {
            let t = tag.as_bytes();
            if rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t) {
                let next = rest.get(t.len()).copied().unwrap_or(b'>');
                if tag.starts_with('!') || matches!(next, b'>' | b' ' | b'/' | b'\n' | b'\t' | b'\r') {
                    return true;
                }
            }
        }
        i = at;
    }
    false
}

fn tag_name(tag: &str) -> &str {
    let t = tag.trim_start_matches('/');
    let end = t.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>').unwrap_or(t.len());
    &t[..end]
}

/// Calls `emit` with every text character of `html`, in order.
pub(crate) fn decode(html: &str, mut emit: impl FnMut(Item)) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        let b = bytes[i];
        if b == b'<' {
            if html[i..].starts_with("<!--") {
                i = match html[i + 4..].find("-->") {
                    Some(p) => i + 4 + p + 3,
                    None => html.len(),
                };
                continue;
            }
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            if next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?' {
                let end = find_tag_end(bytes, i + 1);
                // Without its closing ">" (at the end of input) the tag runs to the end.
                let inner_end = if bytes.get(end.wrapping_sub(1)) == Some(&b'>') { end - 1 } else { end };
                let inner = &html[i + 1..inner_end.max(i + 1)];
                let name = tag_name(inner).to_ascii_lowercase();
                let closing = inner.starts_with('/');
                let tag_end = end;
                if !closing && RAW_TAGS.contains(&name.as_str()) {
                    // Skip to the matching end tag, case-insensitively.
                    let close = format!("</{name}");
                    i = find_ascii_ci(html, tag_end, &close)
                        .map(|p| find_tag_end(bytes, p + 1))
                        .unwrap_or(html.len());
                    continue;
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    emit(Item::atomic('\n', i, tag_end - i));
                }
                i = tag_end;
                continue;
            }
        }
        if b == b'&' {
            if let Some((ch, len)) = decode_entity(&html[i..]) {
                emit(Item::atomic(ch, i, len));
                i += len;
                continue;
            }
        }
        let ch = html[i..].chars().next().unwrap_or('\u{fffd}');
        emit(Item::copy(ch, i));
        i += ch.len_utf8();
    }
}

/// Index just past the `>` closing a tag that starts before `from`, honouring quotes.
fn find_tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = 0u8;
    let mut j = from;
    while j < bytes.len() {
        let c = bytes[j];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return j + 1;
        }
        j += 1;
    }
    bytes.len()
}

fn find_ascii_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || from >= h.len() {
        return None;
    }
    (from..=h.len().saturating_sub(n.len())).find(|&p| h[p..p + n.len()].eq_ignore_ascii_case(n))
}

const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'), ("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''),
    ("ndash", '–'), ("mdash", '—'), ("lsquo", '‘'), ("rsquo", '’'), ("ldquo", '“'), ("rdquo", '”'),
    ("hellip", '…'), ("laquo", '«'), ("raquo", '»'), ("middot", '·'), ("bull", '•'), ("deg", '°'),
    ("euro", '€'), ("yen", '¥'), ("pound", '£'), ("cent", '¢'), ("copy", '©'), ("reg", '®'),
    ("shy", '\u{ad}'), ("zwnj", '\u{200c}'), ("zwj", '\u{200d}'), ("thinsp", '\u{2009}'), ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'), ("times", '×'), ("divide", '÷'), ("sup1", '¹'), ("sup2", '²'), ("sup3", '³'),
    ("Agrave", 'À'), ("Aacute", 'Á'), ("Acirc", 'Â'), ("Atilde", 'Ã'), ("Egrave", 'È'), ("Eacute", 'É'),
    ("Ecirc", 'Ê'), ("Igrave", 'Ì'), ("Iacute", 'Í'), ("Ograve", 'Ò'), ("Oacute", 'Ó'), ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'), ("Ugrave", 'Ù'), ("Uacute", 'Ú'), ("Yacute", 'Ý'), ("agrave", 'à'), ("aacute", 'á'),
    ("acirc", 'â'), ("atilde", 'ã'), ("egrave", 'è'), ("eacute", 'é'), ("ecirc", 'ê'), ("igrave", 'ì'),
    ("iacute", 'í'), ("ograve", 'ò'), ("oacute", 'ó'), ("ocirc", 'ô'), ("otilde", 'õ'), ("ugrave", 'ù'),
    ("uacute", 'ú'), ("yacute", 'ý'), ("percnt", '%'), ("dollar", '$'), ("num", '#'), ("sol", '/'),
];

/// Decodes one character reference at the start of `s`: `&name;`, `&#N;`, `&#xH;`.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // Byte search: the slice must not cut a multi-byte character.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..semi];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        char::from_u32(v).filter(|&c| c != '\0').unwrap_or('\u{fffd}')
    } else {
        NAMED.iter().find(|(n, _)| *n == body).map(|&(_, c)| c)?
    };
    Some((ch, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let mut s = String::new();
        decode(html, |it| s.push(it.ch));
        s
    }

    #[test]
    fn tags_scripts_entities() {
        assert_eq!(text("<p>Đ&#7889;i ngo&#x1EA1;i</p><script>alert(1)</script>x"), "\nĐối ngoại\nx");
        assert_eq!(text("a&nbsp;&amp;&nbsp;b<br/>c"), "a\u{a0}&\u{a0}b\nc");
        assert_eq!(text("<!-- hidden -->a<STYLE>p{}</STYLE>b"), "ab");
        assert_eq!(text("a < b & c"), "a < b & c");
        // Regression (found by the proptest): "&" followed by multi-byte text.
        assert_eq!(text("&ĐĐĐĐĐĐ;"), "&ĐĐĐĐĐĐ;");
        // Regression (found by the proptest): an unclosed tag ending in multi-byte text.
        assert_eq!(text("a</®"), "a");
        assert_eq!(text("<a href=\"x>y\">link</a>"), "link");
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("<p>Đoàn ra</p>"));
        assert!(looks_like_html("x <br> y"));
        assert!(!looks_like_html("tăng 5% (<10%)"));
        assert!(!looks_like_html("a<b and c>d"));
    }
}
