//! The what-if engine, natively: a 100-department province allocation and a 60-indicator
//! department projection — the same work the browser does on every slider movement (the
//! app's performance page measures it in WASM). `cargo bench -p jixiao-domain`.

use criterion::{criterion_group, criterion_main, Criterion};
use jixiao_domain::whatif::{department, province, sample};
use std::hint::black_box;

fn engine(c: &mut Criterion) {
    let scenario = sample::province(100);
    c.bench_function("province allocation, 100 departments", |b| {
        b.iter(|| province::allocate(black_box(&scenario)).unwrap())
    });
    let (baseline, changes) = sample::department(60);
    c.bench_function("department projection, 60 indicators", |b| {
        b.iter(|| department::project(black_box(&baseline), black_box(&changes)).unwrap())
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
