//! The officials' app: everything lives in the `jixiao_app` library.

fn main() {
    jixiao_app::start_app();
}
