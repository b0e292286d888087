/**
 * The text of an import file (or a part of one), decoded by a TextDecoder: in Chromium a 60 MB export
 * then parses about a tenth quicker than the same text from Blob.text() (measured alternately), which
 * reads no faster. Both replace invalid UTF-8 alike, and the BOM is left for the parser to skip either
 * way. One decoder for the page and the transfer worker, so both halves of a split file read alike.
 */
export async function fileText(file: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
}
