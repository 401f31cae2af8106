import { spawnSync } from 'node:child_process'
import { getEnv } from '#app/utils/env.server.ts'
import { demoLoginsText } from '#db/seed/demo.server.ts'
import { prepareDb } from './prepare-db.ts'

// `npm start`: migrate, seed an empty database, build, serve. `--skip-build` reuses build/ (e2e harness).
process.env.NODE_ENV ??= 'production'
const env = getEnv()
await prepareDb()
if (!process.argv.includes('--skip-build')) {
	console.log('Building the application…')
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
	if (result.status !== 0) process.exit(result.status ?? 1)
}
const { startNode } = await import('../server/index.ts')
const node = await startNode()
function announce() {
	const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST
	console.log(`\nASP Akadémia is running on http://${host}:${env.PORT}\n\n${demoLoginsText()}\n`)
}
node.onListening(announce)
