//! Left and right as values: every pair of versions, counts, panes and choices is a
//! `Pair<T>` indexed by a `Side`, so code is written once for both sides.

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

/// One of the two versions compared; the key map writes it "left" or "right".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// Both sides, left first.
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    /// "left" or "right", as messages and labels say it.
    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// A value for each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Pair<T> {
    pub left: T,
    pub right: T,
}

impl<T> Pair<T> {
    pub const fn new(left: T, right: T) -> Self {
        Pair { left, right }
    }

    /// A pair built by calling `f` for the left side, then the right.
    pub fn from_fn(mut f: impl FnMut(Side) -> T) -> Self {
        let left = f(Side::Left);
        Pair {
            left,
            right: f(Side::Right),
        }
    }

    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Pair<U> {
        let left = f(self.left);
        Pair {
            left,
            right: f(self.right),
        }
    }

    pub fn as_ref(&self) -> Pair<&T> {
        Pair {
            left: &self.left,
            right: &self.right,
        }
    }

    /// The two values swapped: what was left is now right.
    pub fn swapped(self) -> Self {
        Pair {
            left: self.right,
            right: self.left,
        }
    }
}

impl<T> Index<Side> for Pair<T> {
    type Output = T;

    fn index(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

impl<T> IndexMut<Side> for Pair<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_indexed_by_side() {
        let mut p = Pair::new(1, 2);
        assert_eq!((p[Side::Left], p[Side::Right]), (1, 2));
        p[Side::Right.other()] = 5;
        assert_eq!(p, Pair::new(5, 2));
        assert_eq!(p.swapped(), Pair::new(2, 5));
        assert_eq!(Pair::from_fn(Side::name), Pair::new("left", "right"));
        assert_eq!(p.map(|x| x * 10), Pair::new(50, 20));
    }
}
