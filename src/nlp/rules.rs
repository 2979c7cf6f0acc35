//! The first tagger: capitalised sequences, gazetteers and organization patterns.

use super::{Doc, EntitySpan, Tagger};

/// Rule-based [`Tagger`] (STUB: tags nothing yet).
#[derive(Debug, Default)]
pub struct RuleTagger;

impl RuleTagger {
    /// Builds the tagger over the embedded gazetteers.
    #[must_use]
    pub fn new() -> RuleTagger {
        RuleTagger
    }
}

impl Tagger for RuleTagger {
    fn tag(&self, _doc: &Doc) -> Vec<EntitySpan> {
        Vec::new()
    }
}
