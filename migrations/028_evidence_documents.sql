-- Evidence files may be text documents too (issue 12, item 5: « Word files are refused as
-- evidence »). Ministries keep their reports as Word (DOCX) or OpenDocument text (ODT), and some
-- their tables as OpenDocument spreadsheets (ODS); next to PDF, XLSX and CSV these are what a
-- contributor has at hand. The type is still read from the content by the service
-- (src/documents/evidence-type.ts); this check keeps the column to the same list
-- (src/domain/contributions.ts EVIDENCE_TYPES). Legacy binary DOC/XLS stay refused: their
-- compound-file container cannot be told from other OLE files (MSI installers, Outlook messages)
-- without parsing it, so they are asked for as PDF or a current format instead.
alter table evidence drop constraint evidence_media_type_check;
alter table evidence add constraint evidence_media_type_check check (media_type in (
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet'
));
