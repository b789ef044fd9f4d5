//! Reusable pieces of the user interface.

pub mod account_forms;
pub mod department_card;
pub mod error;
pub mod fetched;
pub mod form;
pub mod grade;
pub mod guard;
pub mod layout;
pub mod loading;
pub mod status;
pub mod user_menu;
