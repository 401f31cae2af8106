import { requireUser } from '#app/modules/auth/guards.server.ts'
import { certificatePdfResponse } from '#app/modules/certification/downloads.server.ts'
import { isLocale } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { idParam } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/pdf.ts'

/** `?lang=hu|en` picks the certificate's language (default: the interface language). */
export function loader({ request, params }: Route.LoaderArgs) {
	const user = requireUser(request)
	const lang = new URL(request.url).searchParams.get('lang')
	return certificatePdfResponse(getDb(), user, idParam(params.certificateId), isLocale(lang) ? lang : getLocale(request), Date.now())
}
