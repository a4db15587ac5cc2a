//! Dated happenings merged into one timeline across sources.

use crate::claims::Claims;
use crate::model::{Mention, Time, TimelineItem};
use crate::DocText;

pub fn timeline(_docs: &[DocText], _mentions: &[Vec<Mention>], _times: &[Vec<Time>], _claims: &[Claims]) -> Vec<TimelineItem> {
    Vec::new()
}
