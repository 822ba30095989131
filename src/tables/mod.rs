//! Generic tables: CSV and workbook files read as rows of cells, and the
//! shared layout of the workbooks the tool writes.

pub mod file;
