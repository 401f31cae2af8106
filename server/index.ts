import cluster from 'node:cluster'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import type { ServerBuild } from 'react-router'
import { pruneLoginAttempts } from '#app/modules/auth/login.server.ts'
import { deleteExpiredSessions } from '#app/modules/auth/session.server.ts'
import { labParameters } from '#app/modules/lab/parameters.ts'
import { prepareUpcomingLabs } from '#app/modules/lab/trainer.server.ts'
import { certificationHousekeeping } from '#app/modules/certification/certificates.server.ts'
import { deliverDueMail } from '#app/modules/mail/outbox.server.ts'
import { smtpTransport } from '#app/modules/mail/smtp.server.ts'
import { trainingHousekeeping } from '#app/modules/training/housekeeping.server.ts'
import { readinessHousekeeping } from '#app/modules/readiness/snapshots.server.ts'
import { BROTLI_QUALITY, GZIP_LEVEL } from '#app/utils/document-encoding.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { drainUnreadBody, limitBodySize, sameOriginOnly, securityHeaders } from './security.ts'

const BUILD_DIR = path.resolve(process.cwd(), 'build')

/**
 * Serves the production build: migrations first, then HTTP, background jobs, graceful shutdown.
 * In cluster mode each worker calls this with `background` only on the first worker, so mail is
 * sent and housekeeping runs once per node.
 */
export async function startServer(options: { background?: boolean } = {}) {
	const env = getEnv()
	const background = options.background ?? true
	// The server keeps its own connection for background jobs; request handling uses the
	// app's lazily created client. Two connections to one WAL database are fine.
	const db = openDb(env.DATABASE_PATH)
	migrateDb(db)

	const build = (await import(pathToFileURL(path.join(BUILD_DIR, 'server/index.js')).href)) as ServerBuild
	const app = express()
	app.disable('x-powered-by')
	if (env.TRUST_PROXY) app.set('trust proxy', true)
	// Data requests, assets and small answers. Documents arrive compressed from entry.server.tsx
	// (compressDocument), and the middleware leaves an encoded body alone; both use the same levels.
	app.use(compression({ level: GZIP_LEVEL, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }))
	app.use(
		'/assets',
		express.static(path.join(BUILD_DIR, 'client/assets'), { immutable: true, maxAge: '1y' }),
	)
	// Only paths that name a file can be one: skipping the stat() for page URLs saves a syscall and
	// serve-static's error path on every page request (bench/learning.ts).
	const publicFiles = express.static(path.join(BUILD_DIR, 'client'), { maxAge: '1h' })
	app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()))
	app.use((req, res, next) => {
		const start = performance.now()
		res.on('finish', () => {
			if (req.path === '/healthz') return
			logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - start) }, 'request')
		})
		next()
	})
	app.use(securityHeaders)
	app.use(sameOriginOnly)
	app.use(limitBodySize)
	app.use(drainUnreadBody)
	app.all(
		'/{*splat}',
		createRequestHandler({
			build,
			mode: 'production',
			getLoadContext: (req, res) => ({ nonce: String(res.locals.nonce), clientIp: req.ip ?? 'unknown' }),
		}),
	)

	const timers: Array<NodeJS.Timeout> = []
	if (!background) {
		// another worker of this node sends mail and does the housekeeping
	} else if (env.SMTP_URL) {
		const transport = smtpTransport(env.SMTP_URL, env.MAIL_FROM)
		let busy = false
		timers.push(
			setInterval(() => {
				if (busy) return
				busy = true
				deliverDueMail(db, transport, Date.now())
					.catch((error: unknown) => logger.error({ err: error }, 'outbox delivery failed'))
					.finally(() => (busy = false))
			}, 10_000),
		)
	} else {
		logger.info('SMTP_URL is not set: mail stays in the outbox, readable by admins at /outbox')
	}
	const housekeeping = () => {
		const now = Date.now()
		deleteExpiredSessions(db, now)
		pruneLoginAttempts(db, now)
		certificationHousekeeping(db, now)
		readinessHousekeeping(db, now)
	}
	// Seat offers have windows of hours, so lapsed ones must pass on within minutes, not an hour.
	const training = () => {
		try {
			const result = trainingHousekeeping(db, Date.now())
			if (result.expired.length || result.reminded.length) logger.info({ expired: result.expired.length, offered: result.offeredTo.length, reminded: result.reminded.length }, 'training housekeeping')
		} catch (error) {
			logger.error({ err: error }, 'training housekeeping failed')
		}
	}
	if (background) {
		housekeeping()
		training()
		timers.push(setInterval(housekeeping, 60 * 60 * 1000))
		timers.push(setInterval(training, 5 * 60 * 1000))
		// the lab's hot start: sandboxes for every learner and planned exercise before the start (issue 9)
		let preparing = false
		timers.push(
			setInterval(() => {
				if (preparing) return
				preparing = true
				prepareUpcomingLabs(db, Date.now())
					.catch((error: unknown) => logger.error({ err: error }, 'preparing labs failed'))
					.finally(() => (preparing = false))
			}, labParameters(Date.now()).prepareEveryMs),
		)
	}

	const server = app.listen(env.PORT, env.HOST, () => {
		logger.info({ url: `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}` }, 'ASP Akadémia is listening')
	})

	let stopping = false
	function shutdown(signal: string) {
		if (stopping) return
		stopping = true
		logger.info({ signal }, 'shutting down')
		for (const timer of timers) clearInterval(timer)
		// Stop accepting connections, let in-flight requests finish, then close the database.
		server.close(() => {
			db.$client.close()
			logger.info('stopped')
			process.exit(0)
		})
		server.closeIdleConnections()
		setTimeout(() => process.exit(1), 10_000).unref()
	}
	process.on('SIGTERM', () => shutdown('SIGTERM'))
	process.on('SIGINT', () => shutdown('SIGINT'))
	return server
}

/**
 * One process per core: Node renders on one thread, so a 2-core machine serves about twice
 * as many pages with two workers sharing the port. SQLite in WAL mode takes writes from all.
 */
export async function startNode(): Promise<{ onListening: (callback: () => void) => void }> {
	const env = getEnv()
	const workers = env.WEB_CONCURRENCY ?? (process.env.NODE_ENV === 'production' ? os.availableParallelism() : 1)
	if (workers <= 1 || !cluster.isPrimary) {
		const server = await startServer({ background: cluster.isPrimary || process.env.ASP_WORKER_INDEX === '0' })
		return { onListening: (callback) => (server.listening ? callback() : server.once('listening', callback)) }
	}
	// Migrate once before the workers start, so they never race on the schema.
	const db = openDb(env.DATABASE_PATH)
	migrateDb(db)
	db.$client.close()
	// Workers run this module, not the script that started the primary (which seeds and builds).
	cluster.setupPrimary({ exec: path.resolve('server/index.ts') })
	let stopping = false
	const fork = (index: number) => {
		const worker = cluster.fork({ ASP_WORKER_INDEX: String(index) })
		worker.on('exit', (code, signal) => {
			if (stopping) return
			logger.error({ index, code, signal }, 'worker died; starting a new one')
			fork(index)
		})
		return worker
	}
	const forked = Array.from({ length: workers }, (_, i) => fork(i))
	function shutdown(signal: string) {
		if (stopping) return
		stopping = true
		logger.info({ signal, workers: forked.length }, 'shutting down')
		let alive = Object.keys(cluster.workers ?? {}).length
		if (alive === 0) process.exit(0)
		cluster.on('exit', () => {
			alive--
			if (alive === 0) {
				logger.info('stopped')
				process.exit(0)
			}
		})
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
		setTimeout(() => process.exit(1), 12_000).unref()
	}
	process.on('SIGTERM', () => shutdown('SIGTERM'))
	process.on('SIGINT', () => shutdown('SIGINT'))
	let listening = 0
	const callbacks: Array<() => void> = []
	cluster.on('listening', () => {
		listening++
		if (listening === workers) for (const callback of callbacks) callback()
	})
	return { onListening: (callback) => (listening >= workers ? callback() : callbacks.push(callback)) }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await startNode()
}
