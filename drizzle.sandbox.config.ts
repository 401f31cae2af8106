import { defineConfig } from 'drizzle-kit'

/** Sandbox files (one SQLite file per learner sandbox) have their own schema and migrations. */
export default defineConfig({
	dialect: 'sqlite',
	schema: './sandbox/schema/*.ts',
	out: './sandbox/migrations',
})
