import { strFromU8, unzipSync } from 'fflate';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxFacts {
  entries: string[];
  /** Paragraph texts of word/document.xml (runs joined, entities decoded). */
  paragraphs: string[];
  /** Distinct N of "Post N: …" section headings. */
  postSections: number[];
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Pure: reads a .docx; throws naming what is wrong when it is not a valid Office document. */
export function readDocx(bytes: Uint8Array): DocxFacts {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (err) {
    throw new Error(`not a valid zip (${bytes.length} bytes): ${(err as Error).message}`);
  }
  const entries = Object.keys(files);
  const missing = ['[Content_Types].xml', 'word/document.xml'].filter((e) => !entries.includes(e));
  if (missing.length > 0) throw new Error(`a zip but not a Word document: missing ${missing.join(', ')}`);
  const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const paragraphs = (xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    decode((p.match(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
  );
  const sections = new Set<number>();
  for (const p of paragraphs) {
    const m = /^Post (\d+):/.exec(p.trim());
    if (m?.[1]) sections.add(Number(m[1]));
  }
  return { entries, paragraphs, postSections: [...sections].sort((a, b) => a - b) };
}
