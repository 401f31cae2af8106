import { useEffect, useRef, useState } from 'react'
import type { LabEvent } from '#app/modules/lab/events.ts'

export type StreamState = 'connecting' | 'open' | 'reconnecting'

/**
 * Follows a lab's event stream from `after` (the id the page was rendered at). The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed or repeated.
 */
export function useLabStream(url: string, after: number, onEvent: (event: LabEvent) => void): StreamState {
	const [state, setState] = useState<StreamState>('connecting')
	const handler = useRef(onEvent)
	handler.current = onEvent
	// the first position only: later renders (revalidations) must not reopen the stream
	const start = useRef(after)
	useEffect(() => {
		const source = new EventSource(`${url}?after=${start.current}`)
		source.onopen = () => setState('open')
		source.onerror = () => setState('reconnecting')
		source.addEventListener('lab', (message) => {
			try {
				handler.current(JSON.parse((message as MessageEvent<string>).data) as LabEvent)
			} catch {
				// a malformed frame is skipped; the next progress event carries the whole state again
			}
		})
		return () => source.close()
	}, [url])
	return state
}

/** A clock for idle times, ticking once a second. */
export function useNow(initial: number, everyMs = 1000): number {
	const [now, setNow] = useState(initial)
	useEffect(() => {
		setNow(Date.now())
		const timer = setInterval(() => setNow(Date.now()), everyMs)
		return () => clearInterval(timer)
	}, [everyMs])
	return now
}
