//! Moving the keyboard focus to an element that is about to be drawn (an opened panel, the
//! first field with an error).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` on the next frame, once the view shows it.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
