//! Labels of the model's values, in the run's language: what people read
//! where the model holds an enum.

use crate::text::i18n::{Message, msg};

impl crate::num::NumError {
    /// What is wrong or what to write, to place in a message about the cell.
    pub fn explain(self) -> Message {
        match self {
            crate::num::NumError::Empty => msg!("num-empty"),
            crate::num::NumError::NotADecimal => msg!("num-not-decimal"),
            crate::num::NumError::TooManyDigits => msg!("num-too-many-digits"),
        }
    }
}
