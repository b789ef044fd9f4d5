//! Renders a [`LocalResource`] of an API call: loading → value, or error with Retry.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::error::ErrorState;
use crate::components::loading::Loading;

/// Clears the resource (so the loading state shows again) and runs its fetcher anew.
pub fn retry<T: Send + Sync + 'static>(resource: LocalResource<T>) {
    resource.set(None);
    resource.refetch();
}

/// A view of `resource`: [`Loading`] while nothing has arrived, `render(value)` on success,
/// [`ErrorState`] with a working Retry on failure. `on_error` may claim some errors first
/// (e.g. a 404 shown as "not found") by returning a view.
pub fn fetched<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
    on_error: impl Fn(&ApiError) -> Option<AnyView> + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(value)) => render(value).into_any(),
        Some(Err(error)) => on_error(&error).unwrap_or_else(|| {
            view! { <ErrorState error on_retry=move || retry(resource) /> }.into_any()
        }),
    }
}
