//! Keys to actions: the default bindings of DESIGN.md section 6, as data, so
//! the help screen is generated from the same table and cannot drift.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// One key press: a code and the Ctrl/Alt modifiers (Shift is folded into
/// the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt only.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    #[must_use]
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key.
    #[must_use]
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl plus a character.
    #[must_use]
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Normalises a terminal key event.
    #[must_use]
    pub fn from_event(event: KeyEvent) -> Key {
        let modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Key { code, modifiers }
    }

    /// Parses a config key name: a char (`j`, `G`, `/`), a named key
    /// (`down`, `pgdn`, `space`, `enter`, `esc`, `tab`, `f5`...), either with
    /// `ctrl-` or `alt-` in front, or several chars pressed in turn (`''`, `gg`).
    ///
    /// # Errors
    /// A short reason when the name is not a key.
    pub fn parse(spec: &str) -> Result<Vec<Key>, String> {
        let lower = spec.to_ascii_lowercase();
        let (modifiers, rest) =
            if let Some(r) = lower.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                (KeyModifiers::CONTROL, r)
            } else if let Some(r) = lower.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                (KeyModifiers::ALT, r)
            } else {
                (KeyModifiers::NONE, lower.as_str())
            };
        if let Some(code) = named_key(rest) {
            return Ok(vec![Key { code, modifiers }]);
        }
        let original = spec.get(spec.len() - rest.len()..).unwrap_or(rest);
        let chars: Vec<char> = original.chars().collect();
        match (chars.as_slice(), modifiers.is_empty()) {
            ([c], _) => {
                let c = if modifiers.is_empty() {
                    *c
                } else {
                    c.to_ascii_lowercase()
                };
                Ok(vec![Key {
                    code: KeyCode::Char(c),
                    modifiers,
                }])
            }
            (cs, true)
                // A short run of chars ("''", "gg"); longer text or a dash is
                // a misspelt name ("pgdwn", "ctrl-").
                if (2..=3).contains(&cs.len())
                    && cs.iter().all(|c| !c.is_whitespace() && !c.is_control() && *c != '-') =>
            {
                Ok(cs.iter().map(|&c| Key::char(c)).collect())
            }
            _ => Err(format!(
                "'{spec}' is not a key (use a char like 'j', a name like 'down', 'pgdn', 'space', or 'ctrl-e')"
            )),
        }
    }

    /// How the help names the key.
    #[must_use]
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            code => code.to_string(),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pgdown" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "shift-tab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        _ => {
            let n: u8 = name.strip_prefix('f')?.parse().ok()?;
            return (1..=24).contains(&n).then_some(KeyCode::F(n));
        }
    })
}

/// A key sequence bound to an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The keys, pressed in order (usually one).
    pub keys: Vec<Key>,
    /// What they do.
    pub action: Action,
}

/// The bindings, plus the keys pressed so far of an unfinished sequence.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    pending: Vec<Key>,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode as K;
        let one = |key: Key, action| Binding {
            keys: vec![key],
            action,
        };
        let p = Key::plain;
        let c = Key::char;
        let bindings = vec![
            one(c('j'), Action::ScrollDown),
            one(p(K::Down), Action::ScrollDown),
            one(c('k'), Action::ScrollUp),
            one(p(K::Up), Action::ScrollUp),
            one(c('d'), Action::HalfPageDown),
            one(Key::ctrl('d'), Action::HalfPageDown),
            one(c('u'), Action::HalfPageUp),
            one(Key::ctrl('u'), Action::HalfPageUp),
            one(c(' '), Action::PageDown),
            one(p(K::PageDown), Action::PageDown),
            one(c('f'), Action::PageDown),
            one(c('b'), Action::PageUp),
            one(p(K::PageUp), Action::PageUp),
            one(c('g'), Action::Top),
            one(p(K::Home), Action::Top),
            one(c('G'), Action::Bottom),
            one(p(K::End), Action::Bottom),
            one(p(K::Tab), Action::ToggleFocus),
            one(p(K::BackTab), Action::ToggleFocus),
            one(c('s'), Action::ToggleSidebar),
            one(p(K::Enter), Action::Confirm),
            one(c('n'), Action::NextMention),
            one(c('N'), Action::PrevMention),
            Binding {
                keys: vec![c('\''), c('\'')],
                action: Action::JumpBack,
            },
            one(p(K::Backspace), Action::JumpBack),
            one(c(']'), Action::NextArticle),
            one(c('['), Action::PrevArticle),
            one(c('/'), Action::Search),
            one(c('e'), Action::Export),
            one(c(')'), Action::NextSentence),
            one(c('('), Action::PrevSentence),
            one(c('v'), Action::Visual),
            one(c('m'), Action::Highlight),
            one(c('a'), Action::Note),
            one(c('x'), Action::RemoveHighlight),
            one(c('U'), Action::UndoRemove),
            one(c('o'), Action::CycleSort),
            one(c('E'), Action::Entities),
            one(c('?'), Action::ToggleHelp),
            one(c('q'), Action::Back),
            one(p(K::Esc), Action::Back),
            one(Key::ctrl('c'), Action::Quit),
            one(Key::ctrl('z'), Action::Suspend),
        ];
        Keymap {
            bindings,
            pending: Vec::new(),
        }
    }
}

impl Keymap {
    /// The default keymap with some actions rebound: each listed action
    /// gets exactly the given key sequences (in the place of its defaults
    /// in the help), and those sequences leave whatever action had them.
    #[must_use]
    pub fn with_overrides(overrides: &[(Action, Vec<Vec<Key>>)]) -> Keymap {
        let mut keymap = Keymap::default();
        for (action, sequences) in overrides {
            let bindings = &mut keymap.bindings;
            let at = bindings.iter().position(|b| b.action == *action);
            bindings.retain(|b| b.action != *action && !sequences.contains(&b.keys));
            let at = at.map_or(bindings.len(), |i| i.min(bindings.len()));
            for (n, keys) in sequences.iter().enumerate() {
                bindings.insert(
                    at + n,
                    Binding {
                        keys: keys.clone(),
                        action: *action,
                    },
                );
            }
        }
        keymap
    }

    /// All bindings, in help order.
    #[must_use]
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// True while the first keys of a sequence wait for the rest.
    #[must_use]
    pub fn is_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Feeds one key; returns the action of a completed binding. A key that
    /// breaks a sequence is tried on its own.
    pub fn press(&mut self, key: Key) -> Option<Action> {
        self.pending.push(key);
        if let Some(b) = self.bindings.iter().find(|b| b.keys == self.pending) {
            self.pending.clear();
            return Some(b.action);
        }
        let is_prefix = (self.bindings.iter())
            .any(|b| b.keys.len() > self.pending.len() && b.keys.starts_with(&self.pending));
        if is_prefix {
            return None;
        }
        let retry = self.pending.len() > 1;
        self.pending.clear();
        if retry { self.press(key) } else { None }
    }

    /// The help table: each action once, with all its keys, in binding order.
    #[must_use]
    pub fn help(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for b in &self.bindings {
            let label: String = b.keys.iter().map(|k| k.label()).collect();
            match rows.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, labels)) => labels.push(label),
                None => rows.push((b.action, vec![label])),
            }
        }
        rows.into_iter()
            .map(|(a, labels)| (labels.join(" "), a.describe()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_parse() {
        assert_eq!(Key::parse("j"), Ok(vec![Key::char('j')]));
        assert_eq!(Key::parse("G"), Ok(vec![Key::char('G')]));
        assert_eq!(Key::parse("ctrl-e"), Ok(vec![Key::ctrl('e')]));
        assert_eq!(Key::parse("Ctrl-E"), Ok(vec![Key::ctrl('e')]));
        assert_eq!(Key::parse("down"), Ok(vec![Key::plain(KeyCode::Down)]));
        assert_eq!(Key::parse("space"), Ok(vec![Key::char(' ')]));
        assert_eq!(Key::parse("f5"), Ok(vec![Key::plain(KeyCode::F(5))]));
        assert_eq!(Key::parse("gg"), Ok(vec![Key::char('g'), Key::char('g')]));
        assert!(Key::parse("").is_err());
        assert!(Key::parse("ctrl-nope").is_err());
        assert!(Key::parse("a b").is_err());
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("pgdwn").is_err());
    }

    #[test]
    fn overrides_replace_an_action_and_steal_its_keys() {
        let mut k = Keymap::with_overrides(&[(
            Action::ScrollDown,
            vec![vec![Key::char('n')], vec![Key::ctrl('e')]],
        )]);
        assert_eq!(k.press(Key::char('n')), Some(Action::ScrollDown));
        assert_eq!(k.press(Key::ctrl('e')), Some(Action::ScrollDown));
        assert_eq!(k.press(Key::char('j')), None);
        assert_eq!(k.press(Key::char('N')), Some(Action::PrevMention));
        let help = k.help();
        assert_eq!(
            help[0],
            ("n Ctrl-E".to_owned(), Action::ScrollDown.describe())
        );
        assert!(
            !help
                .iter()
                .any(|(_, d)| *d == Action::NextMention.describe())
        );
    }

    #[test]
    fn single_keys_map() {
        let mut k = Keymap::default();
        assert_eq!(k.press(Key::char('j')), Some(Action::ScrollDown));
        assert_eq!(k.press(Key::char('G')), Some(Action::Bottom));
        assert_eq!(k.press(Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(k.press(Key::char('z')), None);
    }

    #[test]
    fn two_quotes_jump_back_and_a_broken_sequence_retries() {
        let mut k = Keymap::default();
        assert_eq!(k.press(Key::char('\'')), None);
        assert!(k.is_pending());
        assert_eq!(k.press(Key::char('\'')), Some(Action::JumpBack));
        assert_eq!(k.press(Key::char('\'')), None);
        assert_eq!(k.press(Key::char('j')), Some(Action::ScrollDown));
        assert!(!k.is_pending());
    }

    #[test]
    fn shifted_and_ctrl_events_normalise() {
        let shifted = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shifted), Key::char('N'));
        let ctrl = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(ctrl), Key::ctrl('c'));
    }

    #[test]
    fn help_lists_every_bound_action_once() {
        let k = Keymap::default();
        let help = k.help();
        for b in k.bindings() {
            assert!(help.iter().any(|(_, d)| *d == b.action.describe()));
        }
        let back = help.iter().find(|(_, d)| *d == Action::Back.describe());
        assert_eq!(back.map(|(keys, _)| keys.as_str()), Some("q Esc"));
        assert!(help.iter().any(|(keys, _)| keys == "'' Backspace"));
    }
}
