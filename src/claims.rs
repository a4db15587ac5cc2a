//! Quantities and quotes.

use crate::model::{Mention, Quantity, Quote};
use crate::DocText;

#[derive(Debug, Default)]
pub struct Claims {
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quote>,
}

pub fn analyse(_doc: &DocText, _mentions: &[Mention]) -> Claims {
    Claims::default()
}
