/** A small RFC 5545 reader for tests: unfold, then split name;params:value (quoted params allowed). */
export type Property = { name: string; params: Record<string, string>; value: string }

export function parseIcs(text: string) {
	const unfolded = text.replace(/\r\n[ \t]/g, '')
	return unfolded
		.split('\r\n')
		.filter(Boolean)
		.map((line): Property => {
			let i = 0
			let inQuotes = false
			for (; i < line.length; i++) {
				if (line[i] === '"') inQuotes = !inQuotes
				if (line[i] === ':' && !inQuotes) break
			}
			const [name, ...params] = line.slice(0, i).split(';')
			return { name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value: line.slice(i + 1) }
		})
}

export const unescapeText = (v: string) => v.replace(/\\n/g, '\n').replace(/\\([\\;,])/g, '$1')

/** Every VEVENT's properties, in order. */
export function eventsOf(props: Array<Property>) {
	const events: Array<Array<Property>> = []
	let current: Array<Property> | null = null
	for (const p of props) {
		if (p.name === 'BEGIN' && p.value === 'VEVENT') current = []
		else if (p.name === 'END' && p.value === 'VEVENT' && current) {
			events.push(current)
			current = null
		} else current?.push(p)
	}
	return events
}

export function eventOf(props: Array<Property>) {
	return eventsOf(props)[0]!
}

export const icsGet = (props: Array<Property>, name: string) => props.filter((p) => p.name === name)
/** The value of the first property with this name, or undefined. */
export const icsValue = (props: Array<Property>, name: string) => icsGet(props, name)[0]?.value
