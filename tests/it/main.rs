//! All integration tests, one binary (it links once): each module covers one area.

mod api;
mod boundaries;
mod browser;
mod check;
mod check_pieces;
mod cli;
mod cut;
mod encodings;
mod exports;
mod golden;
mod hostile_exports;
mod layers;
mod markup;
mod merge;
mod occurrences;
mod partial;
mod pieces;
mod properties;
mod quality;
mod reference;
mod renderings;
mod review_page;
mod rows;
mod tbx;
mod webdriver;
