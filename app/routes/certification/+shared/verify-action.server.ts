import { data } from 'react-router'
import { checkCredential, credentialFromForm } from '#app/modules/certification/verify.server.ts'
import { getDb } from '#db/client.server.ts'

/** Shared by /verify and /verify/:code: nothing is stored, the answer is computed and shown. */
export async function verifyCredentialAction(request: Request) {
	const now = Date.now()
	const input = await credentialFromForm(await request.formData(), now)
	if (!input.ok) return data({ result: null, problem: { field: input.field, key: `cert.verify.${input.problem}` as const, maxKb: input.maxKb } }, { status: 400 })
	return { result: checkCredential(getDb(), input.text, now), problem: null }
}
