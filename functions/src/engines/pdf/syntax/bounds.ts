import { PdfInputError } from '../errors';

/**
 * Every count a file controls is bounded twice before anything is allocated for it: by what its
 * bytes could really hold, and by a fixed ceiling (docs/decisions/0062). The verify endpoint
 * needs no login, so a 4 KB file must not be able to make it allocate 150 MB.
 */
export const CEILING = {
  /** Bytes of a whole document (the documents API allows 50 MB). */
  bytes: 200 * 1024 * 1024,
  /** Cross-reference entries over all revisions. */
  objects: 2_000_000,
  /** Incremental updates. */
  revisions: 500,
  /** Nesting of arrays and dictionaries. */
  depth: 64,
  /** Decoded bytes of one structural stream (cross-reference or object stream). */
  decodedStream: 64 * 1024 * 1024,
  /** Decoded bytes of every structural stream of one document together. */
  decodedTotal: 256 * 1024 * 1024,
  /** Objects one analysis may parse (diff analysis walks whole revisions). */
  objectVisits: 4_000_000,
  /**
   * Highest object number an update may write (ISO 32000-1 Annex C: readers need not go further;
   * qpdf and poppler stop at 2^31). A file already numbering beyond it is not signed.
   */
  objectNumber: 8_388_607,
} as const;

/**
 * A count the file claims that its bytes cannot hold: a hostile file, not a damaged one, so it is
 * refused outright (422 PDF_UNREADABLE) instead of being rebuilt by scanning.
 */
export class BoundExceeded extends PdfInputError {
  constructor(detail: string) {
    super('PDF_UNREADABLE', detail);
  }
}

/** Smallest byte cost of one cross-reference entry in a classic table: "0000000000 00000 n\r\n". */
export const TABLE_ENTRY_BYTES = 20;
/** Smallest byte cost of one revision: "xref\n0 0\ntrailer<<>>startxref\n0\n%%EOF". */
const MIN_REVISION_BYTES = 32;

/**
 * The budget of one open document. An object needs at least one byte of the file (even packed in
 * a compressed object stream its number is somewhere), so a file of n bytes holds at most n
 * objects; revisions need their own xref, trailer and %%EOF.
 */
export class Budget {
  private entries = 0;
  private decoded = 0;
  private visits = 0;
  readonly maxEntries: number;
  readonly maxRevisions: number;
  readonly maxDecoded: number;

  constructor(readonly fileBytes: number) {
    this.maxEntries = Math.min(CEILING.objects, Math.max(64, fileBytes));
    this.maxRevisions = Math.min(CEILING.revisions, Math.max(1, Math.floor(fileBytes / MIN_REVISION_BYTES)));
    // Deflate cannot expand more than ~1032:1, so no honest file decodes to more than this.
    this.maxDecoded = Math.min(CEILING.decodedTotal, Math.max(1024 * 1024, fileBytes * 1032));
  }

  /** How many more cross-reference entries may be stored. */
  get entriesLeft(): number {
    return this.maxEntries - this.entries;
  }

  /** Claims `n` entries, before they are read. */
  takeEntries(n: number): void {
    if (!(n >= 0) || n > this.entriesLeft) throw new BoundExceeded(`cross-reference claims more objects than the file can hold (${this.maxEntries})`);
    this.entries += n;
  }

  /** Decoded bytes left for structural streams, within the per-stream ceiling. */
  decodedLeft(): number {
    return Math.min(CEILING.decodedStream, this.maxDecoded - this.decoded);
  }

  spendDecoded(n: number): void {
    this.decoded += n;
    if (this.decoded > this.maxDecoded) throw new PdfInputError('PDF_TOO_LARGE', 'decoded streams');
  }

  /** One more object parsed by an analysis; false once the budget is spent. */
  visit(): boolean {
    return ++this.visits <= CEILING.objectVisits;
  }
}
