//! Integration tests: one binary that starts the real app on port 0 against a fresh SQLite
//! file per test and talks HTTP to it.

mod accounts;
mod auth;
mod budget;
mod compute;
mod evaluation;
mod excel;
mod harness;
mod language;
mod monitoring;
mod public;
mod roles;
mod seeding;
mod sets;
mod web;
mod whatif;
