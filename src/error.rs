//! The one error type of the crate.
//!
//! Errors are values: every function that input can reach returns
//! `Result<_, Error>`. The kind is reached through [`Error::code`], a stable
//! string that also crosses the WASM boundary as the JS error's `code`, so
//! callers never match on a public enum that would freeze its variants.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    InputTooLarge { bytes: usize, limit: usize },
    CorpusTooLarge { bytes: usize, limit: usize },
    NoSuchDocument { id: String },
    BadOption { name: String, reason: String },
    Io { path: String, reason: String },
    NotUtf8 { path: String },
}

/// What went wrong, with a message that names the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: Kind,
}

impl Error {
    pub(crate) fn input_too_large(bytes: usize, limit: usize) -> Error {
        Error { kind: Kind::InputTooLarge { bytes, limit } }
    }

    pub(crate) fn corpus_too_large(bytes: usize, limit: usize) -> Error {
        Error { kind: Kind::CorpusTooLarge { bytes, limit } }
    }

    /// A corpus asked for a document it does not hold.
    pub fn no_such_document(id: &str) -> Error {
        Error { kind: Kind::NoSuchDocument { id: id.to_string() } }
    }

    /// An option that has the wrong type or an unknown value.
    pub fn bad_option(name: &str, reason: impl Into<String>) -> Error {
        Error { kind: Kind::BadOption { name: name.to_string(), reason: reason.into() } }
    }

    /// A file that could not be read (used by the CLI).
    pub fn io(path: &str, reason: impl Into<String>) -> Error {
        Error { kind: Kind::Io { path: path.to_string(), reason: reason.into() } }
    }

    /// A file whose bytes are not UTF-8 text (used by the CLI).
    pub fn not_utf8(path: &str) -> Error {
        Error { kind: Kind::NotUtf8 { path: path.to_string() } }
    }

    /// A stable machine-readable code: `input_too_large`, `bad_option`,
    /// `io`, `not_utf8`, `corpus_too_large`, `no_such_document`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            Kind::InputTooLarge { .. } => "input_too_large",
            Kind::CorpusTooLarge { .. } => "corpus_too_large",
            Kind::NoSuchDocument { .. } => "no_such_document",
            Kind::BadOption { .. } => "bad_option",
            Kind::Io { .. } => "io",
            Kind::NotUtf8 { .. } => "not_utf8",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::InputTooLarge { bytes, limit } => write!(
                f,
                "input is {bytes} bytes, more than maxInputBytes ({limit}); split it or raise the limit"
            ),
            Kind::CorpusTooLarge { bytes, limit } => write!(
                f,
                "the corpus would hold {bytes} bytes, more than maxCorpusBytes ({limit}); remove documents or raise the limit"
            ),
            Kind::NoSuchDocument { id } => write!(f, "no document with id {id:?} in the corpus"),
            Kind::BadOption { name, reason } => write!(f, "option `{name}`: {reason}"),
            Kind::Io { path, reason } => write!(f, "{path}: {reason}"),
            Kind::NotUtf8 { path } => write!(f, "{path}: not UTF-8 text"),
        }
    }
}

impl std::error::Error for Error {}
