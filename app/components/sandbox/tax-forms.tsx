import { adonemName } from '#app/modules/sandbox/tax-labels.ts'
import { useLocale, useT } from '../i18n.tsx'
import { CmdCheckbox, CmdField, CmdSelect, CommandForm } from './command-form.tsx'

// The forms of a taxpayer's file. Each runs one tax command for this taxpayer; a refusal shows next to
// its field with the rule that refused it, and nothing is booked.

type Option = { value: string; label: string }

/** Adatbejelentés: a building, plot, accommodation, business activity or sewage-less property. */
export function TaxObjectForm({ taxpayerId, categories, today }: { taxpayerId: number; categories: ReadonlyArray<Option>; today: string }) {
	const t = useT()
	const locale = useLocale()
	const kinds = (['building', 'plot', 'accommodation', 'business', 'sewage'] as const).map((k) => ({ value: k, label: t(`tax.object.kind.${k}`) }))
	const adonemek = (['epitmenyado', 'telekado', 'kommunalis', 'idegenforgalmi', 'hipa', 'talajterhelesi'] as const).map((a) => ({ value: a, label: adonemName(a, locale) }))
	return (
		<CommandForm type="tax.object.register" submit={t('sbx.cmd.tax.object.register')} hidden={{ taxpayerId }}>
			<CmdSelect name="kind" label={t('tax.object.kind')} options={kinds} />
			<CmdSelect name="adonem" label={t('tax.adonem')} options={adonemek} />
			<CmdField name="hrsz" label={t('tax.hrsz')} placeholder="345/2/A/3" autoComplete="off" />
			<CmdField name="areaM2" label={t('tax.areaM2')} inputMode="numeric" />
			<CmdSelect name="category" label={t('tax.category')} options={[{ value: '', label: t('tax.category.none') }, ...categories]} />
			<CmdField name="address" label={t('sbx.address')} wide />
			<CmdField name="shareNum" label={t('tax.shareNum')} inputMode="numeric" defaultValue="1" />
			<CmdField name="shareDen" label={t('tax.shareDen')} inputMode="numeric" defaultValue="1" />
			<CmdField name="acquiredOn" label={t('tax.acquiredOn')} type="date" max={today} />
			<CmdField name="notifiedOn" label={t('tax.notifiedOn')} type="date" max={today} />
		</CommandForm>
	)
}

export function AssessmentForm({ taxpayerId, adonemek, year }: { taxpayerId: number; adonemek: ReadonlyArray<Option>; year: number }) {
	const t = useT()
	return (
		<CommandForm type="tax.assessment.issue" submit={t('sbx.cmd.tax.assessment.issue')} hidden={{ taxpayerId }}>
			<CmdSelect name="adonem" label={t('tax.adonem')} options={[...adonemek]} />
			<CmdField name="year" label={t('tax.year')} inputMode="numeric" defaultValue={String(year)} />
		</CommandForm>
	)
}

/** Bevallások: HIPA (with self-revision), the tourist tax's monthly return, the soil-load fee. */
export function ReturnForms({ taxpayerId, year, today }: { taxpayerId: number; year: number; today: string }) {
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-4">
			<section aria-labelledby="return-hipa">
				<h3 id="return-hipa" className="mb-1 font-semibold">
					{t('tax.return.hipa')}
				</h3>
				<CommandForm type="tax.return.hipa" submit={t('sbx.cmd.tax.return.hipa')} hidden={{ taxpayerId }}>
					<CmdField name="year" label={t('tax.year')} inputMode="numeric" defaultValue={String(year - 1)} />
					<CmdField name="base" label={t('tax.base')} inputMode="numeric" />
					<CmdField name="filedOn" label={t('tax.filedOn')} type="date" defaultValue={today} max={today} />
					<CmdCheckbox name="selfRevision" label={t('tax.selfRevision')} />
				</CommandForm>
			</section>
			<section aria-labelledby="return-tourism">
				<h3 id="return-tourism" className="mb-1 font-semibold">
					{t('tax.return.tourism')}
				</h3>
				<CommandForm type="tax.return.tourism" submit={t('sbx.cmd.tax.return.tourism')} hidden={{ taxpayerId }}>
					<CmdField name="month" label={t('tax.month')} type="month" placeholder="2026-03" />
					<CmdField name="guestNights" label={t('tax.guestNights')} inputMode="numeric" />
					<CmdField name="filedOn" label={t('tax.filedOn')} type="date" defaultValue={today} max={today} />
				</CommandForm>
			</section>
			<section aria-labelledby="return-soil">
				<h3 id="return-soil" className="mb-1 font-semibold">
					{t('tax.return.soil')}
				</h3>
				<CommandForm type="tax.return.soil" submit={t('sbx.cmd.tax.return.soil')} hidden={{ taxpayerId }}>
					<CmdField name="year" label={t('tax.year')} inputMode="numeric" defaultValue={String(year - 1)} />
					<CmdField name="waterM3" label={t('tax.waterM3')} inputMode="numeric" />
					<CmdField name="removedM3" label={t('tax.removedM3')} inputMode="numeric" defaultValue="0" />
					<CmdSelect name="sensitivity" label={t('tax.sensitivity')} options={(['normal', 'erzekeny', 'fokozottan'] as const).map((s) => ({ value: s, label: t(`tax.sensitivity.${s}`) }))} />
					<CmdCheckbox name="irrigation" label={t('tax.irrigation')} />
					<CmdField name="filedOn" label={t('tax.filedOn')} type="date" defaultValue={today} max={today} />
				</CommandForm>
			</section>
		</div>
	)
}

/** Átvezetés and visszatérítés of an overpayment; törlés of an open charge. */
export function CorrectionForms({ taxpayerId, adonemek, charges }: { taxpayerId: number; adonemek: ReadonlyArray<Option>; charges: ReadonlyArray<Option> }) {
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-4">
			<CommandForm type="tax.transfer" submit={t('sbx.cmd.tax.transfer')} hidden={{ taxpayerId }}>
				<CmdSelect name="fromAdonem" label={t('tax.fromAdonem')} options={[...adonemek]} />
				<CmdSelect name="toAdonem" label={t('tax.toAdonem')} options={[...adonemek]} />
				<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
				<CmdField name="reason" label={t('sbx.reason')} wide />
			</CommandForm>
			<CommandForm type="tax.refund" submit={t('sbx.cmd.tax.refund')} hidden={{ taxpayerId }} variant="secondary">
				<CmdSelect name="adonem" label={t('tax.adonem')} options={[...adonemek]} />
				<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
				<CmdField name="reason" label={t('sbx.reason')} wide />
			</CommandForm>
			{charges.length ? (
				<CommandForm type="tax.charge.cancel" submit={t('sbx.cmd.tax.charge.cancel')} variant="danger">
					<CmdSelect name="entryId" label={t('tax.charge')} options={[...charges]} />
					<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
					<CmdField name="reason" label={t('sbx.reason')} wide />
				</CommandForm>
			) : null}
		</div>
	)
}

export function CertificateForms({ taxpayerId }: { taxpayerId: number }) {
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-4">
			<CommandForm type="tax.certificate.issue" submit={t('sbx.cmd.tax.certificate.issue')} hidden={{ taxpayerId }}>
				<CmdSelect name="kind" label={t('tax.certificate.kind')} options={(['general', 'nemleges'] as const).map((k) => ({ value: k, label: t(`tax.certificate.${k}`) }))} />
				<CmdField name="purpose" label={t('tax.purpose')} wide />
			</CommandForm>
			<CommandForm type="tax.balanceNotice.issue" submit={t('sbx.cmd.tax.balanceNotice.issue')} hidden={{ taxpayerId }} variant="secondary" />
		</div>
	)
}
