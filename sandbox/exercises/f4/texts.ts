import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of F4, Hungarian first.

export const F4_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		commitment: {
			title: { hu: 'Kötelezettségvállalás rögzítése', en: 'Record the commitment' },
			instruction: {
				hu: 'Alsóbükk polgármestereként rögzítse a közvilágítás áramszolgáltatási szerződését az év hátralevő részére: Bükki Áramszolgáltató Zrt., K331 rovat, 064010 funkció, 2 400 000 Ft, a szerződés számával.',
				en: 'As the mayor of Alsóbükk, record the public-lighting electricity contract for the rest of the year: Bükki Áramszolgáltató Zrt., rovat K331, function 064010, 2 400 000 Ft, with the contract number.',
			},
			hints: [
				{ hu: 'Gazdálkodás → Kötelezettségvállalások. A szerződés egy gazdasági esemény: egy vállalásként kell rögzíteni.', en: 'Finance → Commitments. The contract is one economic event: record it as one commitment.' },
				{ hu: '200 000 Ft felett a vállalás csak írásban történhet: a szerződés számát meg kell adni.', en: 'Above 200 000 Ft a commitment must be in writing: give the contract number.' },
			],
		},
		refuse: {
			title: { hu: 'Az ellenjegyzés megtagadása', en: 'Refuse the countersignature' },
			instruction: {
				hu: 'Gazdasági vezetőként ellenőrizze a fedezetet: a K331 / 064010 módosított előirányzata 2 000 000 Ft, ebből 300 000 Ft már le van kötve, a szabad előirányzat 1 700 000 Ft. A 2 400 000 Ft-os vállalást indoklással utasítsa el.',
				en: 'As the head of finance, check the cover: K331 / 064010 has an amended appropriation of 2 000 000 Ft, 300 000 Ft of it already committed, so 1 700 000 Ft is free. Refuse the 2 400 000 Ft commitment with a reason.',
			},
			hints: [
				{ hu: 'Az ellenjegyző nem írhat alá fedezet nélkül, akkor sem, ha a polgármester kéri: a fedezethiányt meg kell nevezni.', en: 'The countersigner may not sign without cover, even if the mayor asks: name the shortfall.' },
				{ hu: 'A kötelezettségvállalás adatlapján az „Elutasítás” gombbal, az indoklásban a hiányzó 700 000 Ft-tal.', en: "Use 'Refuse' on the commitment page; state the missing 700 000 Ft in the reason." },
			],
		},
		reallocate: {
			title: { hu: 'Átcsoportosítás a tartalékból', en: 'Reallocate from the reserve' },
			instruction: {
				hu: 'A polgármester döntése alapján rögzítse és hagyassa jóvá az átcsoportosítást: K513 / 011130 −700 000 Ft (általános tartalék), K331 / 064010 +700 000 Ft.',
				en: "On the mayor's decision, record and have approved the reallocation: K513 / 011130 −700 000 Ft (general reserve), K331 / 064010 +700 000 Ft.",
			},
			hints: [
				{ hu: 'Előirányzatok → Módosítás; a dokumentum típusa „átcsoportosítás (polgármesteri hatáskör)”. Rögzíti a pénzügyi ügyintéző, jóváhagyja a gazdasági vezető.', en: "Appropriations → Amendment; document type 'átcsoportosítás (polgármesteri hatáskör)'. A finance officer records it, the head of finance approves it." },
				{ hu: 'Csak olyan előirányzatból csoportosíthat át, amely szabad: a K513 tartalék erre való, a lekötött K334 vagy K331 nem.', en: 'Only a free appropriation can be moved: the K513 reserve is meant for this, the committed K334 or K331 is not.' },
			],
		},
		resubmit: {
			title: { hu: 'Újbóli benyújtás', en: 'Resubmit the commitment' },
			instruction: {
				hu: 'Az átcsoportosítás lekönyvelése után a polgármester nyújtsa be újra ellenjegyzésre a kötelezettségvállalást.',
				en: 'Once the reallocation is booked, the mayor resubmits the commitment for countersignature.',
			},
			hints: [
				{ hu: 'Újra benyújtani csak az tudja, aki a vállalást rögzítette.', en: 'Only the person who recorded the commitment can resubmit it.' },
				{ hu: 'Váltson Alsóbükk polgármesterére, és nyissa meg az elutasított vállalást.', en: 'Switch to the mayor of Alsóbükk and open the refused commitment.' },
			],
		},
		countersign: {
			title: { hu: 'Pénzügyi ellenjegyzés', en: 'Financial countersignature' },
			instruction: {
				hu: 'Gazdasági vezetőként ellenőrizze újra a fedezetet (most 2 400 000 Ft szabad), és jegyezze ellen a vállalást; utána a K331 / 064010 szabad előirányzata 0 Ft.',
				en: 'As the head of finance, check the cover again (now 2 400 000 Ft free) and countersign; afterwards K331 / 064010 has 0 Ft free.',
			},
			hints: [
				{ hu: 'Az ellenjegyzés T 0533 / K 003 tételt könyvel 2 400 000 Ft-tal.', en: 'The countersignature books T 0533 / K 003 for 2 400 000 Ft.' },
				{ hu: 'Ha a rendszer még fedezethiányt jelez, az átcsoportosítás nincs jóváhagyva.', en: 'If the system still reports missing cover, the reallocation is not approved yet.' },
			],
		},
	},
	mistakes: {
		'countersign-anyway': {
			feedback: {
				hu: 'Fedezet nélkül nem szabad ellenjegyezni, akkor sem, ha a polgármester kéri: a szabad előirányzat (1 700 000 Ft) nem fedezi a 2 400 000 Ft-os vállalást. A rendszer ezt meg is akadályozza; a helyes lépés az indokolt elutasítás, majd fedezet teremtése.',
				en: 'Never countersign without cover, even if the mayor asks: the free appropriation (1 700 000 Ft) does not cover the 2 400 000 Ft commitment. The system blocks it; the right step is a reasoned refusal, then creating cover.',
			},
			rule: 'A.1/2a: szabad előirányzat fedezet',
		},
		splitting: {
			feedback: {
				hu: 'Mesterséges megbontás: egy szerződést nem szabad 200 000 Ft alatti részekre bontani, hogy elkerülje az írásbeli kötelezettségvállalást és a fedezetvizsgálatot. A teljes 2 400 000 Ft-ot egy vállalásként kell rögzíteni; a részvállalásokat vonja vissza.',
				en: 'Artificial splitting: a contract may not be cut into parts under 200 000 Ft to avoid a written commitment and the cover check. Record the whole 2 400 000 Ft as one commitment; cancel the parts.',
			},
			rule: 'A.1/1: írásbeli kötelezettségvállalás (Ávr. 52. § (6) a) ○)',
		},
		'committed-source': {
			feedback: {
				hu: 'Lekötött előirányzatból nem lehet átcsoportosítani: a K334 / 045160 a kátyújavítás, a K331 / 064010 a már vállalt áramdíj fedezete. Átcsoportosítani csak szabad előirányzatból, itt a K513 tartalékból lehet.',
				en: 'A committed appropriation cannot be moved: K334 / 045160 covers the road repair, K331 / 064010 the electricity already committed. Only free appropriation can be reallocated – here the K513 reserve.',
			},
			rule: 'A.1/2a: szabad előirányzat fedezet',
		},
		'wrong-source': {
			feedback: {
				hu: 'Az előre nem látható kiadásokra a tartalék (K513 / 011130) szolgál; más feladat előirányzatát ne csökkentse. A helyes sorok: K513 −700 000 Ft, K331 / 064010 +700 000 Ft.',
				en: 'Unforeseen expenditure is covered from the reserve (K513 / 011130); do not cut the appropriation of another task. The right lines: K513 −700 000 Ft, K331 / 064010 +700 000 Ft.',
			},
			rule: 'A.2: átcsoportosítás',
		},
		unbalanced: {
			feedback: {
				hu: 'Az átcsoportosítás nincs egyensúlyban: ami a K331-re kerül (+700 000 Ft), annyival kell csökkennie a tartaléknak (−700 000 Ft); a főösszeg nem változik.',
				en: 'The reallocation is not balanced: what goes to K331 (+700 000 Ft) must come off the reserve (−700 000 Ft); the total does not change.',
			},
			rule: 'A.2: költségvetési egyensúly (főösszeg)',
		},
		order: {
			feedback: {
				hu: 'Rossz sorrend: az elutasított vállalást csak a fedezet megteremtése (az átcsoportosítás jóváhagyása) után lehet újra benyújtani, ellenjegyezni pedig csak újbóli benyújtás után. Ha túl korán nyújtotta be, a gazdasági vezető utasítsa el újra.',
				en: 'Wrong order: a refused commitment is resubmitted only after cover is created (the reallocation approved), and countersigned only after resubmission. If it was resubmitted too early, the head of finance refuses it again.',
			},
			rule: 'A.1/2: ellenjegyzés előtti fedezetvizsgálat',
		},
		'wrong-rovat': {
			feedback: { hu: 'A közvilágítás áramdíja közüzemi díj: K331 rovat.', en: 'Electricity for public lighting is a utility charge: rovat K331.' },
			rule: 'A.2: rovatrend',
		},
		'wrong-funkcio': {
			feedback: { hu: 'A közvilágítás kormányzati funkciója 064010.', en: 'Public lighting is government function 064010.' },
			rule: 'A.2: kormányzati funkciók',
		},
		'wrong-amount': {
			feedback: { hu: 'A szerződés az év hátralevő részére 2 400 000 Ft-ról szól; ezt az összeget kell egyben vállalni.', en: 'The contract for the rest of the year is for 2 400 000 Ft; commit that amount as a whole.' },
		},
		written: {
			feedback: {
				hu: '200 000 Ft-tól a kötelezettségvállalás csak írásban érvényes: adja meg a szerződés számát.',
				en: 'From 200 000 Ft a commitment is only valid in writing: give the contract number.',
			},
			rule: 'A.1/1: írásbeli kötelezettségvállalás (Ávr. 52. § (6) a) ○)',
		},
	},
}
