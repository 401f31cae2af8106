import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react'
import { Form, useActionData, useNavigation, useRouteLoaderData } from 'react-router'
import type { CommandFailure } from '#app/modules/sandbox/run-command.server.ts'
import type { Actor } from '#sandbox/commands.ts'
import { ACTING_FIELD, actingKey, SWITCH_FIELD } from '#app/modules/sandbox/acting.ts'
import { useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'

const FailureContext = createContext<CommandFailure | undefined>(undefined)

/**
 * A form that runs one sandbox command. A refusal shows next to its field, or at the top
 * with the rule that refused it; what was typed stays in the fields.
 */
export function CommandForm({
	type,
	submit,
	children,
	hidden,
	variant,
	encType,
}: {
	type: string
	submit: string
	children?: ReactNode
	hidden?: Record<string, string | number>
	variant?: 'primary' | 'secondary' | 'danger'
	/** multipart/form-data for a file upload. */
	encType?: 'multipart/form-data'
}) {
	const data = useActionData() as CommandFailure | undefined
	const shell = useRouteLoaderData('routes/sandbox/shell') as { readOnly?: boolean; acting?: Actor } | undefined
	const navigation = useNavigation()
	// Someone else's sandbox (an admin looking on) shows its data, never its actions.
	if (shell?.readOnly) return null
	// A persona or municipality switch is on its way: a step sent now would still carry the old
	// choice and be refused, so it waits until the page shows the new one.
	const switching = navigation.state !== 'idle' && navigation.formData?.has(SWITCH_FIELD) === true
	const mine = data?.commandType === type && (!hidden || Object.entries(hidden).every(([k, v]) => data.values[k] === String(v))) ? data : undefined
	return (
		<Form method="post" noValidate encType={encType} className="flex flex-wrap items-end gap-3">
			<input type="hidden" name="type" value={type} />
			{/* who the page showed as acting: the server refuses the step if another tab has switched since */}
			{shell?.acting ? <input type="hidden" name={ACTING_FIELD} value={actingKey(shell.acting)} /> : null}
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
			<SubmitButton intent={undefined} variant={variant} disabled={switching}>
				{submit}
			</SubmitButton>
		</Form>
	)
}

/**
 * The refusal that belongs to this field (if any) and what the user typed there. `errorField` is the
 * command's name for the field when the form calls it otherwise (a file input feeding `content`).
 */
function useFieldState(name: string, errorField?: string) {
	const failure = useContext(FailureContext)
	const id = useId()
	const own = failure?.error.field === (errorField ?? name) ? failure.error : null
	const typed = failure?.values[name]
	return {
		id,
		error: own ? { message: own.message, rule: own.rule } : null,
		typed: typeof typed === 'string' ? typed : undefined,
		a11y: { 'aria-invalid': own ? true : undefined, 'aria-describedby': own ? `${id}-error` : undefined },
	}
}

/** The label alone names the field; its error is the field's description, not part of its name. */
function FieldLabel({ id, label }: { id: string; label: string }) {
	return (
		<label htmlFor={id} className="block text-sm font-medium">
			{label}
		</label>
	)
}

/** The message in the current language and, when a rule refused the step, which rule. */
function FieldError({ id, error }: { id: string; error: { message: string; rule: string | null } | null }) {
	const t = useT()
	return error ? (
		<span id={`${id}-error`} className="mt-1 block text-sm font-medium break-words text-red-800">
			{error.message}
			{error.rule && !error.message.includes(error.rule) ? <span className="block font-normal">{t('sbx.ruleLabel', { rule: error.rule })}</span> : null}
		</span>
	) : null
}

export function CmdField({ name, label, wide, defaultValue, errorField, ...input }: InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; wide?: boolean; errorField?: string }) {
	const { id, error, typed, a11y } = useFieldState(name, errorField)
	return (
		<div className={wide ? 'w-full min-w-0 flex-1 sm:min-w-64' : 'min-w-36'}>
			<FieldLabel id={id} label={label} />
			<input
				id={id}
				name={name}
				defaultValue={input.type === 'file' ? undefined : (typed ?? defaultValue)}
				{...a11y}
				className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 aria-[invalid=true]:border-red-700"
				{...input}
			/>
			<FieldError id={id} error={error} />
		</div>
	)
}

export function CmdSelect({ name, label, options, defaultValue, errorField }: { name: string; label: string; options: Array<{ value: string; label: string }>; defaultValue?: string; errorField?: string }) {
	const { id, error, typed, a11y } = useFieldState(name, errorField)
	return (
		<div className="w-full min-w-0 sm:w-auto sm:min-w-48">
			<FieldLabel id={id} label={label} />
			<select id={id} name={name} defaultValue={typed ?? defaultValue} {...a11y} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 aria-[invalid=true]:border-red-700">
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<FieldError id={id} error={error} />
		</div>
	)
}

/** A multi-line field (pasted statement text, a decree as YAML/JSON); always the full width. */
export function CmdTextarea({ name, label, defaultValue, errorField, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; errorField?: string }) {
	const { id, error, typed, a11y } = useFieldState(name, errorField)
	return (
		<div className="w-full min-w-0">
			<FieldLabel id={id} label={label} />
			<textarea
				id={id}
				name={name}
				defaultValue={typed ?? defaultValue}
				{...a11y}
				rows={8}
				spellCheck={false}
				className="mt-1 block w-full rounded-md border border-slate-400 bg-white p-2 font-mono text-sm aria-[invalid=true]:border-red-700"
				{...rest}
			/>
			<FieldError id={id} error={error} />
		</div>
	)
}

export function CmdCheckbox({ name, label }: { name: string; label: string }) {
	const { id, error, typed, a11y } = useFieldState(name)
	return (
		<div>
			<label htmlFor={id} className="flex min-h-11 items-center gap-2">
				<input id={id} type="checkbox" name={name} defaultChecked={typed === 'on'} {...a11y} className="size-5" />
				<span>{label}</span>
			</label>
			<FieldError id={id} error={error} />
		</div>
	)
}
