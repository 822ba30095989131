//! What every workbook the tool writes lays out alike: column widths from
//! the text they hold, and A4 pages one page wide.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Display width of text in columns: CJK characters take two.
pub fn display_width(text: &str) -> f64 {
    crate::text::width::measure(text, 2.0, 1.0)
}

/// Column widths, each as wide as the widest text seen in it (at least 6).
#[derive(Default)]
pub struct Widths(pub Vec<f64>);

impl Widths {
    pub fn see(&mut self, col: usize, text: &str) {
        if self.0.len() <= col {
            self.0.resize(col + 1, 6.0);
        }
        self.0[col] = self.0[col].max(display_width(text) + 2.0);
    }

    /// Sets the columns, none wider than `max`.
    pub fn apply(&self, sheet: &mut Worksheet, max: f64) -> Result<(), XlsxError> {
        for (c, w) in self.0.iter().enumerate() {
            sheet.set_column_width(c as u16, w.min(max))?;
        }
        Ok(())
    }

    /// The columns' width together, none counted wider than `max`.
    pub fn total(&self, max: f64) -> f64 {
        self.0.iter().map(|w| w.min(max)).sum()
    }
}

/// A4 (paper 9), printed one page wide, landscape or not.
pub fn a4_one_page_wide(sheet: &mut Worksheet, landscape: bool) {
    sheet.set_paper_size(9);
    if landscape {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
}
