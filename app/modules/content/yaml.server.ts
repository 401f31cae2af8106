import fs from 'node:fs'
import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'

export type ContentProblem = { file: string; line?: number; message: string }

/**
 * Parses a YAML file against a schema; problems carry the line of the offending key,
 * so `npm run content:check` can say exactly where to look.
 */
export function readYaml<S extends z.ZodType>(file: string, schema: S, problems: Array<ContentProblem>): z.infer<S> | null {
	let text: string
	try {
		text = fs.readFileSync(file, 'utf8')
	} catch {
		problems.push({ file, message: 'file is missing' })
		return null
	}
	const lineCounter = new LineCounter()
	const doc = parseDocument(text, { lineCounter })
	if (doc.errors.length) {
		for (const error of doc.errors) problems.push({ file, line: error.linePos?.[0]?.line, message: error.message.split('\n')[0]! })
		return null
	}
	const result = schema.safeParse(doc.toJS())
	if (result.success) return result.data
	for (const issue of result.error.issues) {
		let line: number | undefined
		for (let depth = issue.path.length; depth >= 0 && line === undefined; depth--) {
			const node = doc.getIn(issue.path.slice(0, depth) as Array<string | number>, true) as { range?: [number, number, number] } | undefined
			if (node && typeof node === 'object' && node.range) line = lineCounter.linePos(node.range[0]).line
		}
		problems.push({ file, line, message: `${issue.path.join('.') || '(root)'}: ${issue.message}` })
	}
	return null
}
