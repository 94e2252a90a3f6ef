import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ConsultationRecord } from '@visitt/contracts';
import { recordTexts, type RecordTexts } from './texts';

const require = createRequire(import.meta.url);
// DejaVu Sans writes every name a patient may have (Latin, Sámi, Greek, Cyrillic letters); the
// PDF's 14 standard fonts know only Western European ones. The fonts are subset into the file.
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const A4_MARGIN = 56;
const LABEL_WIDTH = 150;
const GREY = '#4a4a4a';

/** How the record's times read in the clinic's language and zone. */
function formats(texts: RecordTexts, timeZone: string) {
  const date = new Intl.DateTimeFormat(texts.intlLocale, { dateStyle: 'long', timeZone });
  const time = new Intl.DateTimeFormat(texts.intlLocale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const timeWithSeconds = new Intl.DateTimeFormat(texts.intlLocale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  });
  const plainDate = new Intl.DateTimeFormat(texts.intlLocale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return {
    date: (iso: string) => date.format(Date.parse(iso)),
    time: (iso: string) => time.format(Date.parse(iso)),
    /** A time of the consultation's own day; with its date when it is another day. */
    moment: (iso: string, day: string) => {
      const clock = timeWithSeconds.format(Date.parse(iso));
      const on = date.format(Date.parse(iso));
      return on === day ? clock : `${on} ${clock}`;
    },
    birthDate: (ymd: string) => plainDate.format(Date.parse(`${ymd}T00:00:00Z`)),
  };
}

/**
 * The consultation record as a one-page A4 PDF in the clinic's language, with every time in the
 * clinic's zone: what a journal keeps of a video consultation (and of the phone call it went
 * over to, if video failed), nothing of its media or messages.
 */
export async function renderConsultationPdf(record: ConsultationRecord): Promise<Buffer> {
  const t = recordTexts[record.language];
  const f = formats(t, record.timeZone);
  const day = f.date(record.scheduled.start);
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    lang: t.intlLocale,
    displayTitle: true,
    info: {
      Title: `${t.title}: ${record.patient.name}, ${day}`,
      Author: record.clinic.name,
      Subject: t.subject,
      Creator: 'Visitt',
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const valueX = left + LABEL_WIDTH;
  const valueWidth = width - LABEL_WIDTH;

  doc.font('bold').fontSize(18).fillColor('black').text(t.title, left, A4_MARGIN, { width });
  doc.font('regular').fontSize(11).fillColor(GREY).text(record.clinic.name, { width });
  doc.moveDown(1.2);

  const row = (label: string, value: string) => {
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(GREY)
      .text(label, left, y, { width: LABEL_WIDTH - 12 });
    const labelBottom = doc.y;
    doc
      .font('regular')
      .fontSize(10)
      .fillColor('black')
      .text(value, valueX, y, { width: valueWidth });
    doc.y = Math.max(labelBottom, doc.y) + 4;
  };

  row(t.patient, record.patient.name);
  row(t.birthDate, record.patient.birthDate ? f.birthDate(record.patient.birthDate) : t.notGiven);
  row(t.practitioner, record.practitioner.name);
  row(t.appointmentType, record.appointmentType);
  row(t.scheduled, `${day}, ${f.time(record.scheduled.start)}–${f.time(record.scheduled.end)}`);
  row(
    t.modality,
    record.phoneSwitch
      ? t.phoneFrom[record.phoneSwitch.reason](f.moment(record.phoneSwitch.at, day))
      : t.video,
  );
  row(t.state, t.states[record.state]);
  doc.moveDown(0.6);
  row(t.waitingFrom, f.moment(record.waitingFrom, day));
  if (record.practitionerEnteredAt)
    row(t.practitionerEntered, f.moment(record.practitionerEnteredAt, day));
  if (record.endedAt)
    row(
      t.ended,
      `${f.moment(record.endedAt, day)}${record.endedBy ? ` ${t.endedBy[record.endedBy]}` : ''}`,
    );
  if (record.waitedSeconds !== null) row(t.waited, t.span(record.waitedSeconds));
  if (record.durationSeconds !== null && record.durationMinutes !== null)
    row(t.duration, t.minutes(record.durationSeconds, record.durationMinutes));
  doc.moveDown(0.6);
  const identification = record.identification;
  row(
    t.identification,
    identification
      ? [
          identification.level
            ? `${t.methods[identification.method]} (${t.levels[identification.level]})`
            : t.methods[identification.method],
          identification.recordedBy
            ? t.recordedBy(
                identification.recordedBy.name ?? record.practitioner.name,
                f.moment(identification.recordedAt, day),
              )
            : t.recordedBySignIn(f.moment(identification.recordedAt, day)),
        ].join('\n')
      : t.notRecorded,
  );
  row(t.interpreter, record.interpreter ? t.yes : t.no);

  doc.moveDown(1);
  doc.font('bold').fontSize(12).fillColor('black').text(t.participants, left, doc.y, { width });
  doc.moveDown(0.4);
  const columns = [
    { x: left, width: 110, title: t.columns.role },
    { x: left + 110, width: width - 110 - 180, title: t.columns.name },
    { x: left + width - 180, width: 90, title: t.columns.joined },
    { x: left + width - 90, width: 90, title: t.columns.left },
  ];
  const tableRow = (cells: string[], font: 'bold' | 'regular') => {
    const y = doc.y;
    let bottom = y;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc
        .font(font)
        .fontSize(10)
        .fillColor(font === 'bold' ? GREY : 'black');
      doc.text(cell, column.x, y, { width: column.width - 8 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 3;
  };
  tableRow(
    columns.map((c) => c.title),
    'bold',
  );
  for (const p of record.participants) {
    tableRow(
      [
        t.roles[p.role],
        p.name,
        f.moment(p.joinedAt, day),
        p.leftAt ? f.moment(p.leftAt, day) : t.stillIn,
      ],
      'regular',
    );
  }

  const footer = t.footer(`${f.date(record.madeAt)} ${f.time(record.madeAt)}`, record.timeZone);
  doc.font('regular').fontSize(8).fillColor(GREY);
  const footerY = doc.page.height - doc.page.margins.bottom - doc.heightOfString(footer, { width });
  doc.text(footer, left, Math.max(doc.y + 12, footerY), { width });
  doc.end();
  return done;
}
