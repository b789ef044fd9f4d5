//! A lamp, always as a shape AND a word (never colour alone): red ■ square, yellow ▲
//! triangle, green ● circle, blue ◆ diamond ("target may be set too low"), none ○ ring.

use jixiao_domain::lamps::Lamp;
use leptos::prelude::*;

use crate::locale::pick;

/// Fill colour of a lamp's shape (an SVG presentation attribute, allowed by the CSP).
pub const fn lamp_fill(lamp: Lamp) -> &'static str {
    match lamp {
        Lamp::Red => "#c62828",
        Lamp::Yellow => "#e0a800",
        Lamp::Green => "#2e7d32",
        Lamp::Blue => "#1565c0",
        Lamp::None => "none",
    }
}

/// The shape of `lamp`, drawn in a 12×12 box (for icons and chart legends).
#[component]
pub fn LampShape(lamp: Lamp) -> impl IntoView {
    let fill = lamp_fill(lamp);
    let shape = match lamp {
        Lamp::Red => view! { <rect x="1.5" y="1.5" width="9" height="9" fill=fill stroke="#000" stroke-opacity="0.4" /> }.into_any(),
        Lamp::Yellow => view! { <polygon points="6,0.8 11.4,11 0.6,11" fill=fill stroke="#000" stroke-opacity="0.4" /> }.into_any(),
        Lamp::Green => view! { <circle cx="6" cy="6" r="5" fill=fill stroke="#000" stroke-opacity="0.4" /> }.into_any(),
        Lamp::Blue => view! { <polygon points="6,0.5 11.5,6 6,11.5 0.5,6" fill=fill stroke="#000" stroke-opacity="0.4" /> }.into_any(),
        Lamp::None => view! { <circle cx="6" cy="6" r="4.5" fill="none" stroke="#5a6778" stroke-width="1.5" /> }.into_any(),
    };
    view! {
        <svg class="lamp-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
            {shape}
        </svg>
    }
}

/// A lamp as shown everywhere: its shape, then its name in Chinese and English.
#[component]
pub fn LampBadge(lamp: Lamp) -> impl IntoView {
    view! {
        <span class=format!("lamp lamp-is-{}", lamp.as_str())>
            <LampShape lamp />
            <span class="lamp-word">{move || pick(lamp.label_zh(), lamp.label_en())}</span>
        </span>
    }
}

/// Rank for sorting, worst first: red, yellow, green, blue, none.
pub const fn lamp_rank(lamp: Lamp) -> u8 {
    match lamp {
        Lamp::Red => 0,
        Lamp::Yellow => 1,
        Lamp::Green => 2,
        Lamp::Blue => 3,
        Lamp::None => 4,
    }
}

/// Lamps in the order they are counted and charted.
pub const LAMP_ORDER: [Lamp; 5] = [Lamp::Red, Lamp::Yellow, Lamp::Green, Lamp::Blue, Lamp::None];

/// The count of `lamp` in `counts`.
pub fn count_of(counts: &jixiao_domain::dto::monitoring::LampCounts, lamp: Lamp) -> usize {
    match lamp {
        Lamp::Red => counts.red,
        Lamp::Yellow => counts.yellow,
        Lamp::Green => counts.green,
        Lamp::Blue => counts.blue,
        Lamp::None => counts.none,
    }
}
