//! One module per page.

pub mod accounts;
pub mod audit;
pub mod departments;
pub mod home;
pub mod login;
pub mod not_found;
pub mod password;
pub mod set;
