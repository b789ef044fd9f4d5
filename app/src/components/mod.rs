//! Reusable pieces of the user interface.

pub mod account_forms;
pub mod charts;
pub mod department_card;
pub mod department_page;
pub mod error;
pub mod excel;
pub mod fetched;
pub mod focus;
pub mod form;
pub mod grade;
pub mod guard;
pub mod lamp;
pub mod layout;
pub mod library_form;
pub mod loading;
pub mod money;
pub mod monitoring_nav;
pub mod phase;
pub mod rules_form;
pub mod set_editor;
pub mod stale;
pub mod status;
pub mod user_menu;
