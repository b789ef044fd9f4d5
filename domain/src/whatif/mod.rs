//! What-if (DESIGN §1): the same engine in the browser (instantly, as sliders move) and on
//! the server (to check saved scenarios and serve `POST /api/whatif/province`).

pub mod department;
pub mod province;
pub mod sample;

#[cfg(test)]
mod tests;
