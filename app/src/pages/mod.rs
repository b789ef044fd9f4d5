//! One module per page.

pub mod accounts;
pub mod audit;
pub mod budget;
pub mod cases;
pub mod departments;
pub mod evaluation;
pub mod home;
pub mod library;
pub mod login;
pub mod monitoring;
pub mod not_found;
pub mod password;
pub mod performance;
pub mod province;
pub mod report;
pub mod results;
pub mod set;
pub mod whatif;
pub mod whatif_province;
pub mod years;
