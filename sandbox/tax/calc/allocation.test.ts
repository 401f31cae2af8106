import fc from 'fast-check'
import { expect, test } from 'vitest'
import { addDays } from '../../shared/dates.ts'
import { allocatePayment, type OpenCharge } from './allocation.ts'

test('oldest due charge first; a partial payment leaves the newer charge open', () => {
	const charges = [
		{ id: 'sept', dueDate: '2026-09-15', open: 42_000 },
		{ id: 'march', dueDate: '2026-03-16', open: 42_000 },
	]
	expect(allocatePayment(50_000, charges)).toEqual({
		allocations: [
			{ id: 'march', amount: 42_000 },
			{ id: 'sept', amount: 8_000 },
		],
		overpayment: 0,
	})
	// the input is not reordered or changed
	expect(charges[0]).toEqual({ id: 'sept', dueDate: '2026-09-15', open: 42_000 })
})

test('T2 overpayer: 24 000 Ft against 2 × 6 000 Ft kommunális adó leaves a 12 000 Ft overpayment', () => {
	expect(
		allocatePayment(24_000, [
			{ id: 'kommunalis-2026-1', dueDate: '2026-03-16', open: 6_000 },
			{ id: 'kommunalis-2026-2', dueDate: '2026-09-15', open: 6_000 },
		]),
	).toEqual({
		allocations: [
			{ id: 'kommunalis-2026-1', amount: 6_000 },
			{ id: 'kommunalis-2026-2', amount: 6_000 },
		],
		overpayment: 12_000,
	})
})

test('equal due dates are ordered by id (numbers numerically); fully paid charges are skipped; no charges → all overpaid', () => {
	expect(
		allocatePayment(15, [
			{ id: 10, dueDate: '2026-03-16', open: 10 },
			{ id: 9, dueDate: '2026-03-16', open: 10 },
			{ id: 1, dueDate: '2026-03-16', open: 0 },
		]).allocations,
	).toEqual([
		{ id: 9, amount: 10 },
		{ id: 10, amount: 5 },
	])
	expect(allocatePayment(5_000, [])).toEqual({ allocations: [], overpayment: 5_000 })
	expect(allocatePayment(0, [{ id: 'a', dueDate: '2026-03-16', open: 10 }])).toEqual({ allocations: [], overpayment: 0 })
})

test('bad input is refused', () => {
	expect(() => allocatePayment(-1, [])).toThrow(RangeError)
	expect(() => allocatePayment(1.5, [])).toThrow(RangeError)
	expect(() => allocatePayment(1, [{ id: 'a', dueDate: '2026-03-16', open: -5 }])).toThrow(RangeError)
	expect(() => allocatePayment(1, [{ id: 'a', dueDate: '2026-02-30', open: 5 }])).toThrow(RangeError)
	expect(() =>
		allocatePayment<string | number>(1, [
			{ id: 1, dueDate: '2026-03-16', open: 5 },
			{ id: '1', dueDate: '2026-03-17', open: 5 },
		]),
	).toThrow(/listed twice/)
})

const chargesArb = fc.uniqueArray(
	fc.record({ id: fc.integer({ min: 1, max: 10_000 }), dayOffset: fc.integer({ min: 0, max: 60 }), open: fc.integer({ min: 0, max: 200_000 }) }),
	{ selector: (c) => c.id, maxLength: 12 },
)

test('property: Σ allocations + overpayment = amount; no charge over-allocated; oldest first; overpayment only when all is paid', () => {
	fc.assert(
		fc.property(fc.integer({ min: 0, max: 2_000_000 }), chargesArb, (amount, raw) => {
			const charges: Array<OpenCharge<number>> = raw.map((c) => ({ id: c.id, dueDate: addDays('2026-01-01', c.dayOffset), open: c.open }))
			const { allocations, overpayment } = allocatePayment(amount, charges)
			const byId = new Map(charges.map((c) => [c.id, c]))

			expect(allocations.reduce((sum, a) => sum + a.amount, 0) + overpayment).toBe(amount)
			expect(overpayment).toBeGreaterThanOrEqual(0)
			expect(new Set(allocations.map((a) => a.id)).size).toBe(allocations.length)
			for (const a of allocations) {
				expect(a.amount).toBeGreaterThan(0)
				expect(a.amount).toBeLessThanOrEqual(byId.get(a.id)!.open)
			}
			// order: by due date, then id
			for (let i = 1; i < allocations.length; i++) {
				const prev = byId.get(allocations[i - 1]!.id)!
				const cur = byId.get(allocations[i]!.id)!
				expect(prev.dueDate < cur.dueDate || (prev.dueDate === cur.dueDate && prev.id < cur.id)).toBe(true)
			}
			// every charge older than one that received money is paid in full (only the last may be partial)
			allocations.slice(0, -1).forEach((a) => expect(a.amount).toBe(byId.get(a.id)!.open))
			const paid = new Map(allocations.map((a) => [a.id, a.amount]))
			const last = allocations.at(-1)
			if (last) {
				const lastCharge = byId.get(last.id)!
				for (const c of charges) {
					const older = c.dueDate < lastCharge.dueDate || (c.dueDate === lastCharge.dueDate && c.id < lastCharge.id)
					if (older) expect(paid.get(c.id) ?? 0).toBe(c.open)
				}
			}
			const totalOpen = charges.reduce((sum, c) => sum + c.open, 0)
			expect(overpayment).toBe(Math.max(0, amount - totalOpen))
			// the order the caller lists the charges in does not matter
			expect(allocatePayment(amount, [...charges].reverse())).toEqual({ allocations, overpayment })
		}),
	)
})
