import { defineConfig } from 'vitest/config'

// The React Router Vite plugin is deliberately not loaded here (stack-notes.md).
export default defineConfig({
	test: {
		environment: 'node',
		pool: 'forks',
		include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'sandbox/**/*.test.ts', 'tests/integration/**/*.test.ts', 'scripts/**/*.test.ts'],
		setupFiles: ['./tests/setup/setup-test-env.ts'],
		restoreMocks: true,
	},
})
