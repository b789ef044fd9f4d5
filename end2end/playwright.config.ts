import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';

// The release server on a fresh temporary database (scripts/test.sh passes one; running
// `npx playwright test` by hand gets a new one per run).
const port = process.env.JIXIAO_E2E_PORT ?? '3100';
const db = process.env.JIXIAO_E2E_DB ?? path.join(os.tmpdir(), `jixiao-e2e-${process.pid}.db`);
const root = path.resolve(__dirname, '..');

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0, // a flaky test must show
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    // The pages follow the browser's language until the reader picks one; the specs read
    // the English UI unless they switch (language.spec.ts).
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    command: `${path.join(root, 'target/release/jixiao-server')}`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      JIXIAO_DB: db,
      JIXIAO_ADDR: `127.0.0.1:${port}`,
      JIXIAO_DIST: process.env.JIXIAO_E2E_DIST ?? path.join(root, 'app/dist'),
      JIXIAO_SEED: 'demo',
      RUST_LOG: 'warn',
    },
  },
});
