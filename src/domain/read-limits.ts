/** How much reading one review file may cost: bounds against oversized and hostile files. */
export interface ReadLimits {
  /** Largest file accepted, in bytes (PACTE_IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** Largest total a DOCX may inflate to, and its most entries: beyond is a zip bomb. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** pdftotext runs with these bounds. */
  toolTimeoutMs: number;
  toolMemoryBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxEntries: 5000,
  toolTimeoutMs: 60_000,
  toolMemoryBytes: 1024 * 1024 * 1024,
};
