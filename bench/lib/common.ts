import fs from 'node:fs'
import path from 'node:path'

/** `--key=value` (or bare `--flag` = 'true') command-line options of a bench script. */
export function benchArgs(): Record<string, string> {
	return Object.fromEntries(
		process.argv.slice(2).map((a) => {
			const [k, v] = a.replace(/^--/, '').split('=')
			return [k!, v ?? 'true']
		}),
	)
}

/** Stops with a hint when there is no production build to serve. */
export function requireBuild(command: string) {
	if (fs.existsSync(path.resolve('build/server/index.js'))) return
	console.error(`No production build found (build/server/index.js). Run \`npm run build\` first, then \`${command}\`.`)
	process.exit(1)
}

/** A deterministic PRNG so two runs build the same data. */
export function rng(seed: number) {
	let s = seed >>> 0
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0
		return s / 2 ** 32
	}
}
