import { and, eq, gt, max } from 'drizzle-orm'
import { getDb, type Db } from '#db/client.server.ts'
import { labEvents } from '#db/schema/lab.ts'
import type { LabEvent } from './events.ts'
import { labEventsAfter } from './log.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { labParameters } from './parameters.ts'

// Server-sent events for the lab (ADR 015). Any worker process may serve any board: the log is in
// SQLite, so each process runs one poller that asks "anything new?" (one primary-key lookup) every
// pollMs and, only when there is, reads each watched session's new rows once and fans them out.

type Listener = { sessionId: number; cursor: number; deliver: (events: Array<LabEvent>) => void }

export class LabPoller {
	private readonly listeners = new Map<number, Set<Listener>>()
	private timer: NodeJS.Timeout | null = null
	private seenMax = 0

	constructor(
		private readonly db: () => Db,
		private readonly pollMs: number,
	) {}

	add(listener: Listener) {
		const set = this.listeners.get(listener.sessionId) ?? new Set()
		set.add(listener)
		this.listeners.set(listener.sessionId, set)
		this.timer ??= setInterval(() => {
			// a failed look (a busy database) is retried on the next tick; it must never end the process
			try {
				this.tick()
			} catch (error) {
				logger.warn({ err: error }, 'lab event poll failed')
			}
		}, this.pollMs)
		return () => {
			set.delete(listener)
			if (set.size === 0) this.listeners.delete(listener.sessionId)
			if (this.listeners.size === 0 && this.timer) {
				clearInterval(this.timer)
				this.timer = null
			}
		}
	}

	get size() {
		let n = 0
		for (const set of this.listeners.values()) n += set.size
		return n
	}

	tick() {
		const db = this.db()
		const newest = db.select({ id: max(labEvents.id) }).from(labEvents).get()?.id ?? 0
		if (newest === this.seenMax) return
		this.seenMax = newest
		for (const [sessionId, set] of this.listeners) {
			const from = Math.min(...[...set].map((l) => l.cursor))
			const rows = db
				.select()
				.from(labEvents)
				.where(and(eq(labEvents.sessionId, sessionId), gt(labEvents.id, from)))
				.orderBy(labEvents.id)
				.all() as unknown as Array<LabEvent>
			if (rows.length === 0) continue
			for (const listener of set) {
				const fresh = rows.filter((r) => r.id > listener.cursor)
				if (fresh.length === 0) continue
				listener.cursor = fresh.at(-1)!.id
				listener.deliver(fresh)
			}
		}
	}
}

const globalPoller = globalThis as unknown as { __labPoller?: LabPoller }

export function labPoller(): LabPoller {
	globalPoller.__labPoller ??= new LabPoller(getDb, labParameters(Date.now()).pollMs)
	return globalPoller.__labPoller
}

/** Where a (re)connecting stream starts: the browser's Last-Event-ID, else `?after=` from the page. */
export function resumeId(request: Request): number {
	const header = request.headers.get('Last-Event-ID')
	const query = new URL(request.url).searchParams.get('after')
	for (const v of [header, query]) if (v && /^\d{1,15}$/.test(v)) return Number(v)
	return 0
}

export function wantsEventStream(request: Request): boolean {
	return (request.headers.get('Accept') ?? '').includes('text/event-stream')
}

function frame(event: LabEvent): string {
	return `id: ${event.id}\nevent: lab\ndata: ${JSON.stringify(event)}\n\n`
}

/**
 * An SSE response for one session: first what happened after `afterId` (catch-up), then every new
 * event as the poller finds it; `view` filters or rewrites events for the reader (null = skip).
 * The stream ends when the client goes away.
 */
export function labEventStream(
	request: Request,
	sessionId: number,
	view: (event: LabEvent) => LabEvent | null = (e) => e,
	deps: { db: Db; poller: LabPoller } = { db: getDb(), poller: labPoller() },
): Response {
	const { db, poller } = deps
	const params = labParameters(Date.now())
	const encoder = new TextEncoder()
	let stop = () => {}
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false
			const send = (events: Array<LabEvent>) => {
				if (closed) return
				let chunk = ''
				for (const e of events) {
					const shown = view(e)
					// a skipped event still moves the reader's position, so a reconnect does not ask again
					chunk += shown ? frame(shown) : `id: ${e.id}\n\n`
				}
				if (!chunk) return
				try {
					controller.enqueue(encoder.encode(chunk))
				} catch {
					// the client went away between two ticks
					stop()
				}
			}
			controller.enqueue(encoder.encode(`retry: 1000\n\n`))
			let cursor = resumeId(request)
			for (;;) {
				const batch = labEventsAfter(db, sessionId, cursor, 1000)
				if (batch.length === 0) break
				send(batch)
				cursor = batch.at(-1)!.id
			}
			const remove = poller.add({ sessionId, cursor, deliver: send })
			const heartbeat = setInterval(() => {
				try {
					controller.enqueue(encoder.encode(`: ping\n\n`))
				} catch {
					stop()
				}
			}, params.heartbeatMs)
			heartbeat.unref()
			stop = () => {
				if (closed) return
				closed = true
				clearInterval(heartbeat)
				remove()
				try {
					controller.close()
				} catch {
					// already closed by the client
				}
			}
			request.signal.addEventListener('abort', () => stop(), { once: true })
		},
		cancel() {
			stop()
		},
	})
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			// no-transform keeps the compression middleware from buffering the stream
			'Cache-Control': 'no-cache, no-store, no-transform',
			Connection: 'keep-alive',
			'X-Accel-Buffering': 'no',
		},
	})
}
