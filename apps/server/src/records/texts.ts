import type { ConsultationRecord, Locale } from '@visitt/contracts';

type State = ConsultationRecord['state'];
type Method = NonNullable<ConsultationRecord['identification']>['method'];
type Level = NonNullable<ConsultationRecord['identification']>['level'];
type Role = ConsultationRecord['participants'][number]['role'];
type PhoneReason = NonNullable<ConsultationRecord['phoneSwitch']>['reason'];

/** What the consultation record's PDF says, in the clinic's language. */
export interface RecordTexts {
  readonly intlLocale: string;
  readonly title: string;
  readonly subject: string;
  readonly patient: string;
  readonly birthDate: string;
  readonly notGiven: string;
  readonly practitioner: string;
  readonly appointmentType: string;
  readonly scheduled: string;
  readonly modality: string;
  readonly video: string;
  /**
   * The phone from `when` (a time of the consultation), by why: video never connected (phone
   * only), or it dropped (video, then the phone).
   */
  readonly phoneFrom: Record<PhoneReason, (when: string) => string>;
  readonly state: string;
  readonly states: Record<State, string>;
  readonly waitingFrom: string;
  readonly practitionerEntered: string;
  readonly ended: string;
  readonly endedBy: Record<'patient' | 'practitioner', string>;
  readonly waited: string;
  readonly duration: string;
  readonly identification: string;
  readonly methods: Record<Method, string>;
  readonly levels: Record<NonNullable<Level>, string>;
  readonly notRecorded: string;
  readonly recordedBy: (who: string, when: string) => string;
  readonly recordedBySignIn: (when: string) => string;
  readonly interpreter: string;
  readonly yes: string;
  readonly no: string;
  readonly participants: string;
  readonly columns: { role: string; name: string; joined: string; left: string };
  readonly roles: Record<Role, string>;
  readonly stillIn: string;
  readonly minutes: (seconds: number, minutes: number) => string;
  readonly span: (seconds: number) => string;
  readonly footer: (madeAt: string, timeZone: string) => string;
}

const span = (seconds: number, [min, sec]: [string, string]) => {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m === 0 ? `${s} ${sec}` : `${m} ${min} ${s} ${sec}`;
};

export const recordTexts: Record<Locale, RecordTexts> = {
  nb: {
    intlLocale: 'nb-NO',
    title: 'Videokonsultasjon',
    subject: 'Konsultasjonsnotat til journalen',
    patient: 'Pasient',
    birthDate: 'Fødselsdato',
    notGiven: 'Ikke oppgitt',
    practitioner: 'Behandler',
    appointmentType: 'Timetype',
    scheduled: 'Avtalt tid',
    modality: 'Form',
    video: 'Video',
    phoneFrom: {
      no_connection: (when) => `Telefon fra ${when} (videoen fikk ikke forbindelse)`,
      dropped: (when) => `Video, så telefon fra ${when} (forbindelsen falt ut)`,
    },
    state: 'Status',
    states: {
      waiting: 'Pasienten venter',
      in_progress: 'Pågår',
      finished: 'Gjennomført',
      not_held: 'Ikke gjennomført: avsluttet før behandleren kom inn',
    },
    waitingFrom: 'Pasienten startet',
    practitionerEntered: 'Behandleren kom inn',
    ended: 'Avsluttet',
    endedBy: { patient: 'av pasienten', practitioner: 'av behandleren' },
    waited: 'Ventetid',
    duration: 'Varighet',
    identification: 'Identifisering',
    methods: {
      id_porten: 'ID-porten',
      id_document: 'Gyldig legitimasjon vist på video',
      known_patient: 'Kjent pasient',
    },
    levels: { high: 'høyt nivå', substantial: 'betydelig nivå' },
    notRecorded: 'Ikke registrert',
    recordedBy: (who, when) => `Registrert av ${who} ${when}`,
    recordedBySignIn: (when) => `Registrert ved pålogging ${when}`,
    interpreter: 'Tolk',
    yes: 'Ja',
    no: 'Nei',
    participants: 'Deltakere',
    columns: { role: 'Rolle', name: 'Navn', joined: 'Inn', left: 'Ut' },
    roles: {
      patient: 'Pasient',
      practitioner: 'Behandler',
      interpreter: 'Tolk',
      relative: 'Pårørende',
      clinician: 'Helsepersonell',
    },
    stillIn: 'Fortsatt inne',
    minutes: (seconds, minutes) => `${span(seconds, ['min', 's'])} (${minutes} min)`,
    span: (seconds) => span(seconds, ['min', 's']),
    footer: (madeAt, timeZone) =>
      `Laget i Visitt ${madeAt}. Tidene er i tidssonen ${timeZone}. Notatet inneholder ` +
      'ikke lyd, bilde eller meldinger fra konsultasjonen.',
  },
  nn: {
    intlLocale: 'nn-NO',
    title: 'Videokonsultasjon',
    subject: 'Konsultasjonsnotat til journalen',
    patient: 'Pasient',
    birthDate: 'Fødselsdato',
    notGiven: 'Ikkje oppgitt',
    practitioner: 'Behandlar',
    appointmentType: 'Timetype',
    scheduled: 'Avtalt tid',
    modality: 'Form',
    video: 'Video',
    phoneFrom: {
      no_connection: (when) => `Telefon frå ${when} (videoen fekk ikkje samband)`,
      dropped: (when) => `Video, så telefon frå ${when} (sambandet fall ut)`,
    },
    state: 'Status',
    states: {
      waiting: 'Pasienten ventar',
      in_progress: 'Pågår',
      finished: 'Gjennomført',
      not_held: 'Ikkje gjennomført: avslutta før behandlaren kom inn',
    },
    waitingFrom: 'Pasienten starta',
    practitionerEntered: 'Behandlaren kom inn',
    ended: 'Avslutta',
    endedBy: { patient: 'av pasienten', practitioner: 'av behandlaren' },
    waited: 'Ventetid',
    duration: 'Varigheit',
    identification: 'Identifisering',
    methods: {
      id_porten: 'ID-porten',
      id_document: 'Gyldig legitimasjon vist på video',
      known_patient: 'Kjend pasient',
    },
    levels: { high: 'høgt nivå', substantial: 'betydeleg nivå' },
    notRecorded: 'Ikkje registrert',
    recordedBy: (who, when) => `Registrert av ${who} ${when}`,
    recordedBySignIn: (when) => `Registrert ved innlogging ${when}`,
    interpreter: 'Tolk',
    yes: 'Ja',
    no: 'Nei',
    participants: 'Deltakarar',
    columns: { role: 'Rolle', name: 'Namn', joined: 'Inn', left: 'Ut' },
    roles: {
      patient: 'Pasient',
      practitioner: 'Behandlar',
      interpreter: 'Tolk',
      relative: 'Pårørande',
      clinician: 'Helsepersonell',
    },
    stillIn: 'Framleis inne',
    minutes: (seconds, minutes) => `${span(seconds, ['min', 's'])} (${minutes} min)`,
    span: (seconds) => span(seconds, ['min', 's']),
    footer: (madeAt, timeZone) =>
      `Laga i Visitt ${madeAt}. Tidene er i tidssona ${timeZone}. Notatet inneheld ` +
      'ikkje lyd, bilete eller meldingar frå konsultasjonen.',
  },
  en: {
    intlLocale: 'en-GB',
    title: 'Video consultation',
    subject: 'Consultation record for the patient journal',
    patient: 'Patient',
    birthDate: 'Date of birth',
    notGiven: 'Not given',
    practitioner: 'Practitioner',
    appointmentType: 'Appointment type',
    scheduled: 'Scheduled',
    modality: 'Form',
    video: 'Video',
    phoneFrom: {
      no_connection: (when) => `Phone from ${when} (video could not connect)`,
      dropped: (when) => `Video, then phone from ${when} (the connection dropped)`,
    },
    state: 'Status',
    states: {
      waiting: 'The patient is waiting',
      in_progress: 'In progress',
      finished: 'Held',
      not_held: 'Not held: ended before the practitioner came in',
    },
    waitingFrom: 'Patient started',
    practitionerEntered: 'Practitioner came in',
    ended: 'Ended',
    endedBy: { patient: 'by the patient', practitioner: 'by the practitioner' },
    waited: 'Waiting time',
    duration: 'Duration',
    identification: 'Identification',
    methods: {
      id_porten: 'ID-porten',
      id_document: 'Valid ID shown on camera',
      known_patient: 'Known patient',
    },
    levels: { high: 'level high', substantial: 'level substantial' },
    notRecorded: 'Not recorded',
    recordedBy: (who, when) => `Recorded by ${who} ${when}`,
    recordedBySignIn: (when) => `Recorded at sign-in ${when}`,
    interpreter: 'Interpreter',
    yes: 'Yes',
    no: 'No',
    participants: 'Participants',
    columns: { role: 'Role', name: 'Name', joined: 'In', left: 'Out' },
    roles: {
      patient: 'Patient',
      practitioner: 'Practitioner',
      interpreter: 'Interpreter',
      relative: 'Relative',
      clinician: 'Clinician',
    },
    stillIn: 'Still in',
    minutes: (seconds, minutes) => `${span(seconds, ['min', 's'])} (${minutes} min)`,
    span: (seconds) => span(seconds, ['min', 's']),
    footer: (madeAt, timeZone) =>
      `Made in Visitt ${madeAt}. Times are in the time zone ${timeZone}. The record holds no ` +
      'sound, picture or messages from the consultation.',
  },
};
