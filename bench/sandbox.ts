import fs from 'node:fs'
import path from 'node:path'
import { BUKKALJA_SCENARIO } from '#app/modules/sandbox/store.server.ts'
import { execute } from '#sandbox/commands.server.ts'
import type { SandboxDb } from '#sandbox/db.server.ts'
import { listPartners } from '#sandbox/finance/queries.server.ts'
import { SANDBOX_SCHEMA_VERSION } from '#sandbox/schema/version.ts'
import { createStore } from '#sandbox/store.server.ts'

// Issue 4's goals: create from template p95 < 20 ms; any finance command p95 < 10 ms;
// 1,000 sandboxes on disk < 500 MB. Run with `npm run bench:sandbox`.
const dir = path.resolve('bench/.tmp/sandboxes')
fs.rmSync(dir, { recursive: true, force: true })
const store = createStore([BUKKALJA_SCENARIO], { dir, schemaVersion: SANDBOX_SCHEMA_VERSION })
const p = (values: Array<number>, q: number) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!
const round = (n: number) => Math.round(n * 100) / 100

await store.template('bukkalja')
const creates: Array<number> = []
for (let i = 0; i < 1000; i++) {
	const t = performance.now()
	await store.create(`sb-bench-${i}`, 'bukkalja')
	creates.push(performance.now() - t)
}
const bytes = store.list().reduce((sum, s) => sum + s.bytes, 0)

// A full expenditure cycle per sandbox, timing each command (F1 budget + F3 cycle).
const now = Date.now()
const year = new Date(now).getUTCFullYear()
const day = new Date(now).toISOString().slice(0, 10)
const timings: Record<string, Array<number>> = {}
function run(db: SandboxDb, personaId: string, command: Record<string, unknown>) {
	const t = performance.now()
	const result = execute(db, { personaId, municipalityId: 'alsobukk' }, command as never, now)
	;(timings[String(command.type)] ??= []).push(performance.now() - t)
	if (!result.ok) throw new Error(`${String(command.type)}: ${result.error.message.en}`)
	return result.id ? Number(result.id) : 0
}
for (let i = 0; i < 100; i++) {
	const db = store.open(`sb-bench-${i}`, 'bukkalja')
	const doc = run(db, 'penzugyes1', { type: 'budget.createDraft', kind: 'original', documentType: 'képviselő-testületi rendelet', decreeRef: `2/${year}.`, decreeDate: `${year}-02-14`, effectiveDate: `${year}-02-15` })
	run(db, 'penzugyes1', { type: 'budget.addLine', documentId: doc, rovat: 'K334', funkcio: '045160', amount: 2_000_000 })
	run(db, 'penzugyes1', { type: 'budget.addLine', documentId: doc, rovat: 'B351', funkcio: '900020', amount: 2_000_000 })
	run(db, 'penzugyes1', { type: 'budget.submit', documentId: doc })
	run(db, 'gazdvez', { type: 'budget.approve', documentId: doc })
	const partnerId = listPartners(db, 'alsobukk').find((x) => x.name === 'Útjavító Kft.')!.id
	const commitment = run(db, 'polgarmester_A', { type: 'commitment.create', partnerId, rovat: 'K334', funkcio: '045160', amount: 350_000, description: 'Kátyújavítás', documentRef: 'M-1', commitmentDate: day, dueDate: day })
	run(db, 'gazdvez', { type: 'commitment.countersign', commitmentId: commitment })
	const invoice = run(db, 'penzugyes1', { type: 'invoice.register', commitmentId: commitment, invoiceNumber: `UJ-${i}`, issueDate: day, performanceDate: day, dueDate: day, amount: 350_000 })
	run(db, 'muszaki', { type: 'performance.certify', invoiceId: invoice, amount: 350_000 })
	const payment = run(db, 'penzugyes1', { type: 'payment.validate', invoiceId: invoice, amount: 350_000 })
	run(db, 'polgarmester_A', { type: 'payment.order', paymentId: payment, paymentDate: day })
	run(db, 'penzugyes2', { type: 'transfer.execute', paymentId: payment })
	store.close(`sb-bench-${i}`)
}
const all = Object.values(timings).flat()
const result = {
	date: new Date().toISOString(),
	create: { n: creates.length, p50: round(p(creates, 0.5)), p95: round(p(creates, 0.95)), max: round(Math.max(...creates)) },
	commands: { n: all.length, p50: round(p(all, 0.5)), p95: round(p(all, 0.95)), max: round(Math.max(...all)), slowestP95: Object.entries(timings).map(([type, v]) => ({ type, p95: round(p(v, 0.95)) })).toSorted((a, b) => b.p95 - a.p95).slice(0, 3) },
	disk: { sandboxes: 1000, megabytes: round(bytes / 1024 / 1024) },
}
fs.mkdirSync('bench/results', { recursive: true })
fs.writeFileSync(`bench/results/sandbox-${result.date.slice(0, 10)}.json`, `${JSON.stringify(result, null, '\t')}\n`)
console.log(JSON.stringify(result, null, 2))
store.closeAll()
fs.rmSync(dir, { recursive: true, force: true })
