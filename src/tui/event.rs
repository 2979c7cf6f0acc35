//! Input: reads terminal events in batches (so a burst is drawn once) and
//! turns them into actions through the keymap.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

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

/// The action an event asks for, if any. Key releases are ignored.
pub fn to_action(event: &Event, keymap: &mut Keymap) -> Option<Action> {
    match event {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

    #[test]
    fn keys_mouse_and_resize_become_actions() {
        let mut keymap = Keymap::default();
        let key = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(to_action(&key, &mut keymap), Some(Action::Down));
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollUp,
            column: 1,
            row: 2,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            to_action(&wheel, &mut keymap),
            Some(Action::Scroll {
                lines: -3,
                column: 1,
                row: 2
            })
        );
        let resize = Event::Resize(30, 10);
        assert_eq!(
            to_action(&resize, &mut keymap),
            Some(Action::Resize {
                width: 30,
                height: 10
            })
        );
    }
}
