import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Card, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { budapestDate } from '#sandbox/finance/util.ts'
import { keretWarnings, listSubstitutions, personasWithRoles, referenceCatalogue } from '#sandbox/finance/queries.server.ts'
import type { Route } from './+types/keret.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, locale } = sandboxView(request, params.sandboxId)
	const roles = referenceCatalogue(db).roles
	const roleName = (code: string) => {
		const role = roles.find((r) => r.code === code)
		return role ? (locale === 'hu' ? role.nameHu : role.nameEn) : code
	}
	const personas = personasWithRoles(db, acting.municipalityId, budapestDate(Date.now()))
	return {
		personas: personas.map((p) => ({ id: p.id, name: p.displayName, active: p.active, grants: p.grants.map((g) => ({ id: g.grantId, role: roleName(g.roleCode) })) })),
		roleOptions: roles.map((r) => ({ value: r.code, label: roleName(r.code) })),
		personaOptions: personas.map((p) => ({ value: p.id, label: `${p.displayName} (${p.id})` })),
		substitutions: listSubstitutions(db, acting.municipalityId).map((s) => ({ ...s, role: roleName(s.roleCode) })),
		warnings: keretWarnings(db, acting.municipalityId).map((w) => ({ personaId: w.personaId, roles: w.roles.map(roleName) })),
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/keret`)
}

export default function KeretPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid gap-4">
			<h1 className="text-xl font-bold">{t('sbx.keret.title')}</h1>
			{d.warnings.length ? (
				<div role="alert" className="rounded-md border border-amber-600 bg-amber-50 p-3">
					<p className="font-semibold">{t('sbx.keret.warnings')}</p>
					<ul className="list-disc pl-6">
						{d.warnings.map((w) => (
							<li key={`${w.personaId}-${w.roles.join()}`}>
								{w.personaId}: {w.roles.join(' + ')}
							</li>
						))}
					</ul>
				</div>
			) : null}
			<TableWrap caption={t('sbx.keret.users')}>
				<thead>
					<tr>
						<th scope="col">{t('sbx.persona')}</th>
						<th scope="col">{t('sbx.keret.roles')}</th>
					</tr>
				</thead>
				<tbody>
					{d.personas.map((p) => (
						<tr key={p.id}>
							<td>
								{p.name} <span className="text-slate-600">({p.id})</span>
								{p.active ? '' : ` – ${t('sbx.keret.inactive')}`}
							</td>
							<td>
								<ul>
									{p.grants.map((g) => (
										<li key={g.id} className="flex flex-wrap items-center gap-2">
											<span>{g.role}</span>
											<CommandForm type="keret.role.revoke" submit={t('sbx.keret.revoke')} hidden={{ grantId: g.id }} variant="secondary" />
										</li>
									))}
								</ul>
							</td>
						</tr>
					))}
				</tbody>
			</TableWrap>
			<Card title={t('sbx.cmd.keret.role.grant')}>
				<CommandForm type="keret.role.grant" submit={t('sbx.cmd.keret.role.grant')}>
					<CmdSelect name="userId" label={t('sbx.persona')} options={d.personaOptions} />
					<CmdSelect name="roleCode" label={t('sbx.keret.role')} options={d.roleOptions} />
				</CommandForm>
			</Card>
			<Card title={t('sbx.cmd.keret.user.create')}>
				<CommandForm type="keret.user.create" submit={t('sbx.cmd.keret.user.create')}>
					<CmdField name="userId" label={t('sbx.keret.login')} placeholder="nagy.peter" />
					<CmdField name="displayName" label={t('sbx.keret.displayName')} />
					<CmdField name="jobTitleHu" label={t('sbx.keret.jobTitleHu')} />
					<CmdField name="jobTitleEn" label={t('sbx.keret.jobTitleEn')} />
				</CommandForm>
			</Card>
			<Card title={t('sbx.keret.substitutions')}>
				<ul className="mb-3 text-sm">
					{d.substitutions.map((s) => (
						<li key={s.id}>
							{s.role}: {s.absentId} → {s.substituteId} ({s.validFrom} – {s.validTo})
						</li>
					))}
				</ul>
				<CommandForm type="keret.substitution.create" submit={t('sbx.cmd.keret.substitution.create')}>
					<CmdSelect name="roleCode" label={t('sbx.keret.role')} options={d.roleOptions} />
					<CmdSelect name="absentId" label={t('sbx.keret.absent')} options={d.personaOptions} />
					<CmdSelect name="substituteId" label={t('sbx.keret.substitute')} options={d.personaOptions} />
					<CmdField name="validFrom" label={t('sbx.keret.validFrom')} type="date" />
					<CmdField name="validTo" label={t('sbx.keret.validTo')} type="date" />
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
