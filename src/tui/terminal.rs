//! Terminal setup and teardown. One guard owns the terminal; dropping it, an
//! error, a panic (through a chained hook) and suspension all restore raw
//! mode, the main screen, mouse capture and bracketed paste.

use std::io::{self, Stdout};
use std::sync::Once;

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal type the reader draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal while the reader runs; restores it when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: Term,
    mouse: bool,
}

impl TerminalGuard {
    /// Installs the panic hook, enters raw mode and the alternate screen, and
    /// enables bracketed paste and (unless `mouse` is false) mouse capture.
    ///
    /// # Errors
    /// When the terminal cannot be set up; it is restored first.
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        install_panic_hook();
        if let Err(err) = setup(mouse) {
            restore();
            return Err(err);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(TerminalGuard { terminal, mouse }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }

    /// Gives the terminal back to the shell and stops the process (SIGTSTP);
    /// sets it up again when the shell continues it.
    ///
    /// # Errors
    /// When the terminal cannot be set up again.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        setup(self.mouse)?;
        self.terminal.clear()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn setup(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes everything [`TerminalGuard::enter`] did. Each step runs even when
/// an earlier one fails, and nothing here panics.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, Show);
}

/// Restores the terminal before the previous panic hook prints, so the
/// message lands on a sane screen.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
