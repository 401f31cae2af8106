/** Legal and SANDBOX parameters with validity dates (never literals in code). */
export const PARAM = {
	writtenCommitmentThreshold: 'commitment.writtenThreshold',
	splitWarningWindowDays: 'commitment.splitWarningWindowDays',
	warnCommitterIsCertifier: 'sod.warnCommitterIsCertifier',
	paymentOrderCountersign: 'workflow.paymentOrderCountersign',
} as const

export const parameters: ReadonlyArray<{
	key: string
	validFrom: string
	validTo: string | null
	valueInt: number | null
	valueText: string | null
	descriptionHu: string
	descriptionEn: string
	source: string
}> = [
	{
		key: PARAM.writtenCommitmentThreshold,
		validFrom: '2012-01-01',
		validTo: null,
		valueInt: 200_000,
		valueText: null,
		descriptionHu: 'E összeg alatt nem kötelező az írásbeli kötelezettségvállalás (nyilvántartásba venni ekkor is kell).',
		descriptionEn: 'Below this amount a written commitment is not required (it must still be recorded).',
		source: 'Ávr. 52. § (6) a) ○ (paragraph not verified)',
	},
	{
		key: PARAM.splitWarningWindowDays,
		validFrom: '2012-01-01',
		validTo: null,
		valueInt: 30,
		valueText: null,
		descriptionHu: 'Figyelmeztetés mesterséges megbontásra: ugyanazon partner és rovat értékhatár alatti kötelezettségvállalásai ennyi napon belül összeadva elérik az értékhatárt.',
		descriptionEn: 'Artificial splitting warning: sub-threshold commitments to the same partner and rovat within this many days add up to the threshold.',
		source: 'SANDBOX',
	},
	{
		key: PARAM.warnCommitterIsCertifier,
		validFrom: '2012-01-01',
		validTo: null,
		valueInt: 1,
		valueText: null,
		descriptionHu: 'Figyelmeztetés, ha a kötelezettségvállaló igazolja a teljesítést (jogszabály nem tiltja, belső szabályzat igen).',
		descriptionEn: 'Warn when the committing person certifies performance (allowed by law, often forbidden internally).',
		source: 'SANDBOX (Ávr. 60. § allows it ●)',
	},
	{
		key: PARAM.paymentOrderCountersign,
		validFrom: '2012-01-01',
		validTo: null,
		valueInt: 0,
		valueText: null,
		descriptionHu: 'Utalvány ellenjegyzése (a 2012 előtti Ámr. szerinti lépés); alapértelmezésben kikapcsolva.',
		descriptionEn: 'Countersignature of the payment order (pre-2012 Ámr. step); off by default.',
		source: 'SANDBOX; Áht. regime: not a validity condition ✔ [S9]',
	},
]
