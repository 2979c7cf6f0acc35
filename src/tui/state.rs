//! View-state pieces, each small and unit-tested: wrapping, the laid-out
//! document, the reader's scroll and jumps, the sidebar and the list.

pub mod document;
pub mod entities;
pub mod highlights;
pub mod list;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod wrap;
