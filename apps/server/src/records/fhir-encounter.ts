import type { ConsultationRecord } from '@visitt/contracts';

/** The FHIR extension that says how the patient was identified (decision 0029). */
export const IDENTIFICATION_EXTENSION = 'urn:visitt:fhir:extension:patient-identification';
/**
 * The FHIR extension that says the consultation went over to the phone because video failed
 * (decision 0035): `at` when it was first noted, `reason` why (`no_connection`, `dropped`).
 */
export const PHONE_SWITCH_EXTENSION = 'urn:visitt:fhir:extension:phone-switch';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

const ENCOUNTER_STATUS = {
  waiting: 'arrived',
  in_progress: 'in-progress',
  finished: 'finished',
  // FHIR's `cancelled`: "the Encounter has ended before it has begun".
  not_held: 'cancelled',
} as const satisfies Record<ConsultationRecord['state'], string>;

/** Each role's HL7 participation type: the practitioner performs, the interpreter translates. */
const PARTICIPATION = {
  practitioner: { code: 'PPRF', display: 'primary performer' },
  clinician: { code: 'SPRF', display: 'secondary performer' },
  interpreter: { code: 'TRANS', display: 'Translator' },
  relative: { code: 'ESC', display: 'escort' },
} as const;

interface Period {
  start: string;
  end?: string;
}

const period = (start: string, end: string | null): Period => (end ? { start, end } : { start });

/**
 * The consultation record as a FHIR R4 `Encounter`: class `VR` (virtual, also when it went over
 * to the phone: the extension {@link PHONE_SWITCH_EXTENSION} says so), its status and status
 * history, the period from the practitioner entering to the end, the participants with their
 * roles, the patient as subject, and a reference to the `Appointment`. Resource ids are Visitt's
 * own (`Patient/{user id}`, `Practitioner/{practitioner id}`, `Appointment/{appointment id}`),
 * each with its name as `display`: the journal matches them to its own.
 */
export function toFhirEncounter(record: ConsultationRecord): Record<string, unknown> {
  const statusHistory: { status: string; period: Period }[] = [
    {
      status: 'arrived',
      period: period(record.waitingFrom, record.practitionerEnteredAt ?? record.endedAt),
    },
  ];
  if (record.practitionerEnteredAt)
    statusHistory.push({
      status: 'in-progress',
      period: period(record.practitionerEnteredAt, record.endedAt),
    });
  const participant = record.participants.flatMap((p) => {
    if (p.role === 'patient') return [];
    const type = PARTICIPATION[p.role];
    const individual =
      p.role === 'practitioner'
        ? { reference: `Practitioner/${record.practitioner.id}`, display: p.name }
        : { display: p.name };
    return [
      {
        type: [{ coding: [{ system: PARTICIPATION_TYPE, ...type }], text: p.role }],
        period: period(p.joinedAt, p.leftAt),
        individual,
      },
    ];
  });
  const { identification, phoneSwitch } = record;
  const extension = [
    ...(identification
      ? [
          {
            url: IDENTIFICATION_EXTENSION,
            extension: [
              { url: 'method', valueCode: identification.method },
              ...(identification.level ? [{ url: 'level', valueCode: identification.level }] : []),
              { url: 'recorded', valueDateTime: identification.recordedAt },
            ],
          },
        ]
      : []),
    ...(phoneSwitch
      ? [
          {
            url: PHONE_SWITCH_EXTENSION,
            extension: [
              { url: 'at', valueDateTime: phoneSwitch.at },
              { url: 'reason', valueCode: phoneSwitch.reason },
            ],
          },
        ]
      : []),
  ];
  return {
    resourceType: 'Encounter',
    id: record.appointmentId,
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${record.appointmentId}` }],
    ...(extension.length > 0 && { extension }),
    status: ENCOUNTER_STATUS[record.state],
    statusHistory,
    class: { system: ACT_CODE, code: 'VR', display: 'virtual' },
    type: [{ text: record.appointmentType }],
    subject: { reference: `Patient/${record.patient.id}`, display: record.patient.name },
    participant,
    appointment: [{ reference: `Appointment/${record.appointmentId}` }],
    period: period(record.practitionerEnteredAt ?? record.waitingFrom, record.endedAt),
    ...(record.durationMinutes !== null && {
      length: {
        value: record.durationMinutes,
        unit: 'min',
        system: 'http://unitsofmeasure.org',
        code: 'min',
      },
    }),
    serviceProvider: { reference: `Organization/${record.clinic.id}`, display: record.clinic.name },
  };
}
