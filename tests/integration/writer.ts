import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const CHILD = fileURLToPath(new URL('./crash-writer.child.ts', import.meta.url))

/**
 * Starts the writer child (tests/integration/crash-writer.child.ts) and collects the writes it
 * acknowledged. `acks(n)` resolves once n writes were acknowledged; `kill()` sends SIGKILL and
 * resolves with every acknowledgement received before the process died.
 */
export function startWriter(job: object) {
	const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] })
	const acked: Array<string> = []
	const waiting: Array<{ n: number; resolve: () => void }> = []
	let finished = false
	let buffer = ''
	child.stdout.on('data', (chunk: Buffer) => {
		buffer += chunk.toString()
		const lines = buffer.split('\n')
		buffer = lines.pop()!
		for (const line of lines) {
			if (line === 'done') finished = true
			else acked.push(line.slice('ack '.length))
		}
		for (const w of waiting.filter((w) => acked.length >= w.n)) w.resolve()
	})
	const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
	return {
		acked,
		acks: (n: number) => new Promise<void>((resolve) => (acked.length >= n ? resolve() : waiting.push({ n, resolve }))),
		/** `mustBeRunning`: the test is about a kill in mid-stream, so finishing first is a failure. */
		async kill(mustBeRunning = true) {
			child.kill('SIGKILL')
			const signal = await exited
			if (mustBeRunning && (finished || signal !== 'SIGKILL')) throw new Error('the writer finished before it was killed')
			return [...acked]
		},
	}
}
