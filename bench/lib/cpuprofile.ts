import fs from 'node:fs'
import path from 'node:path'

// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by package,
// enough to see where a request's CPU goes without opening DevTools.
//   tsx bench/lib/cpuprofile.ts bench/.tmp/prof/<file>.cpuprofile [top]

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: Array<number> }
type Profile = { nodes: Array<Node>; samples: Array<number>; timeDeltas: Array<number>; startTime: number; endTime: number }

function packageOf(url: string): string {
	if (!url) return '(native/idle/gc)'
	const nm = url.lastIndexOf('node_modules/')
	if (nm !== -1) {
		const rest = url.slice(nm + 'node_modules/'.length).split('/')
		return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
	}
	if (url.startsWith('node:')) return 'node:core'
	if (url.includes('/build/server/')) return 'app (build/server)'
	return path.relative(process.cwd(), url.replace(/^file:\/\//, '')) || url
}

export function summarize(file: string, top = 25) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
	const byId = new Map(profile.nodes.map((n) => [n.id, n]))
	const selfUs = new Map<number, number>()
	profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
	const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
	const byFunction = new Map<string, number>()
	const byPackage = new Map<string, number>()
	for (const [id, us] of selfUs) {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame
		const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')}:${lineNumber + 1}` : ''}`
		byFunction.set(key, (byFunction.get(key) ?? 0) + us)
		const pkg = functionName === '(idle)' ? '(idle)' : packageOf(url)
		byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us)
	}
	const fmt = (entries: Map<string, number>) =>
		[...entries]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)
			.join('\n')
	return `Total sampled: ${(total / 1e6).toFixed(1)} s\n\nSelf time by package:\n${fmt(byPackage)}\n\nSelf time by function:\n${fmt(byFunction)}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.argv[2]
	if (!file) {
		console.error('usage: tsx bench/lib/cpuprofile.ts <file.cpuprofile> [top]')
		process.exit(1)
	}
	console.log(summarize(file, Number(process.argv[3] ?? 25)))
}
