import type { ClipboardEvent } from 'react';
import { pasteIntoText } from './index.js';

/**
 * The text box's paste: clipboard HTML (else text) with lists becomes the editor's typing code
 * at the cursor, so Word's, LibreOffice's and Google Docs' lists keep their nesting. Plain words
 * are left to the browser.
 */
export function pasteIntoTextarea(event: ClipboardEvent<HTMLTextAreaElement>, onChange: (text: string) => void): void {
  const box = event.currentTarget;
  const pasted = pasteIntoText(
    box.value,
    { start: box.selectionStart, end: box.selectionEnd },
    { html: event.clipboardData.getData('text/html'), text: event.clipboardData.getData('text/plain') },
  );
  if (!pasted) return;
  event.preventDefault();
  // Typed in place of the selection, so that Ctrl+Z undoes the paste like any other; the input
  // event it fires reaches onChange. Where the browser refuses, the value is set instead.
  if (document.execCommand('insertText', false, pasted.inserted)) return;
  onChange(pasted.value);
  // The new value is rendered after this handler: put the cursor after the pasted text then.
  requestAnimationFrame(() => box.setSelectionRange(pasted.cursor, pasted.cursor));
}
