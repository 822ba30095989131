//! The model: what a rubric, a year's inputs and its results are. Types only,
//! depending on nothing but exact numbers and dates; readers produce them, the
//! engine computes with them, renderers show them.

pub mod adjust;
pub mod catalog;
pub mod compare;
pub mod inputs;
pub mod keys;
pub mod ledger;
pub mod mechanics;
pub mod notice;
pub mod record;
pub mod results;
pub mod rubric;
pub mod source;
