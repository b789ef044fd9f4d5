# Jixiao's two commands. Both install whatever is missing first (scripts/setup.sh).
.PHONY: run test app server setup clean
run:            ## Build everything in release mode and serve the demo province at :3000
	@bash scripts/run.sh
test:           ## fmt, clippy, unit + integration tests, release WASM build, Playwright
	@bash scripts/test.sh
app:            ## Only build the browser app (release WASM) into app/dist
	@bash scripts/setup.sh && bash scripts/build-app.sh
setup:          ## Only install the tools
	@bash scripts/setup.sh --test
clean:
	cargo clean && rm -rf app/dist
