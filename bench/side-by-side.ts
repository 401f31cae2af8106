import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createSession } from '#app/modules/auth/session.server.ts'
import { openDb } from '#db/client.server.ts'
import { benchArgs, requireBuild } from './lib/common.ts'
import { treeCpuSeconds } from './lib/server.ts'

// CPU per request of two server variants, measured side by side (ADR 019). The host's speed drifts
// by ±15 % over minutes, more than most single changes save, so measuring A, then B, proves little.
// Here both servers run at once on the production build, one request at a time alternates between
// them, and each one's CPU is read from /proc: the drift hits both alike.
//
//   npm run bench:learning                  (once: creates the learners' database used here)
//   npx tsx bench/side-by-side.ts --a=server/index.ts --b=<another server script> [--b-env=K=V,K=V]
//        [--a-encoding=identity] [--b-encoding=br] [--path=/courses/…] [--requests=2000]

const args = benchArgs()
const DB_FILE = 'bench/.tmp/learning/learning.db'
requireBuild('npx tsx bench/side-by-side.ts')
if (!fs.existsSync(DB_FILE)) {
	console.error(`${DB_FILE} is missing: run \`npm run bench:learning\` once first.`)
	process.exit(1)
}
const PATH = args.path ?? '/courses/gazdalkodasi-szakrendszer/kettos-konyvvitel'
const REQUESTS = Number(args.requests ?? 2000)
const ROUNDS = 5

const db = openDb(DB_FILE)
const ids = db.$client.prepare("SELECT id FROM users WHERE email LIKE 'munkatars%' LIMIT 200 OFFSET 5").pluck().all() as Array<number>
const tokens = db.transaction((tx) => ids.map((id) => createSession(tx, id, Date.now(), 'side-by-side').token))

type Variant = { name: string; port: number; encoding: string; child: ChildProcess }
function start(name: string, script: string, port: number, env: string | undefined, encoding: string | undefined): Variant {
	const extra = Object.fromEntries((env ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]))
	const child = spawn(process.execPath, ['--import', 'tsx', script], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: '1', INSECURE_COOKIES: 'true', DATABASE_PATH: DB_FILE, NODE_ENV: 'production', LOG_LEVEL: 'warn', SMTP_URL: '', ...extra },
		stdio: 'inherit',
	})
	return { name, port, encoding: encoding ?? 'gzip, deflate, br', child }
}
const variants = [start('A', args.a ?? 'server/index.ts', 3971, args['a-env'], args['a-encoding']), start('B', args.b ?? 'server/index.ts', 3972, args['b-env'], args['b-encoding'])]

async function hit(v: Variant, i: number) {
	const res = await fetch(`http://127.0.0.1:${v.port}${PATH}`, { headers: { Cookie: `asp_session=${tokens[i % tokens.length]}`, Accept: 'text/html', 'Accept-Language': 'hu-HU', 'Accept-Encoding': v.encoding } })
	const bytes = (await res.arrayBuffer()).byteLength
	if (res.status !== 200) throw new Error(`${v.name}: HTTP ${res.status}`)
	return bytes
}

try {
	for (const v of variants)
		for (let tries = 0; ; tries++) {
			const ok = await fetch(`http://127.0.0.1:${v.port}/healthz`).then((r) => r.ok, () => false)
			if (ok) break
			if (tries > 300) throw new Error(`${v.name} did not start`)
			await new Promise((r) => setTimeout(r, 200))
		}
	// warm both up past the JIT's tiers before measuring
	for (let i = 0; i < 1500; i++) for (const v of variants) await hit(v, i)
	const perRound = Math.floor(REQUESTS / ROUNDS)
	const ms = variants.map(() => [] as Array<number>)
	for (let round = 0; round < ROUNDS; round++) {
		const before = variants.map((v) => treeCpuSeconds(v.child.pid!))
		for (let i = 0; i < perRound; i++) for (const v of variants) await hit(v, i)
		variants.forEach((v, k) => ms[k]!.push((1000 * (treeCpuSeconds(v.child.pid!) - before[k]!)) / perRound))
	}
	const mean = (xs: Array<number>) => xs.reduce((a, b) => a + b, 0) / xs.length
	variants.forEach((v, k) => console.log(`${v.name}: ${ms[k]!.map((x) => x.toFixed(2)).join(' ')} → ${mean(ms[k]!).toFixed(2)} ms CPU per request`))
	console.log(`B/A = ${(mean(ms[1]!) / mean(ms[0]!)).toFixed(3)} (${PATH}, ${perRound * ROUNDS} requests each)`)
} finally {
	for (const v of variants) v.child.kill()
}
