/** Where the consultation record of an appointment is downloaded, as a PDF or FHIR JSON. */
export function consultationRecordUrl(appointmentId: string, form: 'pdf' | 'fhir'): string {
  const suffix = form === 'pdf' ? 'record.pdf' : 'record.fhir.json';
  return `/api/v1/staff/appointments/${encodeURIComponent(appointmentId)}/${suffix}`;
}
