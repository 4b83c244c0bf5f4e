// Reads the text of a Word file (.docx) in the browser, with no library: a
// .docx is a zip, its body is word/document.xml, inflated here with the
// built-in DecompressionStream and read with DOMParser — paragraphs become
// lines, runs' text is joined, tabs and breaks kept. Costs ~3 KB instead of
// a zip and a Word library. Footnotes, headers and text boxes are not read.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MAX_XML_BYTES = 64 << 20;

/** Why a .docx could not be read; `reason` is one of the keys below. */
export class DocxError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason; // 'not_zip' | 'no_body' | 'encrypted' | 'unsupported' | 'too_large'
  }
}

/** The text of a .docx given as bytes (Uint8Array). */
export async function docxText(bytes) {
  const xml = await readEntry(bytes, 'word/document.xml');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new DocxError('no_body');
  const lines = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let line = '';
    for (const node of p.getElementsByTagNameNS(W, '*')) {
      if (node.localName === 't') line += node.textContent;
      else if (node.localName === 'tab') line += '\t';
      else if (node.localName === 'br' || node.localName === 'cr') line += '\n';
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** One file of a zip archive, as UTF-8 text. */
async function readEntry(bytes, wanted) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65557); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new DocxError('not_zip');
  const count = u16(end + 10);
  let at = u32(end + 16);
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw new DocxError('not_zip');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const size = u32(at + 20);
    const rawSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const skip = nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name !== wanted) continue;
    if (flags & 1) throw new DocxError('encrypted');
    if (rawSize > MAX_XML_BYTES) throw new DocxError('too_large');
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) throw new DocxError('not_zip');
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const data = bytes.subarray(start, start + size);
    if (method === 0) return decoder.decode(data);
    if (method !== 8) throw new DocxError('unsupported');
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    try {
      return await new Response(stream).text();
    } catch {
      throw new DocxError('not_zip');
    }
  }
  throw new DocxError('no_body');
}
