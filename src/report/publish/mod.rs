//! The year's paperwork (`publish`): the results notice, each unit's
//! feedback list and the analysis report, all from one `Paperwork`.

pub mod analysis;
pub mod docx;
pub mod feedback;
pub mod notice;
pub mod paperwork;
mod svg;
