//! Input: reads terminal events in batches (so a burst is drawn once) and
//! turns them into actions through the keymap.

use std::io;
use std::time::Duration;

use crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::keymap::{Key, Keymap};

/// Lines one wheel notch scrolls.
const WHEEL_LINES: i16 = 3;
/// Most events taken in one batch.
const MAX_BATCH: usize = 256;

/// Waits up to `timeout` for an event, then takes every event already queued.
///
/// # Errors
/// When the terminal cannot be read.
pub fn read_batch(timeout: Duration) -> io::Result<Vec<Event>> {
    let mut events = Vec::new();
    if event::poll(timeout)? {
        events.push(event::read()?);
        while events.len() < MAX_BATCH && event::poll(Duration::ZERO)? {
            events.push(event::read()?);
        }
    }
    Ok(events)
}

/// The action an event asks for, if any. Key releases are ignored. While a
/// search or filter line is open (`editing`), keys edit it instead of going
/// through the keymap.
pub fn to_action(event: &Event, keymap: &mut Keymap, editing: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release && editing => {
            line_action(Key::from_event(*key))
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap.press(Key::from_event(*key)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                lines: WHEEL_LINES,
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                lines: -WHEEL_LINES,
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// A key on an open search or filter line.
fn line_action(key: Key) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char(c) if key.modifiers.is_empty() => Some(Action::InputChar(c)),
        KeyCode::Backspace => Some(Action::InputBackspace),
        KeyCode::Tab => Some(Action::InputComplete),
        KeyCode::Enter => Some(Action::InputAccept),
        KeyCode::Esc => Some(Action::InputCancel),
        KeyCode::Left => Some(Action::InputLeft),
        KeyCode::Right => Some(Action::InputRight),
        KeyCode::Home => Some(Action::InputHome),
        KeyCode::End => Some(Action::InputEnd),
        KeyCode::Delete => Some(Action::InputDelete),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, MouseEvent};

    #[test]
    fn an_open_line_takes_the_keys() {
        let mut keymap = Keymap::default();
        let press = |c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
        let j = press(KeyCode::Char('j'));
        assert_eq!(
            to_action(&j, &mut keymap, true),
            Some(Action::InputChar('j'))
        );
        assert_eq!(
            to_action(&press(KeyCode::Tab), &mut keymap, true),
            Some(Action::InputComplete)
        );
        assert_eq!(
            to_action(&press(KeyCode::Esc), &mut keymap, true),
            Some(Action::InputCancel)
        );
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(to_action(&ctrl_c, &mut keymap, true), Some(Action::Quit));
    }

    #[test]
    fn keys_mouse_and_resize_become_actions() {
        let mut keymap = Keymap::default();
        let key = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(
            to_action(&key, &mut keymap, false),
            Some(Action::ScrollDown)
        );
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollUp,
            column: 1,
            row: 2,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            to_action(&wheel, &mut keymap, false),
            Some(Action::Scroll {
                lines: -3,
                column: 1,
                row: 2
            })
        );
        let resize = Event::Resize(30, 10);
        assert_eq!(
            to_action(&resize, &mut keymap, false),
            Some(Action::Resize {
                width: 30,
                height: 10
            })
        );
    }
}
