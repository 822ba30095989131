//! The engine: from a rubric and the year's inputs to results, and the
//! checks and comparisons that need the whole year. Pure but for `year::read`,
//! which reads the tables before checking them.

pub mod compare;
pub mod leaf;
pub mod measure;
pub mod parts;
pub mod rank;
pub mod rectify;
pub mod score;
pub mod verify;
pub mod verify_table;
pub mod year;
