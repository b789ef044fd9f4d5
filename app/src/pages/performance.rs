//! `/about/performance` "性能" (Performance): measures the what-if engine here, in this
//! browser's WASM — the same work as the native criterion benchmark (`cargo bench -p
//! jixiao-domain`): allocating a 100-department province and projecting a 60-indicator
//! department. A slider movement must recompute within one frame (16 ms).

use jixiao_domain::whatif::{department, province, sample};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::locale::{t, t_string, td_string, use_i18n, Locale};

/// One frame at 60 Hz, the budget of a recompute.
const FRAME_MS: f64 = 16.0;
const WARM_UP: usize = 20;
/// Samples taken; each times a batch of recomputes, because the browser's clock is coarse
/// (0.1 ms) next to one recompute.
const SAMPLES: usize = 40;
const BATCH: usize = 50;
const RUNS: usize = SAMPLES * BATCH;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Timing {
    median_ms: f64,
    p95_ms: f64,
}

/// Median and 95th percentile of the samples (sorted in place).
fn summarise(samples: &mut [f64]) -> Timing {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Timing {
        median_ms: at(0.5),
        p95_ms: at(0.95),
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn time(mut work: impl FnMut()) -> Timing {
    for _ in 0..WARM_UP {
        work();
    }
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = now_ms();
            for _ in 0..BATCH {
                work();
            }
            (now_ms() - start) / BATCH as f64
        })
        .collect();
    summarise(&mut samples)
}

fn measure() -> (Timing, Timing) {
    let scenario = sample::province(100);
    let province = time(|| {
        std::hint::black_box(province::allocate(std::hint::black_box(&scenario)).ok());
    });
    let (baseline, changes) = sample::department(60);
    let department = time(|| {
        std::hint::black_box(department::project(&baseline, &changes).ok());
    });
    (province, department)
}

fn ms(value: f64) -> String {
    format!("{value:.4}")
}

#[component]
pub fn PerformancePage() -> impl IntoView {
    let result = RwSignal::new(None::<(Timing, Timing)>);
    let i18n = use_i18n();
    // The work's name and its median's accessible name, in a language.
    type Label = fn(Locale) -> &'static str;
    let row = move |work: Label, median: Label, t: Timing| {
        let locale = move || i18n.get_locale();
        let verdict = move || {
            if t.p95_ms < FRAME_MS {
                t_string!(i18n, whatif.performance.within)
            } else {
                t_string!(i18n, whatif.performance.over)
            }
        };
        view! {
            <tr>
                <th scope="row">{move || work(locale())}</th>
                <td><output aria-label=move || median(locale())>{ms(t.median_ms)}</output></td>
                <td>{ms(t.p95_ms)}</td>
                <td>{verdict}</td>
            </tr>
        }
    };
    let intro = move || {
        t_string!(
            i18n,
            whatif.performance.intro,
            runs = RUNS,
            batch = BATCH,
            warm_up = WARM_UP
        )
        .to_string()
    };
    view! {
        <Title text=move || t_string!(i18n, whatif.performance.title).to_string() />
        <div class="page">
            <h1>{t!(i18n, whatif.performance.title)}</h1>
            <p>{intro}</p>
            <button type="button" class="button" on:click=move |_| result.set(Some(measure()))>
                {t!(i18n, whatif.performance.run)}
            </button>
            {move || result.get().map(|(p, d)| view! {
                <table class="data-table" aria-label=move || t_string!(i18n, whatif.performance.measurements)>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, whatif.performance.work)}</th>
                            <th scope="col">{t!(i18n, whatif.performance.median)}</th>
                            <th scope="col">{t!(i18n, whatif.performance.p95)}</th>
                            <th scope="col">{t!(i18n, whatif.performance.one_frame)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {row(
                            |l| td_string!(l, whatif.performance.province),
                            |l| td_string!(l, whatif.performance.province_median),
                            p,
                        )}
                        {row(
                            |l| td_string!(l, whatif.performance.department),
                            |l| td_string!(l, whatif.performance.department_median),
                            d,
                        )}
                    </tbody>
                </table>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95_of_samples() {
        let mut samples: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let t = summarise(&mut samples);
        assert_eq!(t.median_ms, 51.0);
        assert_eq!(t.p95_ms, 95.0);
    }
}
