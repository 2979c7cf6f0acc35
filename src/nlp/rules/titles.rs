//! Titles before names: "President Putin" is the PERSON "Putin" with the title
//! "President"; "Secretary of State Marco Rubio" is "Marco Rubio". A title
//! with no name after it ("the First Lady of ...") tags nothing.

use std::ops::Range;

use super::{Ctx, Step};
use crate::nlp::EntityKind;
use crate::nlp::gazetteer::{COMMON, DEMONYM, GazKind, NON_ENTITY, PLACE, SURNAME, TITLE};

impl Ctx<'_> {
    /// The step for a title of `len` tokens at `i`: titles may chain
    /// ("Prime Minister Dr."), then a name must follow.
    pub(crate) fn title_step(&self, i: usize, len: usize, end: usize) -> Step {
        let mut j = i + len;
        while j < end {
            match self.gaz.entry_at(self.doc, j) {
                Some(m) if m.kind == GazKind::Title && j + m.len <= end => j += m.len,
                _ => break,
            }
        }
        let lower_title = !self.infos.get(i).is_some_and(|t| t.cap);
        match self.name_after_title(j, end, lower_title) {
            Some(name) => self.span_step(name, EntityKind::Person, Some(i..j)),
            None => Step {
                span: None,
                next: j,
            },
        }
    }

    /// The name tokens right after a title, if they look like a person's name.
    /// After a lower-case title ("dictator") the name needs evidence beyond
    /// capitals; after a capitalised one, a common word needs to be a surname.
    fn name_after_title(&self, j: usize, end: usize, lower_title: bool) -> Option<Range<usize>> {
        if !self.is_name_token(j)
            || self
                .doc
                .tokens()
                .get(j.wrapping_sub(1))
                .is_some_and(|t| t.newline_after)
        {
            return None;
        }
        if self
            .gaz
            .entry_at(self.doc, j)
            .is_some_and(|m| m.kind != GazKind::Title)
        {
            return None;
        }
        let run = self.run_at(j, end);
        let name = run.core;
        let mut k = name.start;
        while k < name.end {
            let f = self.infos.get(k).map_or(0, |t| t.flags);
            if f & (NON_ENTITY | DEMONYM | TITLE) != 0 || (f & PLACE != 0 && k > name.start) {
                break;
            }
            k += 1;
        }
        let name = name.start..k;
        let flags = |x: usize| self.infos.get(x).map_or(0, |t| t.flags);
        let acronym = self.infos.get(j).is_some_and(|t| t.acronym);
        let evidence = name
            .clone()
            .any(|x| self.is_namey(x) && flags(x) & COMMON == 0)
            || name
                .clone()
                .any(|x| flags(x) & SURNAME != 0 && !lower_title);
        (!name.is_empty() && !acronym && evidence).then_some(name)
    }
}

#[cfg(test)]
mod tests {
    use crate::nlp::rules::RuleTagger;
    use crate::nlp::{Doc, EntityKind, Tagger};

    /// (name, title) of each span the rule tagger finds.
    fn people(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        RuleTagger::new()
            .tag(&doc)
            .into_iter()
            .filter(|s| s.kind == EntityKind::Person)
            .map(|s| {
                (
                    doc.span_text(s.tokens).to_owned(),
                    s.title.map(|t| doc.span_text(t).to_owned()),
                )
            })
            .collect()
    }

    fn one(name: &str, title: &str) -> Vec<(String, Option<String>)> {
        vec![(name.to_owned(), Some(title.to_owned()))]
    }

    #[test]
    fn undotted_british_titles_stay_out_of_the_name() {
        for title in [
            "Cllr", "Dr", "Mr", "Mrs", "Ms", "Prof", "Sir", "Dame", "Lord", "Baroness", "Rev",
            "Insp", "Supt",
        ] {
            let text = format!("The row grew when {title} Tobias Hollis spoke.");
            assert_eq!(people(&text), one("Tobias Hollis", title), "{title}");
        }
    }

    #[test]
    fn undotted_titles_chain() {
        assert_eq!(
            people("Later Det Insp Tobias Hollis spoke."),
            one("Tobias Hollis", "Det Insp")
        );
    }
}
