//! `config.toml`: colours, sidebar, mouse and key bindings of the reader.
//!
//! The defaults are built in (`assets/config.toml`, embedded); the user's
//! file is merged over them key by key. lede looks at `LEDE_CONFIG`, else
//! `config.toml` in the platform config dir (`$XDG_CONFIG_HOME/lede` on
//! Linux), and never writes a file there. A bad file is one error naming
//! the file, the key and the fix.
//!
//! ```
//! let config = lede::config::parse("[colors]\nperson = '#ff8800'", "c.toml".as_ref()).unwrap();
//! assert_eq!(config.palette.person, ratatui::style::Color::Rgb(255, 136, 0));
//! assert!(config.mouse);
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;

use crate::tui::action::Action;
use crate::tui::keymap::Key;
use crate::tui::layout::SidebarLayout;
use crate::tui::theme::Palette;

/// The built-in defaults, also the documented example of every key.
pub const DEFAULTS: &str = include_str!("../assets/config.toml");

/// Widest sidebar the config may ask for.
const MAX_SIDEBAR: u16 = 100;
/// Narrowest sidebar the config may ask for (0 is automatic).
const MIN_SIDEBAR: u16 = 12;

/// The resolved configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Capture the mouse.
    pub mouse: bool,
    /// Colours of the marks.
    pub palette: Palette,
    /// Sidebar side and width.
    pub sidebar: SidebarLayout,
    /// Rebound actions with all their key sequences, in file order.
    pub keys: Vec<(Action, Vec<Vec<Key>>)>,
}

impl Default for Config {
    fn default() -> Self {
        parse(DEFAULTS, Path::new("<built-in config>")).unwrap_or(Config {
            mouse: true,
            palette: Palette::default(),
            sidebar: SidebarLayout::default(),
            keys: Vec::new(),
        })
    }
}

/// Why the config cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error("{}: cannot read: {reason}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why (kept out of the error chain so it prints once).
        reason: std::io::Error,
    },
    /// The file is not valid TOML or a value is wrong.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// "key: what is wrong (the fix)" or "line N: ...".
        message: String,
    },
}

/// Where lede looks for the config: `LEDE_CONFIG` when set, else
/// `config.toml` in the platform config dir (None when there is no home).
#[must_use]
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LEDE_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "lede").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config from [`path`]: the defaults when there is no file.
///
/// # Errors
/// When the file cannot be read or is invalid.
pub fn load() -> Result<Config, ConfigError> {
    let Some(path) = path() else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(reason) => Err(ConfigError::Read { path, reason }),
    }
}

/// Parses a user config (merged over the defaults); `path` names it in errors.
///
/// # Errors
/// When the text is not TOML, has an unknown key, or a value is wrong.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let invalid = |message: String| ConfigError::Invalid {
        path: path.to_owned(),
        message,
    };
    let user = read_file(text).map_err(invalid)?;
    let defaults = read_file(DEFAULTS).unwrap_or_default();
    resolve(defaults.merge(user)).map_err(invalid)
}

/// The file as written: every key optional, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    mouse: Option<bool>,
    colors: Option<Colors>,
    sidebar: Option<Sidebar>,
    keys: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Colors {
    person: Option<Colour>,
    place: Option<Colour>,
    organization: Option<Colour>,
    quote: Option<Colour>,
    heading: Option<Colour>,
    search: Option<Colour>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidebar {
    side: Option<Side>,
    width: Option<u16>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Side {
    Left,
    Right,
}

impl File {
    /// Key by key: what `user` sets wins; `[keys]` is merged per action.
    fn merge(self, user: File) -> File {
        let colors = match (self.colors, user.colors) {
            (Some(d), Some(u)) => Some(Colors {
                person: u.person.or(d.person),
                place: u.place.or(d.place),
                organization: u.organization.or(d.organization),
                quote: u.quote.or(d.quote),
                heading: u.heading.or(d.heading),
                search: u.search.or(d.search),
            }),
            (d, u) => u.or(d),
        };
        let sidebar = match (self.sidebar, user.sidebar) {
            (Some(d), Some(u)) => Some(Sidebar {
                side: u.side.or(d.side),
                width: u.width.or(d.width),
            }),
            (d, u) => u.or(d),
        };
        let keys = match (self.keys, user.keys) {
            (Some(mut d), Some(u)) => {
                d.extend(u);
                Some(d)
            }
            (d, u) => u.or(d),
        };
        File {
            mouse: user.mouse.or(self.mouse),
            colors,
            sidebar,
            keys,
        }
    }
}

/// Parses TOML into a [`File`], the error naming the key (or the line).
fn read_file(text: &str) -> Result<File, String> {
    let de = toml::Deserializer::new(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let key = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.message().trim().replace('\n', " ");
        if key.is_empty() || key == "." {
            let line = inner.span().map_or(1, |s| {
                text.get(..s.start).map_or(1, |t| t.lines().count().max(1))
            });
            format!("line {line}: {message}")
        } else {
            format!("{key}: {message}")
        }
    })
}

fn resolve(file: File) -> Result<Config, String> {
    let c = file.colors.unwrap_or_default();
    let d = Palette::default();
    let pick = |c: Option<Colour>, d: Color| c.map_or(d, |c| c.0);
    let palette = Palette {
        person: pick(c.person, d.person),
        place: pick(c.place, d.place),
        organization: pick(c.organization, d.organization),
        quote: pick(c.quote, d.quote),
        heading: pick(c.heading, d.heading),
        search: pick(c.search, d.search),
    };
    let s = file.sidebar.unwrap_or_default();
    let width = s.width.unwrap_or(0);
    if width != 0 && !(MIN_SIDEBAR..=MAX_SIDEBAR).contains(&width) {
        return Err(format!(
            "sidebar.width: {width} is out of range (use 0 for automatic, or {MIN_SIDEBAR} to {MAX_SIDEBAR} columns)"
        ));
    }
    let sidebar = SidebarLayout {
        width,
        left: matches!(s.side, Some(Side::Left)),
    };
    let mut keys = Vec::new();
    for (name, specs) in file.keys.unwrap_or_default() {
        let action = Action::from_name(&name).map_err(|e| format!("keys.{name}: {e}"))?;
        let sequences = (specs.iter())
            .map(|s| Key::parse(s).map_err(|e| format!("keys.{name}: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        keys.push((action, sequences));
    }
    Ok(Config {
        mouse: file.mouse.unwrap_or(true),
        palette,
        sidebar,
        keys,
    })
}

/// A colour as the config writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Colour(Color);

const COLOUR_HELP: &str = "use a name like 'magenta', 0-255, or '#rrggbb'";

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ColourVisitor)
    }
}

struct ColourVisitor;

impl serde::de::Visitor<'_> for ColourVisitor {
    type Value = Colour;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a colour ({COLOUR_HELP})")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Colour, E> {
        u8::try_from(v)
            .map(|i| Colour(Color::Indexed(i)))
            .map_err(|_| E::custom(format!("{v} is not a colour ({COLOUR_HELP})")))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Colour, E> {
        parse_colour(v)
            .map(Colour)
            .ok_or_else(|| E::custom(format!("'{v}' is not a colour ({COLOUR_HELP})")))
    }
}

/// A colour name (the 16 terminal colours), an index "0"-"255" or "#rrggbb".
#[must_use]
pub fn parse_colour(text: &str) -> Option<Color> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(hex, 16).ok()?;
        let [_, r, g, b] = v.to_be_bytes();
        return Some(Color::Rgb(r, g, b));
    }
    if let Ok(i) = t.parse::<u8>() {
        return Some(Color::Indexed(i));
    }
    let name: String = (t.chars())
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .collect::<String>()
        .to_lowercase()
        .replace("bright", "light")
        .replace("grey", "gray");
    Some(match name.as_str() {
        "default" | "reset" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "lightblack" => Color::Gray,
        "darkgray" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text, Path::new("/c/config.toml"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn defaults_parse_and_match_the_code() {
        let c = Config::default();
        assert_eq!(c.palette, Palette::default());
        assert_eq!(c.sidebar, SidebarLayout::default());
        assert!(c.mouse);
        assert!(c.keys.is_empty());
        assert!(read_file(DEFAULTS).is_ok());
    }

    #[test]
    fn user_values_merge_key_by_key() {
        let c = parse(
            "mouse = false\n[colors]\nplace = 208\n[sidebar]\nside = 'left'\n[keys]\nscroll_down = ['j', 'ctrl-e']\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert!(!c.mouse);
        assert_eq!(c.palette.place, Color::Indexed(208));
        assert_eq!(c.palette.person, Color::Yellow);
        assert!(c.sidebar.left);
        assert_eq!(c.keys[0].0, Action::ScrollDown);
        assert_eq!(c.keys[0].1[1], vec![Key::ctrl('e')]);
    }

    #[test]
    fn colours_parse() {
        assert_eq!(parse_colour("light-blue"), Some(Color::LightBlue));
        assert_eq!(parse_colour("Dark_Grey"), Some(Color::DarkGray));
        assert_eq!(parse_colour("#00ff7f"), Some(Color::Rgb(0, 255, 127)));
        assert_eq!(parse_colour("17"), Some(Color::Indexed(17)));
        assert_eq!(parse_colour("#12345"), None);
        assert_eq!(parse_colour("purpl"), None);
    }

    #[test]
    fn errors_name_the_file_the_key_and_the_fix() {
        assert_eq!(
            err("[colors]\nperson = 'purpl'"),
            "/c/config.toml: colors.person: 'purpl' is not a colour (use a name like 'magenta', 0-255, or '#rrggbb')"
        );
        assert!(
            err("[colors]\nplace = 300")
                .starts_with("/c/config.toml: colors.place: 300 is not a colour")
        );
        let e = err("[colors]\npersn = 'red'");
        assert!(
            e.contains("colors") && e.contains("persn") && e.contains("person"),
            "{e}"
        );
        let e = err("[keys]\nscrol_down = ['j']");
        assert!(
            e.starts_with("/c/config.toml: keys.scrol_down: ") && e.contains("scroll_down"),
            "{e}"
        );
        let e = err("[keys]\nscroll_down = ['a b']");
        assert!(
            e.starts_with("/c/config.toml: keys.scroll_down: 'a b' is not a key"),
            "{e}"
        );
        let e = err("[sidebar]\nwidth = 5");
        assert!(
            e.starts_with("/c/config.toml: sidebar.width: 5 is out of range"),
            "{e}"
        );
        let e = err("mouse = 'yes'");
        assert!(e.starts_with("/c/config.toml: mouse: "), "{e}");
        let e = err("[colors\nperson = 'red'");
        assert!(e.starts_with("/c/config.toml: line 1: "), "{e}");
        for text in ["[colors]\nperson = 'purpl'", "[colors\n", "[keys]\nx = 1"] {
            assert!(!err(text).contains('\n'));
        }
    }
}
