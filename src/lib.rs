//! lede: a terminal reader for news articles that sees who, where and which
//! organization a story is about.
//!
//! Data flows one way (DESIGN.md section 1):
//!
//! ```text
//! file | stdin -> article::load -> Article
//! Article      -> nlp::Analyzer::analyze -> Analysis
//! Article + Analysis -> document (JSON) | tag (JSON Lines) | tui
//! ```
//!
//! ```
//! let article = lede::article::load_bytes(
//!     "sample.txt",
//!     b"Kyiv talks\n\nPresident Jane Doe met Acme Corp in Paris.",
//! ).unwrap();
//! let analysis = lede::nlp::Analyzer::default().analyze(&article);
//! assert_eq!(article.title.as_deref(), Some("Kyiv talks"));
//! # let _ = analysis;
//! ```

pub mod article;
pub mod config;
pub mod document;
pub mod export;
pub mod library;
pub mod nlp;
pub mod samples;
pub mod tag;
pub mod tui;
