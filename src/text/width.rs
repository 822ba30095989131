//! How wide text is: CJK characters take two columns in a sheet or a
//! terminal and a full em in a document; so do the quotation marks and
//! dashes that CJK fonts set full width.

/// A character that takes two columns: CJK and every form after them.
pub fn is_wide(c: char) -> bool {
    c as u32 >= 0x2E80
}

/// A character a CJK font sets a full em wide: the wide ones, and general
/// punctuation (quotation marks, dashes).
pub fn is_full_em(c: char) -> bool {
    is_wide(c) || ('\u{2010}'..='\u{206F}').contains(&c)
}

/// A Chinese character or a full-width form, between which a line may
/// break (Chinese is written without spaces).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// The width of text, each wide character counted `wide` and any other
/// `narrow` (columns of a sheet: 2 and 1).
pub fn measure(text: &str, wide: f64, narrow: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { wide } else { narrow })
        .sum()
}

/// The width of text set in a document: each full-em character `em`, any
/// other `narrow`.
pub fn measure_em(text: &str, em: f64, narrow: f64) -> f64 {
    text.chars()
        .map(|c| if is_full_em(c) { em } else { narrow })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_twice_in_columns_and_quotes_a_full_em_in_print() {
        assert_eq!(measure("放管服ab", 2.0, 1.0), 8.0);
        assert_eq!(measure("“x”", 2.0, 1.0), 3.0);
        assert_eq!(measure_em("“x”", 1.0, 0.5), 2.5);
        assert!(is_cjk('政') && is_cjk('，') && !is_cjk('a'));
    }
}
