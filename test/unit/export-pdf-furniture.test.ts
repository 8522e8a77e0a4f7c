import { describe, expect, it } from 'vitest';
import { pdfFurniture, requirePdfTools } from '../../src/documents/export-pdf.js';

/** The running header and footer Chromium draws in the PDF's margins (src/documents/export-pdf.ts). */
describe('PDF header and footer templates', () => {
  it('escape stored text, name fonts that shape Arabic, and read right to left in Arabic', () => {
    const { headerTemplate, footerTemplate } = pdfFurniture({
      language: 'ar',
      header: 'تونس (TUN) — <img src=x onerror=alert(1)> & "cycle"',
      page: { label: 'صفحة', of: 'من' },
    });
    expect(headerTemplate).not.toContain('<img');
    expect(headerTemplate).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;cycle&#34;');
    for (const template of [headerTemplate, footerTemplate]) {
      expect(template).toMatch(/^<div lang="ar" dir="rtl" /u);
      expect(template).toContain("'Noto Naskh Arabic'");
    }
    expect(footerTemplate).toContain('صفحة <span class="pageNumber"></span> من <span class="totalPages"></span>');
  });

  it('read left to right in French', () => {
    const { footerTemplate } = pdfFurniture({ language: 'fr', header: 'Maroc', page: { label: 'Page', of: 'sur' } });
    expect(footerTemplate).toMatch(/^<div lang="fr" dir="ltr" /u);
    expect(footerTemplate).toContain('Page <span class="pageNumber"></span> sur <span class="totalPages"></span>');
  });
});

describe('the tools a PDF needs', () => {
  it('are named, with the command that installs them, when one is missing', async () => {
    await expect(requirePdfTools('/nowhere/chromium')).rejects.toMatchObject({
      code: 'export.tool_missing',
      status: 503,
      details: { tool: 'chromium', install: expect.stringContaining('apt-get install -y chromium fonts-noto-core') },
    });
  });

  it('are found on this machine (npm test installs them)', async () => {
    await expect(requirePdfTools()).resolves.toBeUndefined();
  });
});
