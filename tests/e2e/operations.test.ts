import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { expect, test } from './fixtures.ts'

// Starts a second production server on its own port and database, as an operator would.
function startServer(env: Record<string, string>) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout.on('data', (d) => (output += String(d)))
	child.stderr.on('data', (d) => (output += String(d)))
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
	return { child, exited, output: () => output }
}

test('the server honours PORT and HOST, answers /healthz and shuts down cleanly on SIGTERM', async () => {
	const dir = `tests/.tmp/ops-${process.pid}`
	fs.rmSync(dir, { recursive: true, force: true })
	const server = startServer({ PORT: '3187', HOST: '127.0.0.1', DATABASE_PATH: `${dir}/app.db` })
	await expect
		.poll(async () => (await fetch('http://127.0.0.1:3187/healthz').catch(() => null))?.status, { timeout: 20_000 })
		.toBe(200)
	expect(await (await fetch('http://127.0.0.1:3187/healthz')).json()).toEqual({ status: 'ok' })
	// a fresh database was migrated at start
	expect(fs.existsSync(`${dir}/app.db`)).toBe(true)
	server.child.kill('SIGTERM')
	expect(await server.exited).toBe(0)
	expect(server.output()).toContain('"msg":"stopped"')
	fs.rmSync(dir, { recursive: true, force: true })
})

test('a bad environment stops the server with one clear line per variable', async () => {
	const server = startServer({ PORT: 'abc', SMTP_URL: 'mail.example.hu' })
	expect(await server.exited).toBe(1)
	expect(server.output()).toContain('Invalid environment configuration')
	expect(server.output()).toMatch(/PORT: must be a number/)
	expect(server.output()).toMatch(/SMTP_URL: must start with smtp:\/\//)
})
