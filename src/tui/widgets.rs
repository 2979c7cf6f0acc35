//! The screen's parts, each a pure function of `&App` drawing into a `Frame`.

pub mod article_list;
pub mod article_view;
pub mod entities;
pub mod export;
pub mod help;
pub mod sidebar;
pub mod status_bar;
