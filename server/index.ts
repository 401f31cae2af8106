import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import type { ServerBuild } from 'react-router'
import { pruneLoginAttempts } from '#app/modules/auth/login.server.ts'
import { deleteExpiredSessions } from '#app/modules/auth/session.server.ts'
import { deliverDueMail } from '#app/modules/mail/outbox.server.ts'
import { smtpTransport } from '#app/modules/mail/smtp.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { sameOriginOnly, securityHeaders } from './security.ts'

const BUILD_DIR = path.resolve(process.cwd(), 'build')

/** Serves the production build: migrations first, then HTTP, background jobs, graceful shutdown. */
export async function startServer() {
	const env = getEnv()
	// The server keeps its own connection for background jobs; request handling uses the
	// app's lazily created client. Two connections to one WAL database are fine.
	const db = openDb(env.DATABASE_PATH)
	migrateDb(db)

	const build = (await import(pathToFileURL(path.join(BUILD_DIR, 'server/index.js')).href)) as ServerBuild
	const app = express()
	app.disable('x-powered-by')
	if (env.TRUST_PROXY) app.set('trust proxy', true)
	app.use(compression())
	app.use(
		'/assets',
		express.static(path.join(BUILD_DIR, 'client/assets'), { immutable: true, maxAge: '1y' }),
	)
	app.use(express.static(path.join(BUILD_DIR, 'client'), { maxAge: '1h' }))
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
	app.all(
		'/{*splat}',
		createRequestHandler({
			build,
			mode: 'production',
			getLoadContext: (req, res) => ({ nonce: String(res.locals.nonce), clientIp: req.ip ?? 'unknown' }),
		}),
	)

	const timers: Array<NodeJS.Timeout> = []
	if (env.SMTP_URL) {
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
	}
	housekeeping()
	timers.push(setInterval(housekeeping, 60 * 60 * 1000))

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await startServer()
}
