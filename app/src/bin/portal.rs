//! The public portal: published results for citizens, a small WASM of its own.

fn main() {
    jixiao_app::start_portal();
}
