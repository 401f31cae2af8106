import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'
import type { Message } from '#app/utils/i18n.ts'
import { useMessage } from '../i18n.tsx'

const inputClass =
	'mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700'

function FieldShell({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: Message; children: ReactNode }) {
	const message = useMessage()
	return (
		<div className="mb-4">
			<label htmlFor={id} className="block font-medium text-slate-800">
				{label}
			</label>
			{hint ? (
				<p id={`${id}-hint`} className="text-sm text-slate-600">
					{hint}
				</p>
			) : null}
			{children}
			{error ? (
				<p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
					{message(error)}
				</p>
			) : null}
		</div>
	)
}

function describedBy(id: string, hint: unknown, error: unknown) {
	return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: ReactNode; hint?: ReactNode; error?: Message }

export function TextField({ label, hint, error, id: givenId, ...input }: TextFieldProps) {
	const generated = useId()
	const id = givenId ?? generated
	return (
		<FieldShell id={id} label={label} hint={hint} error={error}>
			<input
				id={id}
				className={inputClass}
				aria-invalid={error ? true : undefined}
				aria-describedby={describedBy(id, hint, error)}
				{...input}
			/>
		</FieldShell>
	)
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
	name: string
	label: ReactNode
	hint?: ReactNode
	error?: Message
	options: Array<{ value: string; label: string }>
	placeholder?: string
}

export function SelectField({ label, hint, error, options, placeholder, id: givenId, ...select }: SelectFieldProps) {
	const generated = useId()
	const id = givenId ?? generated
	return (
		<FieldShell id={id} label={label} hint={hint} error={error}>
			<select
				id={id}
				className={inputClass}
				aria-invalid={error ? true : undefined}
				aria-describedby={describedBy(id, hint, error)}
				{...select}
			>
				{placeholder !== undefined ? <option value="">{placeholder}</option> : null}
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</FieldShell>
	)
}

export function CheckboxGroup({
	name,
	legend,
	options,
	defaultValues,
	error,
}: {
	name: string
	legend: ReactNode
	options: Array<{ value: string; label: string }>
	defaultValues: ReadonlyArray<string>
	error?: Message
}) {
	const id = useId()
	const message = useMessage()
	return (
		<fieldset className="mb-4" aria-describedby={error ? `${id}-error` : undefined}>
			<legend className="font-medium text-slate-800">{legend}</legend>
			<div className="mt-1 grid gap-1 sm:grid-cols-2">
				{options.map((o) => (
					<label key={o.value} className="flex items-center gap-2 py-1">
						<input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} className="size-5" />
						<span>{o.label}</span>
					</label>
				))}
			</div>
			{error ? (
				<p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
					{message(error)}
				</p>
			) : null}
		</fieldset>
	)
}

/** A form-level problem (not tied to one field), announced to screen readers. */
export function FormError({ error }: { error?: Message }) {
	const message = useMessage()
	if (!error) return null
	return (
		<div role="alert" className="mb-4 rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
			{message(error)}
		</div>
	)
}
