import { useLoaderData, useParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { DocumentToolbar } from '#app/components/sandbox/document-toolbar.tsx'
import { TaxDocumentBody } from '#app/components/sandbox/tax-document.tsx'
import { taxView } from '#app/modules/sandbox/tax-view.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { listOwnBankAccounts } from '#sandbox/finance/queries.server.ts'
import { taxDocument } from '#sandbox/tax/queries.server.ts'
import type { Route } from './+types/document.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId } = taxView(request, params.sandboxId)
	const doc = taxDocument(db, municipalityId, idParam(params.documentId)) ?? notFound()
	// the decision names the collection account of its adónem, where the instalments are to be paid
	const account = doc.adonem ? listOwnBankAccounts(db, municipalityId).find((a) => a.kind === 'tax_collection' && a.taxType === doc.adonem) : undefined
	return { doc: { ...doc, collectionAccount: account?.giro ?? null } }
}

/** A decision, certificate, balance notice, reminder or return, laid out for printing. */
export default function TaxDocumentPage() {
	const { doc } = useLoaderData<typeof loader>()
	const { sandboxId } = useParams()
	const t = useT()
	const locale = useLocale()
	return (
		<article className="grid grid-cols-1 gap-4 rounded-lg border border-slate-300 bg-white p-4 break-words">
			<div className="flex flex-wrap items-start justify-between gap-2">
				<div>
					<p className="font-semibold">{t('tax.doc.authority', { municipality: doc.municipalityName })}</p>
					<p className="text-sm">{t('tax.doc.number', { number: doc.number })}</p>
					<p className="text-sm">{t('tax.doc.date', { date: formatDate(doc.documentDate, locale) })}</p>
				</div>
				<DocumentToolbar back={t('tax.doc.back')} backTo={`/sandbox/${sandboxId}/tax/taxpayers/${doc.taxpayerId}`} />
			</div>
			<div>
				<p className="text-sm text-slate-700">{t('tax.doc.addressee')}</p>
				<p className="font-medium">{doc.taxpayerName}</p>
				<p>{doc.taxpayerAddress}</p>
				<p className="text-sm">{doc.adoazonositoJel ? `${t('tax.adoazonositoJel')}: ${doc.adoazonositoJel}` : `${t('tax.adoszam')}: ${doc.adoszam ?? '—'}`}</p>
			</div>
			<TaxDocumentBody doc={doc} />
			<p>{t('tax.doc.signed', { name: doc.createdByName ?? doc.createdBy })}</p>
			<p className="text-sm text-slate-600">{t('tax.doc.sandbox')}</p>
		</article>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
