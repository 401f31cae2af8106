import { TAX_RULE } from '../../tax/rules.ts'
import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of T2, Hungarian first.

export const T2_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		import: {
			title: { hu: 'A napi bankszámlakivonat beolvasása', en: "Import the day's bank statement" },
			instruction: {
				hu: 'Alsóbükk adóügyi ügyintézőjeként olvassa be a kommunális adó és az iparűzési adó beszedési számlájának mai kivonatát (6 tétel). A rendszer a közleményben szereplő adóazonosító jel vagy adószám alapján automatikusan párosít; ami nem azonosítható, függő tételbe kerül.',
				en: "As Alsóbükk's tax officer, import today's statement of the kommunális adó and HIPA collection accounts (6 lines). The system matches each line by the adóazonosító jel or adószám in the remittance text; what cannot be identified goes to suspense.",
			},
			hints: [
				{ hu: 'Adó → Bankkivonat beolvasása; a fájl az exercise panelről tölthető le. Ellenőrizze, hogy Alsóbükk az aktív önkormányzat.', en: 'Tax → Import statement; download the file from the exercise panel. Check that Alsóbükk is the active municipality.' },
				{ hu: 'A kivonatot egyszer kell beolvasni: ugyanazt a banki tételt a rendszer másodszor nem fogadja el. A beolvasás után 5 tétel azonosított, 1 függő.', en: 'Import the statement once: the system refuses a bank line it has already seen. After the import 5 lines are identified and 1 is in suspense.' },
			],
		},
		transfer: {
			title: { hu: 'A téves számlára érkezett befizetés átvezetése', en: 'Transfer the payment that reached the wrong account' },
			instruction: {
				hu: 'Oláh Péter a kommunális adóját az iparűzési adó beszedési számlájára utalta, ezért az iparűzési adónemén 6 000 Ft túlfizetés áll. Vezesse át a 6 000 Ft-ot az iparűzési adóról a magánszemélyek kommunális adójára, indoklással.',
				en: "Oláh Péter paid his kommunális adó to the HIPA collection account, so his HIPA account shows a 6 000 Ft overpayment. Transfer the 6 000 Ft from HIPA to the residents' communal tax, with a reason.",
			},
			hints: [
				{ hu: 'A banki tétel nem módosítható és nem azonosítható újra: a helyesbítés az adószámlán, átvezetéssel történik.', en: 'The bank line cannot be edited or identified again: the correction is made on the tax account, by a transfer (átvezetés).' },
				{ hu: 'Oláh Péter adószámláján: Átvezetés – honnan: helyi iparűzési adó, hová: magánszemélyek kommunális adója, összeg 6 000 Ft.', en: "On Oláh Péter's tax account: Transfer – from local business tax to residents' communal tax, amount 6 000 Ft." },
			],
		},
		suspense: {
			title: { hu: 'Az azonosítatlan befizetés függőben tartása', en: 'Keep the unidentified payment in suspense' },
			instruction: {
				hu: 'A „KOVÁCS J.” nevű befizető 5 000 Ft-ot fizetett be készpénzben, azonosító nélkül. Hagyja függő tételként, és írjon hozzá feljegyzést arról, hogyan tisztázza a befizető kilétét.',
				en: 'A payer named "KOVÁCS J." paid 5 000 Ft in cash without any identifier. Leave it in suspense and add a note on how you will find out who paid.',
			},
			hints: [
				{ hu: 'Több Kovács is van a faluban, és a befizetés egyikük tartozásával sem egyezik: találgatással nem szabad senkihez rendelni.', en: "There are several Kovács in the village and the amount matches nobody's debt: it must not be assigned by guesswork." },
				{ hu: 'Adó → Függő tételek: válassza az 5 000 Ft-os tételt, és rögzítsen feljegyzést (például: a bank útján kérjük a befizető adatait).', en: 'Tax → Suspense: pick the 5 000 Ft line and record a note (e.g. the payer\'s details are requested through the bank).' },
			],
		},
		overpayment: {
			title: { hu: 'A túlfizetés kezelése és az adózó értesítése', en: 'Handle the overpayment and notify the taxpayer' },
			instruction: {
				hu: 'Bodnár Ilona 24 000 Ft-ot fizetett, pedig az idei kommunális adója 12 000 Ft (2 × 6 000): 12 000 Ft túlfizetése van. A túlfizetés maradjon az adószámláján; küldjön neki egyenlegértesítőt, amely mutatja a 12 000 Ft-os követelését, hogy kérhesse a visszatérítést vagy az átvezetést.',
				en: "Bodnár Ilona paid 24 000 Ft although this year's kommunális adó is 12 000 Ft (2 × 6 000): she overpaid by 12 000 Ft. Leave the overpayment on her account and send her a balance notice showing the 12 000 Ft credit, so that she can ask for a refund or a transfer.",
			},
			hints: [
				{ hu: 'A túlfizetés nem költségvetési bevétel, és jövő évi, még elő nem írt adóra nem számolható el: csak az adózó kérésére téríthető vissza vagy vezethető át meglévő tartozásra.', en: "An overpayment is not budget revenue and cannot be set against next year's tax that has not been charged: it is refunded or transferred to an existing debt only when the taxpayer asks." },
				{ hu: 'Bodnár Ilona adatlapján: Egyenlegértesítő kiadása. Az egyenleg −12 000 Ft (követelés).', en: "On Bodnár Ilona's page: Issue balance notice. The balance is −12 000 Ft (a credit)." },
			],
		},
	},
	mistakes: {
		'edit-bank-line': {
			feedback: {
				hu: 'A banki tételt nem lehet átírni, visszacsinálni vagy másodszor azonosítani: a kivonat a bank adata. A téves számlára érkezett befizetés az adózóé marad, és az adószámlán, átvezetéssel kerül a helyes adónemre. Visszautalni sem kell – az adózó kifizette a kommunális adóját; a kiutalt pénz nem hozható vissza, visszatérítés után kezdje újra a feladatot.',
				en: "A bank line cannot be rewritten, undone or identified a second time: the statement is the bank's record. A payment that reached the wrong account stays the taxpayer's and is moved to the right tax type on the tax account, by a transfer (átvezetés). It is not to be paid back – the taxpayer has paid the communal tax; money refunded cannot be brought back, so after a refund restart the exercise.",
			},
			rule: TAX_RULE.bankLine,
		},
		'wrong-adonem': {
			feedback: {
				hu: 'Oláh Péter a magánszemélyek kommunális adóját akarta megfizetni: az átvezetés az iparűzési adóról a kommunális adóra szól.',
				en: "Oláh Péter meant to pay the residents' communal tax: the transfer goes from HIPA to the communal tax.",
			},
			rule: 'B.3: átvezetés az adózó másik adónemére',
		},
		'wrong-amount': {
			feedback: {
				hu: 'Átvezetni és visszatéríteni csak a valódi túlfizetést lehet, és itt pontosan a téves számlára érkezett 6 000 Ft-ot kell átvezetni.',
				en: 'Only a genuine overpayment can be transferred or refunded, and here exactly the 6 000 Ft that reached the wrong account is to be transferred.',
			},
			rule: TAX_RULE.overpaymentOnly,
		},
		'forced-identification': {
			feedback: {
				hu: 'Az azonosító nélküli 5 000 Ft-ot nem szabad találomra valakihez rendelni: ha rossz adózóhoz kerül, annak tartozását tévesen csökkenti, a valódi befizető pedig hátralékosnak látszik. A tétel függőben marad, amíg a befizető kiléte kiderül; a banki tétel ezután nem rendelhető át.',
				en: "The 5 000 Ft without an identifier must not be assigned to someone by guesswork: on the wrong taxpayer it wrongly reduces that person's debt while the real payer looks in arrears. It stays in suspense until the payer is known; afterwards the bank line cannot be reassigned.",
			},
			rule: 'B.3: azonosíthatatlan befizetés függő tételen (449) marad',
		},
		'overpayment-to-future-tax': {
			feedback: {
				hu: 'A túlfizetést nem lehet jövő évi, még elő nem írt adóra elszámolni vagy más, tartozás nélküli adónemre „előre” átvezetni: jövő évre ma nincs előírás, a túlfizetés addig az adózó követelése. Az adózót értesíteni kell; kérésére visszatéríthető vagy meglévő tartozására átvezethető.',
				en: "An overpayment cannot be set against next year's tax, which has not been charged, or moved ahead to another tax type without a debt: there is no charge for next year yet, and until then the overpayment is the taxpayer's credit. Notify the taxpayer; on request it is refunded or transferred to an existing debt.",
			},
			rule: TAX_RULE.overpaymentOnly,
		},
		'refund-without-request': {
			feedback: {
				hu: 'Visszatéríteni csak az adózó kérésére lehet. Bodnár Ilona nem kérte; előbb értesíteni kell a túlfizetésről (egyenlegértesítő), és ő dönt a visszatérítésről vagy az átvezetésről. A kiutalt összeg már nem hozható vissza – kezdje újra a feladatot.',
				en: 'A refund is made only at the taxpayer\'s request. Bodnár Ilona did not ask; first notify her of the overpayment (balance notice) and let her choose a refund or a transfer. The refunded money cannot be brought back – restart the exercise.',
			},
			rule: 'B.3: visszatérítés csak valódi túlfizetésből, kérelemre',
		},
		'wrong-municipality': {
			feedback: {
				hu: 'A kivonat Alsóbükk beszedési számláiról szól, és az adózók is alsóbükkiek: a fejlécben Alsóbükknek kell aktívnak lennie. A két falu adószámlái és beszedési számlái külön vannak.',
				en: "The statement is of Alsóbükk's collection accounts and the taxpayers live in Alsóbükk: Alsóbükk must be active in the header. The two villages keep their tax accounts and collection accounts separately.",
			},
			rule: 'KERET: önkormányzatonkénti adatelkülönítés',
		},
	},
}
