import type { Locale } from '../../i18n';

/**
 * The accessibility statement's texts, in every language, kept out of the common catalogues:
 * they come with the statement's page only (decision 0031). `nb` is the source; `nn` and `en`
 * must have the same keys (TypeScript checks it, a test checks that none is empty). Lists are
 * objects, shown in the order of `nb`'s keys. Placeholders are `{name}`; `{email}`, `{link}` and
 * `{date}` are filled by the page, some with a link.
 */
const nb = {
  title: 'Tilgjengelighetserklæring',
  intro:
    'Visitt skal kunne brukes av alle, også med skjermleser, forstørrelse eller bare tastatur. Her står hvilke krav Visitt skal oppfylle, hvordan vi sjekker det, hva som virker, hva vi vet ikke virker godt nok, og hvordan du sier fra om et problem.',
  standard: {
    title: 'Kravene',
    text: 'Visitt skal oppfylle forskrift om universell utforming av IKT-løsninger. Målet er WCAG 2.1 på nivå AA.',
    status:
      'Visitt oppfyller ikke alle kravene ennå. Det vi vet om, står under «Dette virker ikke godt nok».',
    operator:
      'Visitt er åpen kildekode. Den som driver denne Visitt-tjenesten – klinikken eller leverandøren deres – tar imot meldinger om tilgjengelighet og svarer på dem.',
  },
  checked: {
    title: 'Slik sjekker vi',
    items: {
      automated:
        'De automatiske testene går gjennom Visitt i nettleseren Chromium – bestille time, videokonsultasjon med gjester, kalender og administrasjon – og sjekker sidene underveis med verktøyet axe-core. En alvorlig eller kritisk feil får testen til å feile.',
      keyboard:
        'Én test bestiller en videokonsultasjon med bare tastaturet, og sjekker at fokus flyttes til overskriften på hver side den kommer til.',
      phone:
        'Pasientens sider testes i et vindu som er 390 piksler bredt, som en vanlig mobiltelefon.',
      manual:
        'Vi har ennå ikke gått gjennom Visitt systematisk med skjermleser eller med innholdet forstørret til 200 %. Det skal gjøres før erklæringen gås gjennom neste gang.',
    },
  },
  works: {
    title: 'Dette virker',
    items: {
      keyboard:
        'Du kan bruke Visitt med bare tastatur. Fokus er tydelig markert, og en lenke øverst på siden hopper rett til innholdet.',
      headings:
        'Hver side har én hovedoverskrift. Når du går til en ny side, flyttes fokus dit, så skjermleseren sier hvor du er. Fanen i nettleseren har sidens navn.',
      forms:
        'Feltene i skjemaene har navn. Er noe feil, står det under feltet hva som er feil, og fokus flyttes til det første feltet med feil.',
      messages:
        'Beskjeder som dukker opp – feil, bekreftelser, og at du er uten nett – leses opp av skjermleseren.',
      calendar:
        'Når du velger dag for timen, flytter du mellom dagene med piltastene og velger med Enter.',
      call: 'I videokonsultasjonen har knappene for mikrofon og kamera navn, og de sier om de er på eller av. Skjermleseren sier fra når samtalen er i gang, når den andre slår mikrofonen av eller på, og når noen kommer inn, går ut eller venter på å bli sluppet inn.',
      waiting:
        'Når en pasient venter på behandleren, vises det på skjermen og i tittelen på fanen, ikke bare med lyd.',
      phone: 'Visitt er laget for mobiltelefon først, og virker på smale skjermer.',
      motion:
        'Har du slått av animasjoner i innstillingene på enheten, bruker Visitt heller ikke overganger.',
      language:
        'Visitt finnes på bokmål, nynorsk og engelsk, og sidene sier hvilket språk de er på, så skjermleseren uttaler ordene riktig.',
    },
  },
  limits: {
    title: 'Dette virker ikke godt nok',
    items: {
      video:
        'Bildet og lyden i en videokonsultasjon kommer fra kameraet, mikrofonen og nettet til den du snakker med. Er bildet uskarpt eller lyden dårlig, for eksempel når du trenger å se munnen for å lese på leppene, kan ikke Visitt gjøre det bedre.',
      captions:
        'Videokonsultasjonen tekstes ikke, og det er ingen chat i den. Hører du dårlig, kan du avtale med klinikken hvordan dere skal snakke sammen.',
      interpreter:
        'Visitt har ikke tolk innebygd, heller ikke tegnspråktolk. Behandleren kan invitere en tolk, også en tegnspråktolk, med inn i videokonsultasjonen, men klinikken må skaffe tolken. Skriv det i kommentaren når du bestiller, eller ring klinikken.',
      session:
        'Er du logget inn og ikke bruker Visitt på en stund (vanligvis 30 minutter), blir du logget ut uten varsel først. Det du har skrevet i et skjema du ikke har sendt, kan da bli borte. Koden du får for å logge inn, virker i 10 minutter, men du kan be om en ny.',
      pdf: 'Konsultasjonsnotatet som helsepersonell kan laste ned som PDF, er ikke merket for skjermlesere (det er ikke en tagget PDF), så en skjermleser kan lese det dårlig.',
    },
  },
  reviewed: {
    title: 'Sist gjennomgått',
    text: 'Erklæringen ble sist gjennomgått {date}.',
  },
  report: {
    title: 'Si fra om et problem',
    intro:
      'Fant du noe som ikke virker for deg, eller trenger du noe i en annen form? Si fra, så kan det bli rettet.',
    emailUs: 'Send e-post til {email}, eller bruk skjemaet. Skjemaet sendes på e-post dit.',
    formUnavailable:
      'Skjemaet kan ikke brukes her akkurat nå. Send e-post til {email}, eller ta kontakt med klinikken din.',
    noContact:
      'Den som driver Visitt her, har ikke oppgitt en adresse for meldinger om tilgjengelighet. Ta kontakt med klinikken din, eller meld fra til {link}.',
    loading: 'Henter adressen …',
    textLabel: 'Hva er problemet?',
    textHint:
      'Fortell hva som ikke virket, og gjerne hva du brukte, for eksempel skjermleser, forstørrelse eller bare tastatur. Ikke skriv om helsen din.',
    charsLeft: '{count} tegn igjen',
    pageLabel: 'Hvilken side var du på, eller hva holdt du på med? (valgfritt)',
    emailLabel: 'E-postadressen din, hvis du vil ha svar (valgfritt)',
    emailHint: 'Adressen brukes bare til å svare deg.',
    submit: 'Send meldingen',
    sending: 'Sender …',
    sent: 'Takk! Meldingen er sendt.',
    sentReply: 'Svaret kommer til {email}.',
    sentNoReply: 'Du oppga ingen e-postadresse, så du får ikke svar.',
    textMissing: 'Skriv hva problemet er.',
    textTooLong: 'Skriv høyst {max} tegn.',
    textInvalid: 'Teksten kan ikke inneholde kontrolltegn. Skriv den inn på nytt.',
    pageTooLong: 'Skriv høyst {max} tegn om siden eller hva du holdt på med.',
    emailInvalid:
      'Skriv en e-postadresse som navn@eksempel.no, eller la feltet stå tomt hvis du ikke vil ha svar.',
    notSent:
      'Meldingen kunne ikke sendes akkurat nå. Prøv igjen om litt, eller send e-post til {email}.',
  },
  complaint: {
    title: 'Hvis svaret ikke er godt nok',
    text: 'Får du ikke svar, eller er du ikke fornøyd med svaret, kan du melde fra til {link}. Der står det også hvordan du kan klage til Diskrimineringsnemnda.',
    link: 'Tilsynet for universell utforming av IKT',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The statement's texts in one language: the keys of the bokmål texts, every leaf a string. */
export type StatementTexts = Widen<typeof nb>;

const nn: StatementTexts = {
  title: 'Tilgjengelegheitserklæring',
  intro:
    'Visitt skal kunne brukast av alle, òg med skjermlesar, forstørring eller berre tastatur. Her står kva krav Visitt skal oppfylle, korleis vi sjekkar det, kva som verkar, kva vi veit ikkje verkar godt nok, og korleis du seier frå om eit problem.',
  standard: {
    title: 'Krava',
    text: 'Visitt skal oppfylle forskrift om universell utforming av IKT-løysingar. Målet er WCAG 2.1 på nivå AA.',
    status:
      'Visitt oppfyller ikkje alle krava enno. Det vi veit om, står under «Dette verkar ikkje godt nok».',
    operator:
      'Visitt er open kjeldekode. Den som driv denne Visitt-tenesta – klinikken eller leverandøren deira – tek imot meldingar om tilgjengelegheit og svarar på dei.',
  },
  checked: {
    title: 'Slik sjekkar vi',
    items: {
      automated:
        'Dei automatiske testane går gjennom Visitt i nettlesaren Chromium – bestille time, videokonsultasjon med gjestar, kalender og administrasjon – og sjekkar sidene undervegs med verktøyet axe-core. Ein alvorleg eller kritisk feil får testen til å feile.',
      keyboard:
        'Éin test bestiller ein videokonsultasjon med berre tastaturet, og sjekkar at fokus blir flytta til overskrifta på kvar side han kjem til.',
      phone:
        'Sidene til pasienten blir testa i eit vindauge som er 390 pikslar breitt, som ein vanleg mobiltelefon.',
      manual:
        'Vi har enno ikkje gått gjennom Visitt systematisk med skjermlesar eller med innhaldet forstørra til 200 %. Det skal gjerast før erklæringa blir gått gjennom neste gong.',
    },
  },
  works: {
    title: 'Dette verkar',
    items: {
      keyboard:
        'Du kan bruke Visitt med berre tastatur. Fokus er tydeleg markert, og ei lenke øvst på sida hoppar rett til innhaldet.',
      headings:
        'Kvar side har éi hovudoverskrift. Når du går til ei ny side, blir fokus flytta dit, så skjermlesaren seier kvar du er. Fana i nettlesaren har namnet til sida.',
      forms:
        'Felta i skjemaa har namn. Er noko feil, står det under feltet kva som er feil, og fokus blir flytta til det første feltet med feil.',
      messages:
        'Beskjedar som dukkar opp – feil, stadfestingar, og at du er utan nett – blir lesne opp av skjermlesaren.',
      calendar:
        'Når du vel dag for timen, flyttar du mellom dagane med piltastane og vel med Enter.',
      call: 'I videokonsultasjonen har knappane for mikrofon og kamera namn, og dei seier om dei er på eller av. Skjermlesaren seier frå når samtalen er i gang, når den andre slår mikrofonen av eller på, og når nokon kjem inn, går ut eller ventar på å kome inn.',
      waiting:
        'Når ein pasient ventar på behandlaren, blir det vist på skjermen og i tittelen på fana, ikkje berre med lyd.',
      phone: 'Visitt er laga for mobiltelefon først, og verkar på smale skjermar.',
      motion:
        'Har du slått av animasjonar i innstillingane på eininga, bruker Visitt heller ikkje overgangar.',
      language:
        'Visitt finst på bokmål, nynorsk og engelsk, og sidene seier kva språk dei er på, så skjermlesaren uttaler orda rett.',
    },
  },
  limits: {
    title: 'Dette verkar ikkje godt nok',
    items: {
      video:
        'Biletet og lyden i ein videokonsultasjon kjem frå kameraet, mikrofonen og nettet til den du snakkar med. Er biletet uskarpt eller lyden dårleg, til dømes når du treng å sjå munnen for å lese på leppene, kan ikkje Visitt gjere det betre.',
      captions:
        'Videokonsultasjonen blir ikkje teksta, og det er ingen chat i han. Høyrer du dårleg, kan du avtale med klinikken korleis de skal snakke saman.',
      interpreter:
        'Visitt har ikkje tolk innebygd, heller ikkje teiknspråktolk. Behandlaren kan invitere ein tolk, òg ein teiknspråktolk, med inn i videokonsultasjonen, men klinikken må skaffe tolken. Skriv det i kommentaren når du bestiller, eller ring klinikken.',
      session:
        'Er du logga inn og ikkje bruker Visitt på ei stund (vanlegvis 30 minutt), blir du logga ut utan varsel først. Det du har skrive i eit skjema du ikkje har sendt, kan då bli borte. Koden du får for å logge inn, verkar i 10 minutt, men du kan be om ein ny.',
      pdf: 'Konsultasjonsnotatet som helsepersonell kan laste ned som PDF, er ikkje merkt for skjermlesarar (det er ikkje ein tagga PDF), så ein skjermlesar kan lese det dårleg.',
    },
  },
  reviewed: {
    title: 'Sist gått gjennom',
    text: 'Erklæringa blei sist gått gjennom {date}.',
  },
  report: {
    title: 'Sei frå om eit problem',
    intro:
      'Fann du noko som ikkje verkar for deg, eller treng du noko i ei anna form? Sei frå, så kan det bli retta.',
    emailUs: 'Send e-post til {email}, eller bruk skjemaet. Skjemaet blir sendt på e-post dit.',
    formUnavailable:
      'Skjemaet kan ikkje brukast her akkurat no. Send e-post til {email}, eller ta kontakt med klinikken din.',
    noContact:
      'Den som driv Visitt her, har ikkje oppgitt ei adresse for meldingar om tilgjengelegheit. Ta kontakt med klinikken din, eller meld frå til {link}.',
    loading: 'Hentar adressa …',
    textLabel: 'Kva er problemet?',
    textHint:
      'Fortel kva som ikkje verka, og gjerne kva du brukte, til dømes skjermlesar, forstørring eller berre tastatur. Ikkje skriv om helsa di.',
    charsLeft: '{count} teikn att',
    pageLabel: 'Kva side var du på, eller kva heldt du på med? (valfritt)',
    emailLabel: 'E-postadressa di, viss du vil ha svar (valfritt)',
    emailHint: 'Adressa blir berre brukt til å svare deg.',
    submit: 'Send meldinga',
    sending: 'Sender …',
    sent: 'Takk! Meldinga er sendt.',
    sentReply: 'Svaret kjem til {email}.',
    sentNoReply: 'Du oppgav ikkje noka e-postadresse, så du får ikkje svar.',
    textMissing: 'Skriv kva problemet er.',
    textTooLong: 'Skriv høgst {max} teikn.',
    textInvalid: 'Teksten kan ikkje innehalde kontrollteikn. Skriv han inn på nytt.',
    pageTooLong: 'Skriv høgst {max} teikn om sida eller kva du heldt på med.',
    emailInvalid:
      'Skriv ei e-postadresse som namn@eksempel.no, eller la feltet stå tomt viss du ikkje vil ha svar.',
    notSent:
      'Meldinga kunne ikkje sendast akkurat no. Prøv igjen om litt, eller send e-post til {email}.',
  },
  complaint: {
    title: 'Viss svaret ikkje er godt nok',
    text: 'Får du ikkje svar, eller er du ikkje nøgd med svaret, kan du melde frå til {link}. Der står det òg korleis du kan klage til Diskrimineringsnemnda.',
    link: 'Tilsynet for universell utforming av IKT',
  },
};

const en: StatementTexts = {
  title: 'Accessibility statement',
  intro:
    'Everyone should be able to use Visitt, also with a screen reader, magnification or the keyboard alone. This page says which requirements Visitt aims to meet, how we check it, what works, what we know does not work well enough, and how to report a problem.',
  standard: {
    title: 'The requirements',
    text: 'Visitt aims to meet the Norwegian regulation on universal design of ICT solutions (forskrift om universell utforming av IKT-løsninger). The target is WCAG 2.1 at level AA.',
    status:
      'Visitt does not meet every requirement yet. What we know of is listed under “What does not work well enough”.',
    operator:
      'Visitt is open source. Whoever runs this Visitt service – the clinic or its supplier – receives reports about accessibility and answers them.',
  },
  checked: {
    title: 'How we check',
    items: {
      automated:
        'The automated tests go through Visitt in the Chromium browser – booking, video consultations with guests, the calendar and the administration – and check the pages on the way with the axe-core tool. A serious or critical problem makes the test fail.',
      keyboard:
        'One test books a video consultation with the keyboard alone, and checks that focus moves to the heading of each page it comes to.',
      phone:
        'The patient’s pages are tested in a window 390 pixels wide, the size of a common mobile phone.',
      manual:
        'We have not yet gone through Visitt systematically with a screen reader or with the content zoomed to 200 %. That is to be done before the statement is next reviewed.',
    },
  },
  works: {
    title: 'What works',
    items: {
      keyboard:
        'You can use Visitt with the keyboard alone. Focus is clearly marked, and a link at the top of the page skips straight to the content.',
      headings:
        'Every page has one main heading. When you go to a new page, focus moves there, so your screen reader says where you are. The browser tab shows the page’s name.',
      forms:
        'The fields of the forms have names. If something is wrong, the field says what under it, and focus moves to the first field with a problem.',
      messages:
        'Messages that appear – errors, confirmations, and that you are offline – are read out by screen readers.',
      calendar:
        'When you choose the day of your appointment, you move between the days with the arrow keys and choose with Enter.',
      call: 'In the video consultation, the microphone and camera buttons have names and say whether they are on or off. Your screen reader tells you when the call has begun, when the other person turns their microphone off or on, and when someone joins, leaves or waits to be let in.',
      waiting:
        'When a patient is waiting for the practitioner, it shows on the screen and in the tab’s title, not only as a sound.',
      phone: 'Visitt is made for mobile phones first, and works on narrow screens.',
      motion:
        'If you have turned animations off in your device’s settings, Visitt does not use transitions either.',
      language:
        'Visitt is available in Norwegian bokmål, Norwegian nynorsk and English, and its pages say which language they are in, so screen readers pronounce the words correctly.',
    },
  },
  limits: {
    title: 'What does not work well enough',
    items: {
      video:
        'The picture and sound in a video consultation come from the camera, microphone and connection of the person you talk to. If the picture is blurred or the sound poor – for example when you need to see their mouth to lip-read – Visitt cannot make it better.',
      captions:
        'The video consultation has no captions and no chat. If you are hard of hearing, you can agree with the clinic on how you will talk.',
      interpreter:
        'Visitt has no interpreter built in, sign language interpreter included. The practitioner can invite an interpreter, also a sign language interpreter, into the video consultation, but the clinic must arrange the interpreter. Say so in the comment when you book, or call the clinic.',
      session:
        'If you are signed in and do not use Visitt for a while (usually 30 minutes), you are signed out without a warning first. What you have typed into a form you have not sent may then be lost. The code you get to sign in works for 10 minutes, but you can ask for a new one.',
      pdf: 'The consultation record that health personnel can download as a PDF is not marked up for screen readers (it is not a tagged PDF), so a screen reader may read it poorly.',
    },
  },
  reviewed: {
    title: 'Last reviewed',
    text: 'This statement was last reviewed on {date}.',
  },
  report: {
    title: 'Report a problem',
    intro:
      'Did you find something that does not work for you, or do you need something in another form? Tell us, so it can be put right.',
    emailUs: 'Send an e-mail to {email}, or use the form. The form is e-mailed there.',
    formUnavailable:
      'The form cannot be used here right now. Send an e-mail to {email}, or contact your clinic.',
    noContact:
      'Whoever runs Visitt here has not given an address for reports about accessibility. Contact your clinic, or report it to {link}.',
    loading: 'Fetching the address …',
    textLabel: 'What is the problem?',
    textHint:
      'Say what did not work, and if you like what you used, such as a screen reader, magnification or the keyboard alone. Do not write about your health.',
    charsLeft: '{count} characters left',
    pageLabel: 'Which page were you on, or what were you doing? (optional)',
    emailLabel: 'Your e-mail address, if you want an answer (optional)',
    emailHint: 'The address is used only to answer you.',
    submit: 'Send the report',
    sending: 'Sending …',
    sent: 'Thank you! Your report has been sent.',
    sentReply: 'The answer will come to {email}.',
    sentNoReply: 'You gave no e-mail address, so you will not get an answer.',
    textMissing: 'Write what the problem is.',
    textTooLong: 'Write at most {max} characters.',
    textInvalid: 'The text cannot contain control characters. Type it again.',
    pageTooLong: 'Write at most {max} characters about the page or what you were doing.',
    emailInvalid:
      'Write an e-mail address such as name@example.com, or leave the field empty if you do not want an answer.',
    notSent:
      'The report could not be sent right now. Try again in a moment, or send an e-mail to {email}.',
  },
  complaint: {
    title: 'If the answer is not good enough',
    text: 'If you get no answer, or are not satisfied with it, you can report it to {link}. They also explain how to complain to the Anti-Discrimination Tribunal (Diskrimineringsnemnda).',
    link: 'the Authority for Universal Design of ICT (Tilsynet for universell utforming av IKT)',
  },
};

/** The statement's texts per language of the client. */
export const statementTexts: Record<Locale, StatementTexts> = { nb, nn, en };

/** When the statement was last reviewed against the app (`YYYY-MM-DD`). */
export const STATEMENT_REVIEWED = '2026-12-05';

/** Tilsynet for universell utforming av IKT, for a complaint when the answer is not enough. */
export const UUTILSYNET_URL = 'https://www.uutilsynet.no/';

const keysOf = <T extends object>(list: T) => Object.keys(list) as (keyof T & string)[];

/** The items of each list, in the order they are shown (the bokmål source's). */
export const STATEMENT_LISTS = {
  checked: keysOf(nb.checked.items),
  works: keysOf(nb.works.items),
  limits: keysOf(nb.limits.items),
};
