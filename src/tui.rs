//! Terminal set-up, restore and the event loop.

use crate::story::Story;

/// Opens the reader on `story`.
pub fn run(_story: Story) -> anyhow::Result<()> {
    anyhow::bail!("the reader is not built yet; use `diverge diff`")
}
