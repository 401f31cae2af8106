import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of F3, Hungarian first.

export const F3_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		commitment: {
			title: { hu: 'Kötelezettségvállalás rögzítése', en: 'Record the commitment' },
			instruction: {
				hu: 'Alsóbükk polgármestereként rögzítse a kötelezettségvállalást: Útjavító Kft., K334 rovat, 045160 kormányzati funkció, 350 000 Ft, írásos megrendeléssel, 30 napos fizetési határidővel.',
				en: 'As the mayor of Alsóbükk, record the commitment: Útjavító Kft., rovat K334, government function 045160, 350 000 Ft, with a written order, payable in 30 days.',
			},
			hints: [
				{ hu: 'A Gazdálkodás → Kötelezettségvállalások menüben indul (Alt+2).', en: 'It starts in Finance → Commitments (Alt+2).' },
				{ hu: 'A felhasználóváltóban válassza Alsóbükk polgármesterét; 200 000 Ft felett a megrendelés száma kötelező.', en: 'Pick the mayor of Alsóbükk in the user switch; above 200 000 Ft the order number is required.' },
			],
		},
		countersign: {
			title: { hu: 'Pénzügyi ellenjegyzés', en: 'Financial countersignature' },
			instruction: {
				hu: 'A gazdasági vezetőként ellenőrizze a szabad előirányzatot (2 600 000 Ft), és jegyezze ellen a kötelezettségvállalást.',
				en: 'As the head of finance, check the free appropriation (2 600 000 Ft) and countersign the commitment.',
			},
			hints: [
				{ hu: 'Az ellenjegyző nem lehet azonos a kötelezettségvállalóval (Ávr. 60. §).', en: 'The countersigner may not be the person who committed (Ávr. 60. §).' },
				{ hu: 'Váltson Kovácsné gazdasági vezetőre, és nyissa meg a kötelezettségvállalást.', en: 'Switch to the head of finance and open the commitment.' },
			],
		},
		invoice: {
			title: { hu: 'Bejövő számla iktatása', en: 'Register the incoming invoice' },
			instruction: { hu: 'Pénzügyi ügyintézőként rögzítse az Útjavító Kft. 350 000 Ft-os számláját a kötelezettségvállaláshoz kapcsolva.', en: "As a finance officer, register Útjavító Kft.'s 350 000 Ft invoice against the commitment." },
			hints: [
				{ hu: 'A számla a kötelezettségvállalás adatlapján rögzíthető.', en: 'The invoice is recorded on the commitment page.' },
				{ hu: 'A számla összege egyezzen a vállalással; a számlaszám egyedi.', en: 'The invoice amount equals the commitment; the invoice number is unique.' },
			],
		},
		certify: {
			title: { hu: 'Teljesítésigazolás', en: 'Certify performance' },
			instruction: { hu: 'A műszaki ügyintézőként igazolja, hogy a kátyújavítás elkészült.', en: 'As the technical officer, certify that the road repair was done.' },
			hints: [
				{ hu: 'Érvényesíteni csak igazolt teljesítés után lehet.', en: 'Validation is only possible after performance is certified.' },
				{ hu: 'Váltson Nagy László műszaki ügyintézőre.', en: 'Switch to the technical officer.' },
			],
		},
		validate: {
			title: { hu: 'Érvényesítés', en: 'Validation' },
			instruction: { hu: 'Az egyik pénzügyi ügyintézőként érvényesítse a kifizetést: összeg, fedezet, az előző lépések alakisága.', en: 'As a finance officer, validate the payment: amount, cover and the formal correctness of the previous steps.' },
			hints: [
				{ hu: 'Az érvényesítő nem lehet a kötelezettségvállaló, a teljesítésigazoló vagy az utalványozó.', en: 'The validator may not be the committer, the certifier or the payment orderer.' },
				{ hu: 'Szabó Éva (1. pénzügyi ügyintéző) érvényesíthet.', en: 'The first finance officer may validate.' },
			],
		},
		order: {
			title: { hu: 'Utalványozás', en: 'Payment order' },
			instruction: { hu: 'A polgármesterként adja ki az utalványt a kifizetésre.', en: 'As the mayor, issue the payment order.' },
			hints: [
				{ hu: 'Utalványozni csak érvényesítés után, írásban lehet.', en: 'A payment order only follows validation, in writing.' },
				{ hu: 'A kifizetés napja nem lehet korábbi az érvényesítésnél.', en: 'The payment date cannot precede the validation.' },
			],
		},
		transfer: {
			title: { hu: 'Átutalás', en: 'Bank transfer' },
			instruction: { hu: 'A pénztárosi szerepkörrel rendelkező pénzügyi ügyintézőként indítsa az átutalást.', en: 'As the finance officer holding the cashier role, execute the transfer.' },
			hints: [
				{ hu: 'Horváth Gábor (2. pénzügyi ügyintéző) pénztáros szerepkört is kapott.', en: 'The second finance officer also holds the cashier role.' },
				{ hu: 'A Bank menüben (Alt+4) látszanak az utalásra váró tételek.', en: 'The Bank menu (Alt+4) lists the payments waiting for transfer.' },
			],
		},
		match: {
			title: { hu: 'Bankkivonat párosítása', en: 'Match the bank statement' },
			instruction: { hu: 'Rögzítse a költségvetési számla kivonatát a 350 000 Ft-os terheléssel, és párosítsa a kifizetéssel.', en: 'Record the budget account statement with the 350 000 Ft debit and match it to the payment.' },
			hints: [
				{ hu: 'A kivonat tétele terhelés (debit), a kedvezményezett az Útjavító Kft.', en: 'The statement line is a debit; the payee is Útjavító Kft.' },
				{ hu: 'A párosítás után a kivonattétel és a kifizetés összetartozik; ezzel zárul a ciklus.', en: 'Once matched, the line and the payment belong together; the cycle is closed.' },
			],
		},
	},
	mistakes: {
		'wrong-rovat': {
			feedback: { hu: 'A kátyújavítás karbantartási szolgáltatás: a K334 rovatra kell vállalni, nem másra.', en: 'Road repair is a maintenance service: the commitment goes on rovat K334.' },
			rule: 'A.2: rovatrend',
		},
		'wrong-funkcio': {
			feedback: { hu: 'Az utak fenntartása a 045160 kormányzati funkció (közutak, hidak üzemeltetése).', en: 'Road maintenance is government function 045160 (public roads and bridges).' },
			rule: 'A.2: kormányzati funkciók',
		},
		'wrong-amount': {
			feedback: { hu: 'A megrendelés és a számla összege 350 000 Ft; eltérő összegű vállalást vissza kell vonni és újat rögzíteni.', en: 'The order and the invoice are for 350 000 Ft; a commitment for another amount must be cancelled and recorded again.' },
		},
		sod: {
			feedback: {
				hu: 'Összeférhetetlenség (Ávr. 60. §): a kötelezettségvállaló nem jegyezheti ellen a saját vállalását, és az érvényesítő nem lehet kötelezettségvállaló, teljesítésigazoló vagy utalványozó ugyanannál a gazdasági eseménynél.',
				en: 'Incompatibility (Ávr. 60. §): the committer may not countersign their own commitment, and the validator may not commit, certify or order payment on the same economic event.',
			},
			rule: 'Ávr. 60. §',
		},
		order: {
			feedback: { hu: 'A kiadási ciklus lépései kötött sorrendűek: érvényesíteni csak teljesítésigazolás után, utalványozni csak érvényesítés után lehet.', en: 'The steps are in a fixed order: validation only after certification, the payment order only after validation.' },
			rule: 'A.1: a kiadási ciklus sorrendje',
		},
		'giro-check': {
			feedback: { hu: 'A bankszámlaszám ellenőrző számjegye hibás: elírt számlaszámra nem lehet utalni. Ellenőrizze a számlaszámot a szerződésen.', en: 'The bank account fails its check digit: no transfer to a mistyped account. Check the number on the contract.' },
			rule: 'B.2.4: GIRO ellenőrző számjegy',
		},
	},
}
