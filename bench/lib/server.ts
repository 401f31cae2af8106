import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'

// Starts the production server (server/index.ts on the built app) as a child process, the way
// `npm run serve` does, and reads its memory and CPU from /proc.

export type BenchServer = {
	process: ChildProcess
	pid: number
	origin: string
	logFile: string
	stop: () => Promise<void>
}

function get(url: string): Promise<number> {
	return new Promise((resolve) => {
		const req = http.get(url, (res) => {
			res.resume()
			res.on('end', () => resolve(res.statusCode ?? 0))
		})
		req.on('error', () => resolve(0))
		req.setTimeout(2000, () => req.destroy())
	})
}

export async function startServer(options: { databasePath: string; port: number; logFile: string; nodeArgs?: Array<string>; env?: Record<string, string> }): Promise<BenchServer> {
	const origin = `http://127.0.0.1:${options.port}`
	if ((await get(`${origin}/healthz`)) !== 0) throw new Error(`Something already listens on port ${options.port}; pass --port=<free port>.`)
	const log = fs.openSync(options.logFile, 'w')
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/index.ts'], {
		env: {
			...process.env,
			DATABASE_PATH: options.databasePath,
			PORT: String(options.port),
			HOST: '127.0.0.1',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			SMTP_URL: '',
			...options.env,
		},
		stdio: ['ignore', log, log],
	})
	fs.closeSync(log)
	let exited: number | string | null = null
	const exit = new Promise<void>((resolve) =>
		child.once('exit', (code, signal) => {
			exited = code ?? signal ?? 'unknown'
			resolve()
		}),
	)
	const stop = async () => {
		if (exited !== null) return
		child.kill('SIGTERM')
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
		await exit
		clearTimeout(timer)
	}
	const deadline = Date.now() + 60_000
	while ((await get(`${origin}/healthz`)) !== 200) {
		if (exited !== null) throw new Error(`The server exited (${exited}) before it answered /healthz; see ${options.logFile}:\n${fs.readFileSync(options.logFile, 'utf8').slice(-2000)}`)
		if (Date.now() > deadline) {
			await stop()
			throw new Error(`The server did not answer /healthz within 60 s; see ${options.logFile}`)
		}
		await new Promise((r) => setTimeout(r, 200))
	}
	return { process: child, pid: child.pid!, origin, logFile: options.logFile, stop }
}

/** VmHWM (peak resident set) and VmRSS of a process, in MB. */
export function memoryOf(pid: number): { peakRssMb: number; rssMb: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
	const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
	return { peakRssMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) }
}

/**
 * Resets the kernel's peak-RSS counter (VmHWM) so the next reading is the peak of one scenario.
 * Writing 5 to clear_refs needs the same user (or root) and Linux ≥ 4.0; returns false if refused.
 */
export function resetPeakRss(pid: number): boolean {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
		return true
	} catch {
		return false
	}
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
	// Fields after the ")" of the command name: state is field 3, utime 14, stime 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
	const ticks = Number(fields[11]) + Number(fields[12])
	return ticks / 100 // USER_HZ is 100 on Linux
}

/** Busy CPU seconds of the whole machine (all cores) so far, from /proc/stat. */
export function machineBusySeconds(): number {
	const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
	// user nice system idle iowait irq softirq steal …: busy = everything but idle and iowait.
	const busy = cpu.reduce((a, b) => a + b, 0) - (cpu[3] ?? 0) - (cpu[4] ?? 0)
	return busy / 100
}

/** Waits until the process uses under 5 % of a core for half a second (abandoned requests finished). */
export async function waitForIdle(pid: number, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		const before = cpuSecondsOf(pid)
		await new Promise((r) => setTimeout(r, 500))
		if (cpuSecondsOf(pid) - before < 0.025) return true
	}
	return false
}

/**
 * On a shared 2-core machine other work (builds, browsers) distorts latency. Waits until the
 * whole machine uses under `maxCores` for a 2-second window, at most `timeoutMs`; returns the
 * last measured load (cores busy).
 */
export async function waitForQuietMachine(maxCores = 0.3, timeoutMs = 120_000): Promise<{ quiet: boolean; cores: number }> {
	const deadline = Date.now() + timeoutMs
	let cores = Number.NaN
	do {
		const before = machineBusySeconds()
		await new Promise((r) => setTimeout(r, 2000))
		cores = (machineBusySeconds() - before) / 2
		if (cores < maxCores) return { quiet: true, cores }
	} while (Date.now() < deadline)
	return { quiet: false, cores }
}

/** The direct children of a process (the cluster workers of the server), from /proc. */
export function childPids(pid: number): Array<number> {
	try {
		return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
	} catch {
		// no children file (older kernel) or the process ended: count the process alone
		return []
	}
}

/** CPU seconds of the server and its cluster workers: in cluster mode the workers do the requests. */
export function treeCpuSeconds(pid: number): number {
	return cpuSecondsOf(pid) + childPids(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0)
}

/** Peak RSS of the server and its workers together, in MB. */
export function treePeakRssMb(pid: number): number {
	return [pid, ...childPids(pid)].reduce((sum, p) => sum + memoryOf(p).peakRssMb, 0)
}

/** Resets the peak RSS of the server and its workers; false when the kernel does not allow it. */
export function resetTreePeakRss(pid: number): boolean {
	return [pid, ...childPids(pid)].map((p) => resetPeakRss(p)).every(Boolean)
}
