/**
 * The Dutch advice the bot gives on responding and on prevention: the guide's meaning, restated in
 * short je-form sentences (never copied). Every text names the section of the guide it restates:
 * "Handreiking Weerbaar Bestuur in de provincie Utrecht" (/work/shared/seeds/…), chapters 2 to 5 and
 * the annex. Layout lives in cards/guidance-*.json; this file holds only words.
 */
import type { BehaviourLevel } from '../domain/report';

/** The advice for one level of the ik–jullie–jij ladder. */
export interface LevelAdvice {
  level: BehaviourLevel;
  /** The choice button: what the other person does, in plain words. */
  choice: string;
  /** Under the choice button: how you recognise it. */
  recognise: string;
  /** The ladder's own name for the level, shown small under the heading. */
  ladder: string;
  /** Level 5: the card opens with 112. */
  safetyFirst: boolean;
  /** What to do now, in order. */
  now: readonly string[];
  /** Why: the organisation's norm for this level. */
  why: string;
  /** The next step: reporting. */
  report: string;
}

// Ch. 4, "Emotioneel gedrag": your own safety always comes first (levels 1 and 2).
const STAY_CALM = 'Blijf rustig. Je eigen veiligheid gaat altijd voor.';
// Ch. 2, Basisafspraak: report boundary-crossing behaviour always, also with little hindrance (levels 1 and 2).
const REPORT_EVEN_IF_IT_ENDED_WELL = 'Ging het over je grens? Meld het dan, ook als het goed afliep.';

/** Ch. 4, "Emotioneel gedrag" and "Agressief gedrag", with the norms of Afbeelding 2 (ik–jullie–jij). */
export const LEVEL_ADVICE: Readonly<Record<BehaviourLevel, LevelAdvice>> = {
  1: {
    level: 1,
    // Ch. 4, Afbeelding 2, column "ik": behaviour aimed at one's own situation.
    choice: 'Iemand klaagt over de eigen situatie',
    recognise: 'Vaak met "ik": vraagt om begrip of een uitzondering, klaagt of smeekt.',
    ladder: 'Emotioneel gedrag ("ik")',
    safetyFirst: false,
    now: [
      STAY_CALM,
      // Ch. 4, "Emotioneel gedrag": show understanding, empathise, ask questions, look for a solution.
      'Laat merken dat je de ander begrijpt. Stel vragen en zoek samen naar een oplossing.',
      // Ch. 4, "Emotioneel gedrag": listen, let them tell their story, do not argue.
      'Luister en laat de ander uitpraten. Ga niet in discussie.',
      // Ch. 4, "Emotioneel gedrag": if it turns intimidating or aggressive, set a boundary and say so.
      'Wordt het grof of dreigend? Zeg duidelijk waar je grens ligt.',
    ],
    // Ch. 4, Afbeelding 2, norm for "ik": complaining and being angry is allowed; the office holder acts.
    why: 'Klagen en boos zijn mag. Met aandacht en begrip voorkom je dat het uit de hand loopt.',
    report: REPORT_EVEN_IF_IT_ENDED_WELL,
  },
  2: {
    level: 2,
    // Ch. 4, Afbeelding 2, column "jullie": criticism of rules, policy or the governing body.
    choice: 'Iemand is boos over beleid of bestuur',
    recognise: 'Vaak met "jullie": kritiek op regels of beleid, beschuldigt of roept ter verantwoording.',
    ladder: 'Emotioneel gedrag ("jullie")',
    safetyFirst: false,
    now: [
      STAY_CALM,
      // Ch. 4, "Emotioneel gedrag": give attention to the emotion, listen well.
      'Geef aandacht aan de boosheid en luister goed.',
      // Ch. 4, "Emotioneel gedrag": do not argue; let them tell their story; show understanding.
      'Ga niet in discussie over het beleid. Laat merken dat je de frustratie begrijpt.',
      // Ch. 4, "Emotioneel gedrag": if it turns intimidating or aggressive, set a boundary and say so.
      'Wordt het persoonlijk of grof? Zeg duidelijk waar je grens ligt.',
    ],
    // Ch. 4, Afbeelding 2, norm for "jullie": criticism of policy may be voiced, also angrily; listening de-escalates.
    why: 'Kritiek op beleid mag, ook als iemand boos is. Luisteren haalt de spanning eruit.',
    report: REPORT_EVEN_IF_IT_ENDED_WELL,
  },
  3: {
    level: 3,
    // Ch. 4, Afbeelding 2, column "jij": aimed at the office holder personally.
    choice: 'Iemand wordt persoonlijk of grof',
    recognise: 'Vaak met "jij": scheldt, treitert, daagt uit of maakt je belachelijk.',
    ladder: '(Non-)verbale agressie ("jij")',
    safetyFirst: false,
    now: [
      // Ch. 4, "(Non-)verbale agressie": address the behaviour and ask them to stop.
      'Zeg rustig dat dit niet kan en vraag de ander te stoppen.',
      // Ch. 4, "(Non-)verbale agressie": the conversation goes on only when the behaviour changes.
      'Zeg dat je pas verder praat als het gedrag stopt.',
      // Ch. 4, "(Non-)verbale agressie": otherwise end the conversation and ask them to leave.
      'Stopt het niet? Beëindig het gesprek en vraag de ander weg te gaan.',
      // Ch. 4, "(Non-)verbale agressie": security escorts them out; police if they refuse to leave.
      'Vraag de beveiliging om hulp. Gaat iemand niet weg? Bel de politie.',
    ],
    // Ch. 4, Afbeelding 2, norm for "jij": not personal; talk on only when it stops, else end it and take measures.
    why: 'Kritiek mag, persoonlijk worden niet. Je mag een gesprek altijd stoppen.',
    // Ch. 2, Basisafspraak: always report, always a response to the perpetrator, measures agreed with you.
    report: 'Meld het, ook als je er weinig last van had. Je afhandelaar bespreekt met jou welke reactie de pleger krijgt.',
  },
  4: {
    level: 4,
    // Ch. 4, Afbeelding 2, column "Bedreiging, intimidatie".
    choice: 'Iemand bedreigt of intimideert je',
    recognise: 'Dreigt met geweld, ook met woorden of gebaren, of intimideert, ook seksueel.',
    ladder: 'Bedreiging of intimidatie',
    safetyFirst: false,
    now: [
      // Ch. 4, "Emotioneel gedrag": feeling threatened? First make yourself safe.
      'Zorg eerst dat je zelf veilig bent. Ga zo nodig weg.',
      // Ch. 4, Afbeelding 2, norm for threats: end the conversation.
      'Beëindig het gesprek.',
      // Ch. 4, "Emotioneel gedrag": then alert others in the organisation, or ask the switchboard or police for help.
      'Waarschuw daarna collega\'s of de beveiliging, of vraag de politie om hulp.',
      // Ch. 5, "Melden en registreren": keep letters, e-mails, voicemails and posts for the report.
      'Bewaar brieven, e-mails, berichten en voicemails. Je kunt ze bij je melding sturen.',
      // Ch. 5, "Melden en registreren": photograph a suspect only when that is safe.
      'Maak alleen een foto van de dader of een auto als dat veilig kan.',
    ],
    // Ch. 4, Afbeelding 2, norm for threats: never accepted; ch. 5: suspected offence means the police.
    why: 'Dreigen en intimideren accepteren we nooit. Het kan strafbaar zijn.',
    // Ch. 5, "Melden en registreren" and the annex: report it; the handler arranges police and aangifte.
    report: 'Meld het zo snel je kunt. Je afhandelaar regelt zo nodig de aangifte bij de politie. Dat hoef je niet zelf te doen.',
  },
  5: {
    level: 5,
    // Ch. 4, Afbeelding 2, column "Fysiek geweld": aimed at people or things.
    choice: 'Iemand wordt fysiek of vernielt iets',
    recognise: 'Slaat, schopt, spuugt, grijpt vast, gooit met spullen of vernielt iets.',
    ladder: 'Fysiek geweld',
    safetyFirst: true,
    now: [
      // Ch. 4, "Fysiek geweld": always see to your own safety first.
      'Zorg eerst dat jij en anderen veilig zijn.',
      // Ch. 4, "Fysiek geweld": end the conversation at once and send the person away.
      'Stop het gesprek meteen en stuur de ander weg.',
      // Ch. 4, "Fysiek geweld": call in security.
      'Roep de beveiliging erbij.',
      // Ch. 5, "Melden en registreren": pass on features of the perpetrator and licence plates.
      'Onthoud wat je kunt: hoe de dader eruitzag, een kenteken.',
    ],
    // Ch. 4, Afbeelding 2, norm for violence: safety above all; ch. 4 "Fysiek geweld": aangifte for an offence.
    why: 'Je veiligheid gaat boven alles. Geweld is strafbaar: er volgt altijd aangifte.',
    // Ch. 5, "Melden en registreren" and the annex: the handler does the aangifte with you, not you alone.
    report: 'Meld het als je veilig bent. Je afhandelaar regelt de aangifte bij de politie, samen met jou.',
  },
};

/** The level choice card. */
export const LEVEL_CHOICE = {
  title: 'Hoe reageer je?',
  // Ch. 4, Afbeelding 2: the ladder from emotion to violence; each level asks its own response.
  intro: 'Wat gebeurt er? Kies wat er het meest op lijkt. Je krijgt kort advies.',
} as const;

/** Lines every advice card shares. */
export const ADVICE_SHARED = {
  // Ch. 4, "Fysiek geweld" and Afbeelding 2: safety goes above everything (112 for acute danger).
  emergency: 'Ben je in gevaar of gewond? Bel nu **112**.',
  // Ch. 4, "Emotioneel gedrag": your own safety always comes first.
  emergencyShort: 'In acuut gevaar? Bel eerst **112**.',
  // Ch. 5, "Vertrouwenslijn en contact met beroepsorganisaties": mental support and help weighing melding/aangifte.
  confidentialLine: 'Wil je praten, of twijfel je over melden? Bel de Vertrouwenslijn:',
  // Ch. 2, Basisafspraak and ch. 5, "Melden en registreren": a report already made; the handler takes it from there.
  alreadyReported: 'Je hebt dit al gemeld. Met **mijn meldingen** zie je hoe het ermee staat.',
} as const;

/** The prevention card: ch. 3 "Preventie", for the office holder and what to ask of the organisation. */
export const PREVENTION = {
  title: 'Voorkomen',
  // Ch. 3 "Preventie", opening: prevention comes first; insight, a safe workplace, house rules and training help.
  intro: 'Veel incidenten kun je voorkomen. Dit kun je zelf doen, en dit mag je van je organisatie vragen.',
  yourself: [
    // Ch. 3, Advies 1 "Voer het gesprek met elkaar": keep talking about what is and is not acceptable; make agreements.
    'Praat met collega\'s over welk gedrag je wel en niet accepteert. Maak er samen afspraken over.',
    // Ch. 3, Advies 1: follow a training; skills such as staying calm, de-escalating, setting limits, getting safe.
    'Volg een training. Je oefent bijvoorbeeld rustig blijven, de-escaleren, een grens stellen en jezelf in veiligheid brengen.',
    // Ch. 3, Advies 1: be aware of your natural reaction: fight, flight or freeze.
    'Weet hoe jij reageert op spanning: vechten, vluchten of bevriezen.',
    // Ch. 3, Advies 2 "Blijf gastvrij": treat people as you want to be treated, be hospitable, keep promises.
    'Wees gastvrij. Behandel mensen zoals je zelf behandeld wilt worden, en kom afspraken na.',
    // Ch. 3, Advies 3 "Geef het goede voorbeeld": show, inside and outside the organisation, what is acceptable.
    'Geef het goede voorbeeld. Laat binnen en buiten je organisatie zien wat wel en niet kan.',
  ],
  organisation: [
    // Ch. 3, Advies 1: training or meetings, tailored to the risks of the work.
    'Een training of bijeenkomst die past bij de risico\'s in jullie werk.',
    // Ch. 3 "Preventie", opening, and Advies 1: clear house rules and agreements.
    'Duidelijke huisregels en afspraken over wat wel en niet kan.',
    // Ch. 3 "Preventie", opening, and Advies 2: a safe workplace; a calm, pleasant, open building.
    'Een veilige werkplek, in een rustig en open ingericht gebouw.',
    // Ch. 3, Advies 2: good service and clear communication prevent much of it.
    'Goede dienstverlening en heldere communicatie naar inwoners.',
    // Ch. 5, "Melden en registreren" (agree to report every incident) and "Evalueren" (learn from each one).
    'De afspraak dat elk incident wordt gemeld, en dat jullie er samen van leren.',
  ],
  // Introduction (coordinator VPT supports the translation into measures) and ch. 3, Advies 1 (Ondersteuningsteam).
  support: 'Je organisatie kan hierbij hulp vragen aan de provinciale coördinator Veilig Publieke Taak en het Ondersteuningsteam Weerbaar Bestuur.',
} as const;

/** The handlers' channel help: what the coordinator VPT does for them. */
export const COORDINATOR_SUPPORT = {
  title: 'Hulp van de coördinator VPT',
  // Introduction: a provincial coordinator Veilig Publieke Taak supports the organisations.
  intro: 'De provinciale coördinator Veilig Publieke Taak helpt je bij de afhandeling, bijvoorbeeld met:',
  tasks: [
    // Ch. 5, "Incidentgesprek": the coordinator can advise; introduction: support in choosing measures.
    'advies over maatregelen en het gesprek met de pleger;',
    // Ch. 5, "Opvang, nazorg en reactie naar de pleger": the coordinator helps organise aftercare.
    'het goed regelen van nazorg voor de ambtsdrager;',
    // Annex, closing line: the handler does melding and aangifte with the coordinator's support;
    // ch. 5 "Schade verhalen": the coordinator is involved for the Arbeidsinspectie when wanted.
    'melding en aangifte bij de politie, en de melding bij de Arbeidsinspectie;',
    // Ch. 5, "Evalueren": evaluate incidents and share lessons with the coordinator.
    'de evaluatie, en het delen van wat jullie ervan leren.',
  ],
} as const;
