//! Generic tables: CSV and workbook files read as rows of cells, and the
//! shared layout of the workbooks the tool writes.

pub mod csv;
pub mod file;
pub mod sheet;
pub mod stream;
pub mod style;
pub mod table;
pub mod workbook;
