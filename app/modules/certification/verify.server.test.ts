import { expect, test } from 'vitest'
import { certificationParameters } from './parameters.ts'
import { credentialFromForm } from './verify.server.ts'

const NOW = Date.parse('2017-03-01T08:00:00Z')
const max = certificationParameters(NOW).maxCredentialBytes

function form(fields: Record<string, string | File>) {
	const body = new FormData()
	for (const [k, v] of Object.entries(fields)) body.set(k, v)
	return body
}

test('a pasted or uploaded credential within the limit is read whole', async () => {
	expect(await credentialFromForm(form({ credential: ' {"a":1} ' }), NOW)).toEqual({ ok: true, text: '{"a":1}' })
	expect(await credentialFromForm(form({ credential: '', file: new File(['x'.repeat(max)], 'c.json') }), NOW)).toEqual({ ok: true, text: 'x'.repeat(max) })
})

test('a credential above the limit is refused on the field it came in, never cut short', async () => {
	const maxKb = Math.floor(max / 1024)
	expect(await credentialFromForm(form({ credential: 'x'.repeat(max + 1) }), NOW)).toEqual({ ok: false, problem: 'tooLarge', field: 'credential', maxKb })
	expect(await credentialFromForm(form({ file: new File(['x'.repeat(max + 1)], 'c.json') }), NOW)).toEqual({ ok: false, problem: 'tooLarge', field: 'file', maxKb })
	expect(await credentialFromForm(form({ credential: '  ' }), NOW)).toEqual({ ok: false, problem: 'empty', field: 'credential', maxKb })
})
