import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF read back as Mozilla's PDF.js reads it: its pages' text, its metadata. */
export async function readPdf(bytes: Uint8Array): Promise<{
  pages: string[];
  info: Record<string, unknown>;
}> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      );
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}
