//! What the integration tests share.

use std::path::Path;
use std::process::Command;

/// The `lede` binary with every folder it might read or write (library,
/// config, XDG folders, home) inside the temp folder `dir`, so a test never
/// touches the user's own; `LEDE_MAX_SIZE` from the caller's environment is
/// dropped. Tests add their own arguments and variables.
pub fn lede_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lede"));
    cmd.env("LEDE_LIBRARY", dir.join("library"))
        .env("LEDE_CONFIG", dir.join("config.toml"))
        .env("XDG_DATA_HOME", dir.join("xdg-data"))
        .env("XDG_CONFIG_HOME", dir.join("xdg-config"))
        .env("XDG_CACHE_HOME", dir.join("xdg-cache"))
        .env("XDG_STATE_HOME", dir.join("xdg-state"))
        .env("HOME", dir)
        .env_remove("LEDE_MAX_SIZE");
    cmd
}
