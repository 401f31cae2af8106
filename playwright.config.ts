import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const E2E_DIR = `tests/.tmp/e2e-${PORT}`
// Test workers inherit this, so fixtures open the same database file as the server.
process.env.E2E_DATABASE_PATH = `${E2E_DIR}/app.db`

export default defineConfig({
	testDir: './tests/e2e',
	// Tests share one server and database; each creates the users and records it needs.
	fullyParallel: false,
	workers: 2,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	timeout: 30_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			// Debian's Chromium, never a downloaded browser (stack-notes.md).
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		},
	},
	webServer: {
		command: `rm -rf ${E2E_DIR} && node --import tsx scripts/start.ts --skip-build`,
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			DATABASE_PATH: `${E2E_DIR}/app.db`,
			SANDBOX_DIR: `${E2E_DIR}/sandboxes`,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			APP_URL: `http://127.0.0.1:${PORT}`,
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
		},
	},
})
