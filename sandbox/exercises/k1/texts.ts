import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of K1, Hungarian first.

export const K1_TEXTS: {
	steps: Record<string, StepText>
	mistakes: Record<string, MistakeText>
} = {
	steps: {
		createUser: {
			title: { hu: 'Új felhasználó létrehozása', en: 'Create the new user' },
			instruction: {
				hu: 'A jegyzőként (mindkét önkormányzat KERET-adminisztrátora) hozza létre az új kolléga, Nagy Péter felhasználóját: bejelentkezési név nagy.peter, munkakör: adóügyi ügyintéző (Felsőbükk).',
				en: 'As the chief clerk (KERET administrator of both villages), create the user of the new colleague Nagy Péter: login name nagy.peter, job: tax officer (Felsőbükk).',
			},
			hints: [
				{
					hu: 'A KERET-adminisztráció menüben (Alt+7) az „Új felhasználó” űrlapon.',
					en: 'In KERET administration (Alt+7), on the "New user" form.',
				},
				{
					hu: 'A felhasználóváltóban válassza Dr. Varga Katalin jegyzőt; a név pontosan „Nagy Péter” legyen.',
					en: 'Pick the chief clerk, Dr. Varga Katalin, in the user switch; the name is exactly "Nagy Péter".',
				},
			],
		},
		grantTaxRole: {
			title: {
				hu: 'Adóügyi szerepkör – csak Felsőbükkben',
				en: 'Tax role – Felsőbükk only',
			},
			instruction: {
				hu: 'Ossza ki Nagy Péternek az adó szakrendszer „Adóügyi ügyintéző” szerepkörét Felsőbükkben. Alsóbükkben ne kapjon semmit, és gazdálkodási (fin.) szerepkört egyik faluban se.',
				en: 'Grant Nagy Péter the tax subsystem role "Tax officer" in Felsőbükk. He gets nothing in Alsóbükk and no finance (fin.) role in either village.',
			},
			hints: [
				{
					hu: 'A szerepkör mindig az aktív önkormányzatra szól: előbb a fejlécben váltson Felsőbükkre.',
					en: 'A role is always granted in the active municipality: first switch to Felsőbükk in the header.',
				},
				{
					hu: 'Szerepkör kiosztása: felhasználó nagy.peter, szerepkör tax.ugyintezo (Adóügyi ügyintéző).',
					en: 'Grant role: user nagy.peter, role tax.ugyintezo (Tax officer).',
				},
			],
		},
		substitution: {
			title: {
				hu: 'Helyettesítés az érvényesítő szerepkörben',
				en: 'Substitution in the validator role',
			},
			instruction: {
				hu: 'Kiss Márta (penzugyes1) jövő hétfőtől két hétre szabadságra megy. Állítsa be, hogy erre az időre Horváth Gábor (penzugyes2) csak az érvényesítő szerepkörben helyettesítse – kezdje az egyik önkormányzattal.',
				en: 'Kiss Márta (penzugyes1) goes on leave for two weeks from next Monday. Set up Horváth Gábor (penzugyes2) to stand in for her in the validator role only for that time – start with one of the villages.',
			},
			hints: [
				{
					hu: 'A KERET szerepkört helyettesít, nem felhasználót: a helyettesítés egyetlen szerepkörre, kezdő és záró dátummal szól.',
					en: 'KERET substitutes a role, not a user: a substitution covers one role, with a start and an end date.',
				},
				{
					hu: 'Helyettesítés beállítása: szerepkör fin.ervenyesito, távollévő penzugyes1, helyettes penzugyes2; kezdete a jövő hétfő, vége a rákövetkező hét vasárnapja (14 nap).',
					en: 'Set up substitution: role fin.ervenyesito, absent penzugyes1, substitute penzugyes2; from next Monday to the Sunday of the week after (14 days).',
				},
			],
		},
		substitutionOther: {
			title: {
				hu: 'Helyettesítés a másik önkormányzatban is',
				en: 'Substitution in the other village too',
			},
			instruction: {
				hu: 'Kiss Márta mindkét falu kifizetéseit érvényesíti, a helyettesítés viszont – mint minden szerepkör – önkormányzatonként szól. Állítsa be ugyanezt a helyettesítést, ugyanazokkal a dátumokkal, a másik önkormányzatban is.',
				en: 'Kiss Márta validates the payments of both villages, but a substitution, like every role, applies to one municipality. Set up the same substitution, with the same dates, in the other village too.',
			},
			hints: [
				{
					hu: 'Váltson a fejlécben a másik önkormányzatra, és nézze meg a Helyettesítések listáját: ott még üres.',
					en: 'Switch to the other municipality in the header and look at its Substitutions: none there yet.',
				},
				{
					hu: 'Ugyanaz a szerepkör (fin.ervenyesito), ugyanaz a távollévő és helyettes, ugyanaz a kezdő és záró nap.',
					en: 'Same role (fin.ervenyesito), same absent user and substitute, same first and last day.',
				},
			],
		},
	},
	mistakes: {
		'joint-office-grant': {
			feedback: {
				hu: 'Nagy Péter Alsóbükkben is kapott szerepkört, így mindkét falu adózóit látná. A közös hivatalban a szerepkör önkormányzatonként szól: ő csak Felsőbükk ügyintézője, az alsóbükki hozzárendelést vonja vissza.',
				en: "Nagy Péter got a role in Alsóbükk too, so he would see both villages' taxpayers. In a joint office roles are granted per municipality: he works for Felsőbükk only, so revoke the Alsóbükk grant.",
			},
			rule: 'KERET: szerepkör önkormányzatonként',
		},
		'finance-role': {
			feedback: {
				hu: 'Nagy Péter adóügyi ügyintéző: gazdálkodási szerepkör nem illeti meg, így a gazdálkodási szakrendszer nem is jelenhet meg neki. A szerepkört vonja vissza – mindenki csak a munkájához szükséges szerepköröket kapja.',
				en: 'Nagy Péter is a tax officer: he must not hold a finance role, so the finance subsystem must not even appear for him. Revoke it – everybody gets only the roles their job needs.',
			},
			rule: 'KERET: szerepkör a munkakörhöz',
		},
		'wrong-role': {
			feedback: {
				hu: 'Nagy Péter az adó szakrendszer ügyintézője, nem vezetője és nem KERET-adminisztrátor: az „Adóügyi ügyintéző” (tax.ugyintezo) szerepkört kapja, a többit vonja vissza.',
				en: 'Nagy Péter is a tax officer, not the head of the tax office nor a KERET administrator: he gets "Tax officer" (tax.ugyintezo); revoke the rest.',
			},
			rule: 'KERET: szerepkör a munkakörhöz',
		},
		'incompatible-roles': {
			feedback: {
				hu: 'Ezzel a kiosztással egy személy ugyanabban az önkormányzatban összeférhetetlen szerepkörpárt kap (pl. kötelezettségvállaló és pénzügyi ellenjegyző, vagy érvényesítő és teljesítésigazoló) – a KERET figyelmeztetőlistájának üresnek kell maradnia (Ávr. 60. §). Vonja vissza.',
				en: 'This grant gives one person an incompatible pair of roles in the same municipality (e.g. commitment authoriser and financial countersigner, or validator and performance certifier) – the KERET warning list must stay empty (Ávr. 60. §). Revoke it.',
			},
			rule: 'Ávr. 60. §',
		},
		'permanent-grant': {
			feedback: {
				hu: 'Horváth Gábor végleges érvényesítő szerepkört kapott, ami a szabadság után is megmarad. Távollét idejére helyettesítést kell beállítani dátumokkal; a kiosztást vonja vissza.',
				en: 'Horváth Gábor got a permanent validator role, which stays after the leave. An absence is covered by a dated substitution; revoke the grant.',
			},
			rule: 'KERET: helyettesítés szerepkör szerint',
		},
		'user-inactive': {
			feedback: {
				hu: 'Nagy Péter felhasználóját letiltotta, így nem tud bejelentkezni. Az új kolléga felhasználójának aktívnak kell lennie: engedélyezze újra.',
				en: "You disabled Nagy Péter's user, so he cannot log in. The new colleague's user must be active: enable it again.",
			},
			rule: 'KERET: felhasználókezelés',
		},
		'sod-substitution': {
			feedback: {
				hu: 'A helyettes ugyanabban az önkormányzatban olyan szerepkört is visel, amely ezzel összeférhetetlen: érvényesítőként a saját maga igazolta (vagy vállalta, utalványozta) tételeket érvényesítené (Ávr. 60. §). Vonja vissza, és olyan kollégát jelöljön, akinek nincs ilyen szerepköre.',
				en: 'The substitute also holds a role incompatible with this one in the same municipality: as validator he would validate items he certified (or committed, or ordered) himself (Ávr. 60. §). Revoke it and choose a colleague without such a role.',
			},
			rule: 'Ávr. 60. §',
		},
		'whole-user-substitution': {
			feedback: {
				hu: 'Kiss Mártát nem egészében kell helyettesíteni: a KERET szerepkört helyettesít, és a feladat szerint csak az érvényesítő szerepkört. A többi szerepkörére (könyvelő, költségvetés-rögzítő) beállított helyettesítést vonja vissza.',
				en: 'Kiss Márta is not substituted as a whole user: KERET substitutes roles, and only the validator role is to be covered. Revoke the substitutions of her other roles (bookkeeper, budget recorder).',
			},
			rule: 'KERET: helyettesítés szerepkör szerint',
		},
		'wrong-substitute': {
			feedback: {
				hu: 'A feladat szerint Kiss Mártát Horváth Gábor (penzugyes2) helyettesíti érvényesítőként. A másik kollégának beállított helyettesítést vonja vissza.',
				en: 'Kiss Márta is to be substituted as validator by Horváth Gábor (penzugyes2). Revoke the substitution set up for the other colleague.',
			},
			rule: 'KERET: helyettesítés szerepkör szerint',
		},
		'substitution-dates': {
			feedback: {
				hu: 'A helyettesítés pontosan a szabadság idejére szóljon: a jövő hétfőtől a rákövetkező hét végéig (péntek–vasárnap), és a vége nem lehet a kezdete előtt. Hosszabb helyettesítéssel a helyettes a szabadság után is érvényesíthetne.',
				en: 'The substitution covers exactly the leave: from next Monday to the end of the following week (Friday to Sunday), and it cannot end before it starts. A longer one would let the substitute validate after the leave too.',
			},
			rule: 'KERET: helyettesítés dátumokkal',
		},
		'wrong-persona': {
			feedback: {
				hu: 'Felhasználót, szerepkört és helyettesítést csak a KERET-adminisztrátor kezelhet. Váltson a jegyzőre, aki mindkét önkormányzatban KERET-adminisztrátor.',
				en: 'Only the KERET administrator manages users, roles and substitutions. Switch to the chief clerk, KERET administrator in both villages.',
			},
			rule: 'KERET: szerepkör önkormányzatonként',
		},
	},
}
