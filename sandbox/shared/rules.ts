/**
 * Rule labels a refused step names (`CommandError.rule`). Paragraph numbers are given only where
 * reference.md marks them verified (✔); others name the rule of reference.md §A.1 in words.
 */
export const RULE = {
	/** Incompatibilities on the same economic event (✔ [S8]). */
	sod: 'Ávr. 60. §',
	/** A.1 rule 1: commitment only after financial countersignature; a recorded obligation before payment. */
	countersignFirst: 'A.1/1: ellenjegyzés nélkül nincs érvényes kötelezettségvállalás',
	/** A.1 rule 1: written commitment at or above the threshold (Ávr. 52. § (6) a) ○). */
	written: 'A.1/1: írásbeli kötelezettségvállalás (Ávr. 52. § (6) a) ○)',
	/** A.1 rule 2 (a): free appropriation must cover the commitment. */
	cover: 'A.1/2a: szabad előirányzat fedezet',
	/** A.1 rule 2 (b): cash available when due, by the előirányzat-felhasználási terv (SANDBOX monthly model). */
	liquidity: 'A.1/2b: likviditás (előirányzat-felhasználási terv)',
	/** A.3: postings are immutable; a document's postings are corrected through the document. */
	reversal: 'A.3: könyvelt tétel csak stornóval helyesbíthető',
	/** A.1 rule 3: payment order only after validation. */
	orderAfterValidation: 'A.1/3: utalványozás csak érvényesítés után',
	/** Order of the expenditure cycle (A.1 table): certify → validate → order → transfer → match. */
	sequence: 'A.1: a kiadási ciklus sorrendje',
	/** Σ revenue = Σ expenditure (the decree's főösszeg); amendments balanced likewise. */
	balance: 'A.2: költségvetési egyensúly (főösszeg)',
	/** Budget documents are approved by a second persona (SANDBOX four-eyes rule). */
	fourEyes: 'SANDBOX: négy szem elve',
	/** KERET: roles are granted per municipality (C.5). */
	keret: 'KERET: szerepkör önkormányzatonként',
} as const
