import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode } from 'react'
import { Form, useActionData, useRouteLoaderData } from 'react-router'
import type { CommandFailure } from '#app/modules/sandbox/run-command.server.ts'
import { SubmitButton } from '../ui/button.tsx'

const FailureContext = createContext<CommandFailure | undefined>(undefined)

/**
 * A form that runs one sandbox command. A refusal shows next to its field, or at the top
 * with the rule that refused it; what was typed stays in the fields.
 */
export function CommandForm({ type, submit, children, hidden, variant }: { type: string; submit: string; children?: ReactNode; hidden?: Record<string, string | number>; variant?: 'primary' | 'secondary' | 'danger' }) {
	const data = useActionData() as CommandFailure | undefined
	const shell = useRouteLoaderData('routes/sandbox/shell') as { readOnly?: boolean } | undefined
	// Someone else's sandbox (an admin looking on) shows its data, never its actions.
	if (shell?.readOnly) return null
	const mine = data?.commandType === type && (!hidden || Object.entries(hidden).every(([k, v]) => data.values[k] === String(v))) ? data : undefined
	return (
		<Form method="post" noValidate className="flex flex-wrap items-end gap-3">
			<input type="hidden" name="type" value={type} />
			{Object.entries(hidden ?? {}).map(([k, v]) => (
				<input key={k} type="hidden" name={k} value={v} />
			))}
			{mine && !mine.error.field ? (
				<p role="alert" className="w-full rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
					{mine.error.rule && !mine.error.message.startsWith(mine.error.rule) ? `${mine.error.rule}: ` : ''}
					{mine.error.message}
				</p>
			) : null}
			<FailureContext.Provider value={mine}>{children}</FailureContext.Provider>
			<SubmitButton intent={undefined} variant={variant}>
				{submit}
			</SubmitButton>
		</Form>
	)
}

/** The refusal that belongs to this field (if any) and what the user typed there. */
function useFieldState(name: string) {
	const failure = useContext(FailureContext)
	const id = useId()
	const error = failure?.error.field === name ? failure.error.message : null
	const typed = failure?.values[name]
	return { id, error, typed: typeof typed === 'string' ? typed : undefined, a11y: { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } }
}

function FieldError({ id, error }: { id: string; error: string | null }) {
	return error ? (
		<span id={`${id}-error`} className="mt-1 block text-sm font-medium text-red-800">
			{error}
		</span>
	) : null
}

export function CmdField({ name, label, wide, defaultValue, ...input }: InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; wide?: boolean }) {
	const { id, error, typed, a11y } = useFieldState(name)
	return (
		<label htmlFor={id} className={wide ? 'w-full min-w-0 flex-1 sm:min-w-64' : 'min-w-36'}>
			<span className="block text-sm font-medium">{label}</span>
			<input
				id={id}
				name={name}
				defaultValue={typed ?? defaultValue}
				{...a11y}
				className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 aria-[invalid=true]:border-red-700"
				{...input}
			/>
			<FieldError id={id} error={error} />
		</label>
	)
}

export function CmdSelect({ name, label, options, defaultValue }: { name: string; label: string; options: Array<{ value: string; label: string }>; defaultValue?: string }) {
	const { id, error, typed, a11y } = useFieldState(name)
	return (
		<label htmlFor={id} className="w-full min-w-0 sm:w-auto sm:min-w-48">
			<span className="block text-sm font-medium">{label}</span>
			<select id={id} name={name} defaultValue={typed ?? defaultValue} {...a11y} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2">
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<FieldError id={id} error={error} />
		</label>
	)
}
