//! `/about/performance` "性能 Performance": measures the what-if engine here, in this
//! browser's WASM — the same work as the native criterion benchmark (`cargo bench -p
//! jixiao-domain`): allocating a 100-department province and projecting a 60-indicator
//! department. A slider movement must recompute within one frame (16 ms).

use jixiao_domain::whatif::{department, province, sample};
use leptos::prelude::*;
use leptos_meta::Title;

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
    let row = |label_zh: &'static str, label_en: &'static str, key: &'static str, t: Timing| {
        view! {
            <tr>
                <th scope="row">{label_zh} " " <span lang="en">{label_en}</span></th>
                <td><output aria-label=format!("{key} median ms")>{ms(t.median_ms)}</output></td>
                <td>{ms(t.p95_ms)}</td>
                <td>{if t.p95_ms < FRAME_MS { "✓ 一帧内 within a frame" } else { "✗ 超过一帧 over a frame" }}</td>
            </tr>
        }
    };
    view! {
        <Title text="性能 Performance" />
        <div class="page">
            <h1>"性能 " <span class="h1-en" lang="en">"Performance"</span></h1>
            <p>
                "情景模拟在浏览器中运行。此处测量本设备上每次重算所需时间。 "
                <span lang="en">
                    "What-if runs in your browser. This measures how long one recompute takes on this device ("
                    {RUNS} " runs in batches of " {BATCH} ", after " {WARM_UP} " warm-up runs); one frame is 16 ms."
                </span>
            </p>
            <button type="button" class="button" on:click=move |_| result.set(Some(measure()))>
                "运行测量 " <span lang="en">"Run the measurement"</span>
            </button>
            {move || result.get().map(|(p, d)| view! {
                <table class="data-table" aria-label="测量结果 Measurements">
                    <thead>
                        <tr>
                            <th scope="col">"计算 " <span lang="en">"Work"</span></th>
                            <th scope="col">"中位数 ms " <span lang="en">"Median ms"</span></th>
                            <th scope="col">"95% ms"</th>
                            <th scope="col">"一帧 16 ms " <span lang="en">"One frame"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {row("全省重算（100个部门）", "Province recompute (100 departments)", "province", p)}
                        {row("部门重算（60项指标）", "Department recompute (60 indicators)", "department", d)}
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
