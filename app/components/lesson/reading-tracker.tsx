import { useEffect, useRef } from 'react'
import { useFetcher, useLocation } from 'react-router'
import { useT } from '../i18n.tsx'

/**
 * Remembers the heading the learner reached and marks the lesson read when its end scrolls
 * into view. Without JavaScript the button at the end does the same.
 */
export function ReadingTracker({ read, completed, position, hasQuiz, courseComplete }: { read: boolean; completed: boolean; position: string | null; hasQuiz: boolean; courseComplete: boolean }) {
	const t = useT()
	const location = useLocation()
	const reader = useFetcher()
	const tracker = useFetcher()
	const end = useRef<HTMLDivElement>(null)
	const sent = useRef(read)

	// Back to where the learner stopped, unless the URL points somewhere on purpose.
	useEffect(() => {
		if (position && !location.hash) document.getElementById(position)?.scrollIntoView()
		// only on arrival
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [])

	useEffect(() => {
		if (typeof IntersectionObserver === 'undefined') return
		let timer: ReturnType<typeof setTimeout> | undefined
		const headings = [...document.querySelectorAll('article h2[id], article h3[id]')]
		const headingObserver = new IntersectionObserver((entries) => {
			const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target.id)
			if (!visible.length) return
			clearTimeout(timer)
			timer = setTimeout(() => tracker.submit({ intent: 'position', position: visible[0]! }, { method: 'post' }), 1500)
		})
		for (const h of headings) headingObserver.observe(h)
		const endObserver = new IntersectionObserver((entries) => {
			if (entries.some((e) => e.isIntersecting) && !sent.current) {
				sent.current = true
				reader.submit({ intent: 'read' }, { method: 'post' })
			}
		})
		if (end.current) endObserver.observe(end.current)
		return () => {
			clearTimeout(timer)
			headingObserver.disconnect()
			endObserver.disconnect()
		}
		// the fetchers are stable for the life of the lesson
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [])

	const isRead = read || reader.state !== 'idle' || reader.data !== undefined
	return (
		<div ref={end} className="mt-8 rounded-md border border-slate-300 bg-white p-4" aria-live="polite">
			{completed ? (
				<p className="font-semibold text-green-800">{courseComplete ? t('lesson.courseDone') : t('lesson.done')}</p>
			) : isRead ? (
				<p className="font-semibold">{hasQuiz ? t('lesson.readNeedsQuiz') : t('lesson.read')}</p>
			) : (
				<reader.Form method="post">
					<input type="hidden" name="intent" value="read" />
					<button type="submit" className="min-h-11 rounded-md border border-slate-500 px-4 font-semibold">
						{t('lesson.markRead')}
					</button>
				</reader.Form>
			)}
		</div>
	)
}
