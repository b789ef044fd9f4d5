//! One module per page.

pub mod departments;
pub mod home;
pub mod not_found;
