export type Point = [number, number]

/**
 * Even-odd point-in-polygon over all rings of a shape, so a hole (Budapest inside Pest) counts as
 * outside. Shared by the county-map generator (label placement) and the shapes' test.
 */
export function pointInRings([x, y]: Readonly<Point>, rings: ReadonlyArray<ReadonlyArray<Point>>) {
	let odd = false
	for (const ring of rings)
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!
			const [xj, yj] = ring[j]!
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd
		}
	return odd
}
