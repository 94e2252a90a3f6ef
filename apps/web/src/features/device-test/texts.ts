import type { Locale } from '../../i18n';

/**
 * The test page's texts, in each language: loaded with the page only, so the first page does not
 * carry them. Bokmål is the source; `nn` and `en` have the same keys (TypeScript checks it, and
 * texts.test.ts both ways). Placeholders are `{name}`.
 */
const nb = {
  title: 'Test kamera, lyd og nett',
  intro:
    'Sjekk at alt virker før videokonsultasjonen. Testen tar under ett minutt. Bilde og lyd blir på enheten din: nettet testes med testdata gjennom tjenestens videoserver, og ingenting sendes til klinikken.',
  start: 'Start testen',
  again: 'Test på nytt',
  checking: 'tester …',
  resultTitle: 'Resultat',
  allGood: 'Alt virker. Du er klar for videokonsultasjonen.',
  someProblems: 'Noe bør ordnes før timen. Se rådene under.',
  speakerLeft: 'Det du har testet, virker. Test høyttaleren også.',
  allButNetwork: 'Kamera, mikrofon og høyttaler virker. Nettet kunne ikke testes her.',
  verdictLine: '{part}: {verdict}',
  parts: {
    camera: 'Kamera',
    microphone: 'Mikrofon',
    speaker: 'Høyttaler',
    network: 'Nettverk',
  },
  camera: {
    choose: 'Velg kamera',
    number: 'Kamera {number}',
    preview: 'Bildet fra kameraet ditt',
  },
  microphone: {
    choose: 'Velg mikrofon',
    number: 'Mikrofon {number}',
    level: 'Lydnivå',
    prompt: 'Si noe. Streken skal bevege seg når du snakker.',
  },
  speaker: {
    play: 'Spill av testlyd',
    playing: 'Spiller av …',
    question: 'Hørte du lyden?',
    yes: 'Ja',
    no: 'Nei',
  },
  media: {
    works: 'virker',
    blocked: 'blokkert',
    blockedAdvice:
      'Gi nettleseren lov til å bruke kamera og mikrofon: trykk på låsen eller kameraikonet ved adressefeltet, velg Tillat, og test på nytt.',
    missing: 'ikke funnet',
    missingAdvice: 'Koble til et kamera og en mikrofon, eller bruk en telefon eller et nettbrett.',
    inUse: 'i bruk av et annet program',
    inUseAdvice:
      'Lukk andre programmer som bruker kameraet eller mikrofonen (for eksempel Teams eller Zoom), og test på nytt.',
    failed: 'virker ikke',
    failedAdvice: 'Start nettleseren på nytt, eller prøv en annen nettleser.',
    silent: 'hører ingenting',
    silentAdvice: 'Sjekk at mikrofonen ikke er dempet, eller velg en annen mikrofon.',
  },
  speakerVerdict: {
    untested: 'ikke testet ennå',
    untestedAdvice: 'Trykk «Spill av testlyd» og svar om du hørte den.',
    works: 'virker',
    notHeard: 'hørte ikke lyden',
    notHeardAdvice:
      'Skru opp lyden, sjekk at lyden ikke er slått av, eller koble til hodetelefoner.',
  },
  network: {
    good: 'godt',
    goodAdvice: 'Forbindelsen holder til video i god kvalitet.',
    weak: 'svakt',
    weakAdvice: 'Bruk Wi-Fi eller gå nærmere vinduet. Videoen kan bli uskarp.',
    weakDelayAdvice: 'Forbindelsen er treg. Bruk Wi-Fi om du kan; bildet kan komme litt etter.',
    poor: 'for svakt for video',
    poorAdvice: 'Bruk Wi-Fi, eller finn et sted med bedre dekning før timen.',
    noConnection: 'får ikke kontakt',
    noConnectionAdvice:
      'Fikk ikke kontakt med tjenestens videoserver. Nettet du er på, kan stenge for videosamtaler (det skjer på jobb- og gjestenett): Prøv et annet nett, for eksempel mobilnettet. Virker det ikke da heller, ring klinikken.',
    busy: 'ikke testet nå',
    busyAdvice: 'Det er tatt mange tester herfra den siste tiden. Prøv igjen om noen minutter.',
    noRelay: 'ikke testet',
    noRelayAdvice:
      'Denne tjenesten har ikke satt opp en reléserver for videosamtaler, så nettet kan ikke testes her.',
    failed: 'testen stoppet',
    failedAdvice: 'Sjekk at du er på nett, og test på nytt.',
    measures: 'Svartid {rtt} ms · tap {loss} % · {bitrate} kbit/s',
  },
  share: {
    title: 'Vise resultatet til klinikken',
    hint: 'Ber klinikken om resultatet, kan du kopiere det og lime det inn, for eksempel i en e-post. Ingenting sendes uten at du gjør det.',
    copy: 'Kopier resultatet',
    copied: 'Resultatet er kopiert.',
    copyFailed: 'Kunne ikke kopiere. Merk teksten og kopier den selv.',
    heading: 'Visitt – test av kamera, lyd og nett, {when}',
    browser: 'Nettleser: {browser}',
  },
};

export type DeviceTestTexts = Widen<typeof nb>;
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const nn: DeviceTestTexts = {
  title: 'Test kamera, lyd og nett',
  intro:
    'Sjekk at alt verkar før videokonsultasjonen. Testen tek under eitt minutt. Bilete og lyd blir verande på eininga di: nettet blir testa med testdata gjennom videoserveren til tenesta, og ingenting blir sendt til klinikken.',
  start: 'Start testen',
  again: 'Test på nytt',
  checking: 'testar …',
  resultTitle: 'Resultat',
  allGood: 'Alt verkar. Du er klar for videokonsultasjonen.',
  someProblems: 'Noko bør ordnast før timen. Sjå råda under.',
  speakerLeft: 'Det du har testa, verkar. Test høgtalaren òg.',
  allButNetwork: 'Kamera, mikrofon og høgtalar verkar. Nettet kunne ikkje testast her.',
  verdictLine: '{part}: {verdict}',
  parts: {
    camera: 'Kamera',
    microphone: 'Mikrofon',
    speaker: 'Høgtalar',
    network: 'Nettverk',
  },
  camera: {
    choose: 'Vel kamera',
    number: 'Kamera {number}',
    preview: 'Biletet frå kameraet ditt',
  },
  microphone: {
    choose: 'Vel mikrofon',
    number: 'Mikrofon {number}',
    level: 'Lydnivå',
    prompt: 'Sei noko. Streken skal røre seg når du snakkar.',
  },
  speaker: {
    play: 'Spel av testlyd',
    playing: 'Spelar av …',
    question: 'Høyrde du lyden?',
    yes: 'Ja',
    no: 'Nei',
  },
  media: {
    works: 'verkar',
    blocked: 'blokkert',
    blockedAdvice:
      'Gi nettlesaren lov til å bruke kamera og mikrofon: trykk på låsen eller kameraikonet ved adressefeltet, vel Tillat, og test på nytt.',
    missing: 'ikkje funne',
    missingAdvice:
      'Kople til eit kamera og ein mikrofon, eller bruk ein telefon eller eit nettbrett.',
    inUse: 'i bruk av eit anna program',
    inUseAdvice:
      'Lukk andre program som bruker kameraet eller mikrofonen (til dømes Teams eller Zoom), og test på nytt.',
    failed: 'verkar ikkje',
    failedAdvice: 'Start nettlesaren på nytt, eller prøv ein annan nettlesar.',
    silent: 'høyrer ingenting',
    silentAdvice: 'Sjekk at mikrofonen ikkje er dempa, eller vel ein annan mikrofon.',
  },
  speakerVerdict: {
    untested: 'ikkje testa enno',
    untestedAdvice: 'Trykk «Spel av testlyd» og svar om du høyrde han.',
    works: 'verkar',
    notHeard: 'høyrde ikkje lyden',
    notHeardAdvice:
      'Skru opp lyden, sjekk at lyden ikkje er slått av, eller kople til hovudtelefonar.',
  },
  network: {
    good: 'godt',
    goodAdvice: 'Sambandet held til video i god kvalitet.',
    weak: 'svakt',
    weakAdvice: 'Bruk Wi-Fi eller gå nærare vindauget. Videoen kan bli uskarp.',
    weakDelayAdvice: 'Sambandet er tregt. Bruk Wi-Fi viss du kan; biletet kan kome litt etter.',
    poor: 'for svakt for video',
    poorAdvice: 'Bruk Wi-Fi, eller finn ein stad med betre dekning før timen.',
    noConnection: 'får ikkje kontakt',
    noConnectionAdvice:
      'Fekk ikkje kontakt med videoserveren til tenesta. Nettet du er på, kan stengje for videosamtalar (det skjer på jobb- og gjestenett): Prøv eit anna nett, til dømes mobilnettet. Verkar det ikkje då heller, ring klinikken.',
    busy: 'ikkje testa no',
    busyAdvice: 'Det er teke mange testar herifrå den siste tida. Prøv igjen om nokre minutt.',
    noRelay: 'ikkje testa',
    noRelayAdvice:
      'Denne tenesta har ikkje sett opp ein reléserver for videosamtalar, så nettet kan ikkje testast her.',
    failed: 'testen stoppa',
    failedAdvice: 'Sjekk at du er på nett, og test på nytt.',
    measures: 'Svartid {rtt} ms · tap {loss} % · {bitrate} kbit/s',
  },
  share: {
    title: 'Vise resultatet til klinikken',
    hint: 'Ber klinikken om resultatet, kan du kopiere det og lime det inn, til dømes i ein e-post. Ingenting blir sendt utan at du gjer det.',
    copy: 'Kopier resultatet',
    copied: 'Resultatet er kopiert.',
    copyFailed: 'Kunne ikkje kopiere. Merk teksten og kopier han sjølv.',
    heading: 'Visitt – test av kamera, lyd og nett, {when}',
    browser: 'Nettlesar: {browser}',
  },
};

const en: DeviceTestTexts = {
  title: 'Test camera, sound and network',
  intro:
    'Check that everything works before the video consultation. The test takes under a minute. Picture and sound stay on your device: the network is tested with test data through the service’s video server, and nothing is sent to the clinic.',
  start: 'Start the test',
  again: 'Test again',
  checking: 'testing …',
  resultTitle: 'Result',
  allGood: 'Everything works. You are ready for the video consultation.',
  someProblems: 'Something should be fixed before the appointment. See the advice below.',
  speakerLeft: 'What you have tested works. Test the speaker too.',
  allButNetwork: 'Camera, microphone and speaker work. The network could not be tested here.',
  verdictLine: '{part}: {verdict}',
  parts: {
    camera: 'Camera',
    microphone: 'Microphone',
    speaker: 'Speaker',
    network: 'Network',
  },
  camera: {
    choose: 'Choose camera',
    number: 'Camera {number}',
    preview: 'The picture from your camera',
  },
  microphone: {
    choose: 'Choose microphone',
    number: 'Microphone {number}',
    level: 'Sound level',
    prompt: 'Say something. The bar should move when you speak.',
  },
  speaker: {
    play: 'Play test sound',
    playing: 'Playing …',
    question: 'Did you hear the sound?',
    yes: 'Yes',
    no: 'No',
  },
  media: {
    works: 'works',
    blocked: 'blocked',
    blockedAdvice:
      'Let the browser use the camera and microphone: tap the lock or camera icon by the address bar, choose Allow, and test again.',
    missing: 'not found',
    missingAdvice: 'Connect a camera and a microphone, or use a phone or tablet.',
    inUse: 'in use by another program',
    inUseAdvice:
      'Close other programs that use the camera or microphone (such as Teams or Zoom) and test again.',
    failed: 'does not work',
    failedAdvice: 'Restart the browser, or try another browser.',
    silent: 'hears nothing',
    silentAdvice: 'Check that the microphone is not muted, or choose another microphone.',
  },
  speakerVerdict: {
    untested: 'not tested yet',
    untestedAdvice: 'Press “Play test sound” and say whether you heard it.',
    works: 'works',
    notHeard: 'sound not heard',
    notHeardAdvice: 'Turn the volume up, check that sound is not muted, or connect headphones.',
  },
  network: {
    good: 'good',
    goodAdvice: 'The connection is good enough for video in good quality.',
    weak: 'weak',
    weakAdvice: 'Use Wi-Fi or move closer to a window. The video may be blurry.',
    weakDelayAdvice: 'The connection is slow. Use Wi-Fi if you can; the picture may lag a little.',
    poor: 'too weak for video',
    poorAdvice: 'Use Wi-Fi, or find a place with better coverage before the appointment.',
    noConnection: 'cannot connect',
    noConnectionAdvice:
      'Could not reach the service’s video server. The network you are on may block video calls (this happens on work and guest networks): Try another network, such as mobile data. If that does not work either, call the clinic.',
    busy: 'not tested now',
    busyAdvice: 'Many tests have been run from here lately. Try again in a few minutes.',
    noRelay: 'not tested',
    noRelayAdvice:
      'This service has not set up a relay server for video calls, so the network cannot be tested here.',
    failed: 'the test stopped',
    failedAdvice: 'Check that you are online and test again.',
    measures: 'Round trip {rtt} ms · loss {loss} % · {bitrate} kbit/s',
  },
  share: {
    title: 'Showing the result to the clinic',
    hint: 'If the clinic asks for the result, you can copy it and paste it, for example into an e-mail. Nothing is sent unless you do.',
    copy: 'Copy the result',
    copied: 'The result is copied.',
    copyFailed: 'Could not copy. Select the text and copy it yourself.',
    heading: 'Visitt – camera, sound and network test, {when}',
    browser: 'Browser: {browser}',
  },
};

export const deviceTestTexts: Record<Locale, DeviceTestTexts> = { nb, nn, en };
