//! The metric kinds of TAXONOMY.md, with their units and labels, loaded
//! from `data/kinds.tsv`.

use crate::text::phrases::leak;
use std::sync::OnceLock;

use crate::text::phrases::tsv_rows;

/// One kind: its name, its unit (`money` for any currency) and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    pub kind: &'static str,
    pub unit: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
}

/// Every kind, in TAXONOMY.md's order, ending with `other`.
pub fn all_kinds() -> &'static [KindInfo] {
    static KINDS: OnceLock<Vec<KindInfo>> = OnceLock::new();
    KINDS.get_or_init(|| {
        tsv_rows(include_str!("../data/kinds.tsv"))
            .filter(|r| r.len() >= 4)
            .map(|r| KindInfo {
                kind: leak(r[0]),
                unit: leak(r[1]),
                label_vi: leak(r[2]),
                label_en: leak(r[3]),
            })
            .collect()
    })
}

/// The kind named `name`, if it exists.
pub fn kind_info(name: &str) -> Option<&'static KindInfo> {
    all_kinds().iter().find(|k| k.kind == name)
}

/// The `other` kind.
pub fn other() -> &'static KindInfo {
    static OTHER: KindInfo = KindInfo { kind: "other", unit: "-", label_vi: "Số liệu khác", label_en: "Other figure" };
    kind_info("other").unwrap_or(&OTHER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_kinds_load_once_each() {
        let kinds = all_kinds();
        assert_eq!(kinds.len(), 44); // 43 TAXONOMY.md kinds and `other`
        let mut names: Vec<_> = kinds.iter().map(|k| k.kind).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), kinds.len());
        assert_eq!(other().kind, "other");
    }
}
