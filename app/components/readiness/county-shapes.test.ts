import fs from 'node:fs'
import { expect, test } from 'vitest'
import { pointInRings as inside, type Point } from '#app/utils/polygon.ts'
import { COUNTIES } from '#db/seed/data/counties.ts'
import { COUNTY_MAP_SIZE, COUNTY_SHAPES } from './county-shapes.ts'

/** The generated grammar: per ring `M x y`, then relative `l dx dy` steps, then `z`. */
function rings(d: string): Array<Array<Point>> {
	expect(d).toMatch(/^(M-?[\d.]+ -?[\d.]+(l-?[\d.]+[ -]?-?[\d.]+)+z)+$/)
	return d
		.split('z')
		.filter(Boolean)
		.map((ring) => {
			const [start, ...steps] = ring.split('l')
			const [x0, y0] = start!.slice(1).split(' ').map(Number) as Point
			const points: Array<Point> = [[x0, y0]]
			for (const step of steps) {
				const [, dx, dy] = /^(-?[\d.]+) ?(-?[\d.]+)$/.exec(step)!
				const [px, py] = points[points.length - 1]!
				points.push([px + Number(dx), py + Number(dy)])
			}
			return points
		})
}

test('the map has exactly the 20 county codes the database uses', () => {
	expect(Object.keys(COUNTY_SHAPES).toSorted()).toEqual(COUNTIES.map((c) => c.code).toSorted())
})

test('every outline is a valid, non-empty path inside the view box, with its label inside it', () => {
	for (const [code, shape] of Object.entries(COUNTY_SHAPES)) {
		const polygon = rings(shape.d)
		expect(polygon.length, code).toBeGreaterThan(0)
		for (const ring of polygon) {
			expect(ring.length, code).toBeGreaterThanOrEqual(3)
			for (const [x, y] of ring) {
				expect(x, code).toBeGreaterThanOrEqual(0)
				expect(x, code).toBeLessThanOrEqual(COUNTY_MAP_SIZE.width)
				expect(y, code).toBeGreaterThanOrEqual(0)
				expect(y, code).toBeLessThanOrEqual(COUNTY_MAP_SIZE.height)
			}
		}
		expect(inside([...shape.label], polygon), `${code} label`).toBe(true)
	}
	// Budapest is an enclave of Pest: Pest's outline has a hole where Budapest's label is
	expect(rings(COUNTY_SHAPES['13']!.d).length).toBeGreaterThan(1)
	expect(inside([...COUNTY_SHAPES['01']!.label], rings(COUNTY_SHAPES['13']!.d))).toBe(false)
})

test('the shapes stay small enough to ship with the page', () => {
	expect(fs.statSync(new URL('./county-shapes.ts', import.meta.url)).size).toBeLessThan(40 * 1024)
})
