import { issuerProfile, publicBaseUrl } from '#app/modules/certification/badge.server.ts'
import { signingKey } from '#app/modules/certification/signing.server.ts'
import { getDb } from '#db/client.server.ts'

/** The issuer profile with the public key that verifies every credential (public, JSON-LD). */
export function loader() {
	return Response.json(issuerProfile(publicBaseUrl(), signingKey(getDb())), {
		headers: { 'Content-Type': 'application/ld+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' },
	})
}
