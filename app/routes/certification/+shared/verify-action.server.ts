import { data } from 'react-router'
import { checkCredential, credentialFromForm } from '#app/modules/certification/verify.server.ts'
import { getDb } from '#db/client.server.ts'

/** Shared by /verify and /verify/:code: nothing is stored, the answer is computed and shown. */
export async function verifyCredentialAction(request: Request) {
	const text = await credentialFromForm(await request.formData())
	if (!text) return data({ result: null, empty: true }, { status: 400 })
	return { result: checkCredential(getDb(), text, Date.now()), empty: false }
}
