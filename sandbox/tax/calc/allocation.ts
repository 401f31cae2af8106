import { assertForint } from '../../shared/money.ts'
import { toDayNumber } from '../../shared/dates.ts'

// Payment allocation within one adónem (reference.md §B.3, SANDBOX default ●): the oldest due charge
// first; equal due dates by id so the result never depends on the order the caller listed them in.
// What is left over is an overpayment (túlfizetés) – it stays a credit and is never pushed onto a
// charge that does not exist yet (T2 common mistake 2).

export type OpenCharge<Id extends string | number = string | number> = {
	id: Id
	dueDate: string
	/** Still unpaid part of the charge, whole forints. */
	open: number
}

export type Allocation<Id extends string | number = string | number> = { id: Id; amount: number }

export type PaymentAllocation<Id extends string | number = string | number> = {
	/** In allocation order; charges that receive nothing are not listed. */
	allocations: Array<Allocation<Id>>
	overpayment: number
}

function compareIds(a: string | number, b: string | number): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b
	const x = String(a)
	const y = String(b)
	return x < y ? -1 : x > y ? 1 : 0
}

/** Splits `amount` over the open charges, oldest due first; the input is not changed. */
export function allocatePayment<Id extends string | number>(
	amount: number,
	openCharges: ReadonlyArray<OpenCharge<Id>>,
): PaymentAllocation<Id> {
	assertForint(amount)
	if (amount < 0) throw new RangeError(`A payment must not be negative, got ${amount}`)
	const ids = new Set<string>()
	for (const charge of openCharges) {
		assertForint(charge.open, `open amount of charge ${String(charge.id)}`)
		if (charge.open < 0) throw new RangeError(`Open amount of charge ${String(charge.id)} must not be negative`)
		toDayNumber(charge.dueDate) // validates
		// 1 and '1' would sort as equals and could be paid as one
		const key = String(charge.id)
		if (ids.has(key)) throw new RangeError(`Charge ${key} is listed twice`)
		ids.add(key)
	}
	// ISO strings compare in date order
	const ordered = [...openCharges].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : compareIds(a.id, b.id)))
	const allocations: Array<Allocation<Id>> = []
	let left = amount
	for (const charge of ordered) {
		if (left === 0) break
		const part = Math.min(left, charge.open)
		if (part === 0) continue
		allocations.push({ id: charge.id, amount: part })
		left -= part
	}
	return { allocations, overpayment: left }
}
