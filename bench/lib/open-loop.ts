import http from 'node:http'

// An open-loop HTTP load generator: request i is *scheduled* at start + i / rate, whether or
// not earlier requests have answered, and its latency is measured from that scheduled moment.
// A slow server therefore shows up as growing latency (queueing) instead of silently lowering
// the offered load, which is the "coordinated omission" a closed loop (N workers waiting for
// their own responses) suffers from. Only node:http with a keep-alive agent: no dependency.

export type RequestSpec = {
	method: 'GET' | 'POST'
	path: string
	headers?: Record<string, string>
	body?: string | Buffer
}

export type ResponseInfo = { status: number; headers: http.IncomingHttpHeaders; bytes: number }

/** `true` for a success; anything else is an error label (counted, a few kept as samples). */
export type Check = (res: ResponseInfo, index: number) => true | string

export type OpenLoopOptions = {
	/** e.g. http://127.0.0.1:3900 */
	origin: string
	/** Offered arrival rate, requests per second. */
	rate: number
	/** Requests scheduled during the warm-up are sent but not measured. */
	warmupMs: number
	/** Measured window after the warm-up. */
	durationMs: number
	/** Builds the i-th request (i counts from 0 across warm-up and measurement). */
	request: (index: number) => RequestSpec
	check: Check
	/** A request without a response after this long is an error ('timeout'). */
	timeoutMs?: number
	/** Upper bound of concurrent sockets; requests beyond it wait in the agent's queue (and that wait counts). */
	maxSockets?: number
	/**
	 * After the last request is sent, wait at most this long for the rest; whatever is still open
	 * then is aborted and counted as 'timeout' (an overloaded server would otherwise keep the
	 * benchmark waiting for minutes).
	 */
	drainTimeoutMs?: number
}

export type OpenLoopResult = {
	offeredRate: number
	durationS: number
	sent: number
	/** Measured requests (scheduled inside the measured window). */
	measured: number
	ok: number
	errors: number
	errorKinds: Record<string, number>
	errorSamples: Array<string>
	/** Successful responses per second over the measured window (until its last response). */
	achievedRate: number
	latencyMs: { p50: number; p90: number; p95: number; p99: number; max: number; mean: number }
	/** How late the generator itself sent requests (p99 and max, ms): a busy generator inflates latency. */
	sendLagMs: { p99: number; max: number }
	meanResponseBytes: number
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return Number.NaN
	const rank = Math.ceil((p / 100) * sorted.length) - 1
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits))

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
	const { origin, rate, warmupMs, durationMs, request, check } = options
	const timeoutMs = options.timeoutMs ?? 15_000
	const url = new URL(origin)
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 512, maxFreeSockets: options.maxSockets ?? 512, scheduling: 'fifo' })
	const interval = 1000 / rate
	const total = Math.round(((warmupMs + durationMs) / 1000) * rate)
	const firstMeasured = Math.round((warmupMs / 1000) * rate)

	const latencies: Array<number> = []
	const lags: Array<number> = []
	const errorKinds: Record<string, number> = {}
	const errorSamples: Array<string> = []
	let ok = 0
	let errors = 0
	let bytes = 0
	let lastMeasuredDone = 0
	let pending = 0
	let sent = 0
	let resolveDrained: (() => void) | null = null
	const inFlight = new Set<{ abort: () => void }>()

	const start = performance.now() + 20
	const measureStart = start + firstMeasured * interval

	function fail(index: number, kind: string, detail: string) {
		if (index < firstMeasured) return
		errors++
		errorKinds[kind] = (errorKinds[kind] ?? 0) + 1
		if (errorSamples.length < 5) errorSamples.push(`${kind}: ${detail}`.slice(0, 300))
	}

	function finish(index: number, scheduled: number, outcome: { res?: ResponseInfo; kind?: string; detail?: string }) {
		const done = performance.now()
		pending--
		if (index >= firstMeasured) {
			latencies.push(done - scheduled)
			lastMeasuredDone = Math.max(lastMeasuredDone, done)
			if (outcome.res) {
				bytes += outcome.res.bytes
				const verdict = check(outcome.res, index)
				if (verdict === true) ok++
				else fail(index, verdict, `HTTP ${outcome.res.status} ${outcome.res.headers.location ?? ''}`)
			} else {
				fail(index, outcome.kind ?? 'network', outcome.detail ?? '')
			}
		}
		if (pending === 0 && sent === total) resolveDrained?.()
	}

	function fire(index: number, scheduled: number) {
		const spec = request(index)
		const headers: Record<string, string> = { ...spec.headers }
		if (spec.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(spec.body))
		if (index >= firstMeasured) lags.push(performance.now() - scheduled)
		pending++
		sent++
		let settled = false
		const handle = { abort: () => {} }
		const settle = (outcome: { res?: ResponseInfo; kind?: string; detail?: string }) => {
			if (settled) return
			settled = true
			inFlight.delete(handle)
			finish(index, scheduled, outcome)
		}
		const req = http.request(
			{ host: url.hostname, port: url.port, method: spec.method, path: spec.path, headers, agent },
			(res) => {
				let size = 0
				res.on('data', (chunk: Buffer) => (size += chunk.length))
				res.on('end', () => settle({ res: { status: res.statusCode ?? 0, headers: res.headers, bytes: size } }))
				res.on('error', (error) => settle({ kind: 'network', detail: error.message }))
			},
		)
		req.setTimeout(timeoutMs, () => {
			req.destroy(new Error('timeout'))
			settle({ kind: 'timeout', detail: `no response within ${timeoutMs} ms` })
		})
		req.on('error', (error) => settle({ kind: 'network', detail: error.message }))
		handle.abort = () => {
			settle({ kind: 'timeout', detail: 'still open when the drain timeout ended the run' })
			req.destroy()
		}
		inFlight.add(handle)
		if (spec.body !== undefined) req.end(spec.body)
		else req.end()
	}

	const drained = new Promise<void>((resolve) => (resolveDrained = resolve))
	await new Promise<void>((resolve) => {
		let next = 0
		const tick = () => {
			const now = performance.now()
			while (next < total && start + next * interval <= now) {
				fire(next, start + next * interval)
				next++
			}
			if (next >= total) return resolve()
			// setTimeout has ~1 ms granularity; firing everything that is due catches up after a late tick.
			setTimeout(tick, Math.max(0, Math.floor(start + next * interval - performance.now())))
		}
		setTimeout(tick, Math.max(0, start - performance.now()))
	})
	if (pending > 0) {
		let timer: NodeJS.Timeout | undefined
		await Promise.race([drained, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.drainTimeoutMs ?? 20_000)))])
		clearTimeout(timer)
		for (const open of [...inFlight]) open.abort()
	}
	agent.destroy()

	const sorted = Float64Array.from(latencies).sort()
	const sortedLags = Float64Array.from(lags).sort()
	const measured = total - firstMeasured
	const windowMs = Math.max(durationMs, lastMeasuredDone - measureStart)
	return {
		offeredRate: rate,
		durationS: durationMs / 1000,
		sent,
		measured,
		ok,
		errors,
		errorKinds,
		errorSamples,
		achievedRate: round(ok / (windowMs / 1000)),
		latencyMs: {
			p50: round(percentile(sorted, 50)),
			p90: round(percentile(sorted, 90)),
			p95: round(percentile(sorted, 95)),
			p99: round(percentile(sorted, 99)),
			max: round(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
			mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
		},
		sendLagMs: { p99: round(percentile(sortedLags, 99)), max: round(sortedLags.length ? sortedLags[sortedLags.length - 1]! : Number.NaN) },
		meanResponseBytes: Math.round(bytes / Math.max(1, latencies.length)),
	}
}
