import type { FastifyRequest } from 'fastify';
import { PacteError } from '../domain/errors.js';

export interface Upload {
  bytes: Buffer;
  file: string;
  fields: Record<string, string>;
}

/**
 * One file and a few text fields from a multipart/form-data request (API and web form alike).
 * The size limit is enforced while receiving (multipart's fileSize), never after buffering.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new PacteError('request.invalid', { problem: 'send multipart/form-data with a "file" part' });
  }
  let bytes: Buffer | null = null;
  let file = 'upload';
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      file = part.filename || file;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new PacteError('import.file_too_large', { file, limitBytes: maxBytes });
        }
        throw error;
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!bytes || bytes.length === 0) throw new PacteError('request.invalid', { problem: 'the "file" part is missing' });
  return { bytes, file, fields };
}
