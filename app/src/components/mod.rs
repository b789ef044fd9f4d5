//! Reusable pieces of the user interface.

pub mod department_card;
pub mod error;
pub mod fetched;
pub mod grade;
pub mod layout;
pub mod loading;
