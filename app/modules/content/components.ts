/** The components lesson authors may use (documented in content/README.md). */
export const AUTHOR_COMPONENTS = ['Callout', 'Term', 'Steps', 'Figure', 'ProcessMap', 'Quiz', 'Exercise'] as const
export type AuthorComponent = (typeof AUTHOR_COMPONENTS)[number]

export type TocEntry = { id: string; text: string; level: 2 | 3 }
