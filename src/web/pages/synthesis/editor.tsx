import type { Editor, JSONContent } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SynthesisEditor } from '../../components/editor/synthesis-editor.js';
import { citationNumbers } from '../../components/editor/synthesis-schema.js';
import { Link } from '../../components/link.js';
import { messageOf } from '../../components/moves.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { ApiError, post, put } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import { hasRole, useSession } from '../../lib/session.js';
import type { Countries, CycleInfo } from '../../lib/types.js';
import { cyclePath } from '../regional/regional.js';
import {
  synthesesPath,
  synthesisPath,
  type Citation,
  type SubmittedPassage,
  type SynthesisRead,
  type SynthesisSaved,
} from './api.js';
import { CitationPanel } from './citation-panel.js';
import { CitationsList } from './citations-list.js';
import { CitePanel } from './cite-panel.js';
import { FigurePanel } from './figure-panel.js';
import { PublicationSection } from './publication.js';
import { SynthesisText } from './render.js';

type Panel = { kind: 'cite' } | { kind: 'chart' } | { kind: 'citation'; id: number } | null;
interface Conflict {
  document: JSONContent;
  currentRevision: number;
  author: string | null;
}

/** The synthesis editor page: loads the synthesis, then the editor keyed by its id. */
export function SynthesisEditorPage({ cycle, id }: { cycle: string; id: string }) {
  const { t, language } = useLocale();
  const info = useApi<CycleInfo>(cyclePath(cycle));
  const read = useApi<SynthesisRead>(synthesisPath(cycle, id));
  const error = info.error ?? read.error;
  if (error) return <LoadError error={error} />;
  if (!info.data || !read.data) return <Loading />;
  return (
    <Page
      title={read.data.synthesis.title || t('synthesis.untitled')}
      caption={
        <Link to={synthesesPath(cycle)}>
          {t('synthesis.back', { cycle: localText(info.data.title, language) || cycle })}
        </Link>
      }
    >
      {info.data.synthetic && <SyntheticLabel />}
      <Workspace cycle={cycle} read={read.data} />
    </Page>
  );
}

/**
 * What is typed stays here until Save (with the revision it started from): the server's text is
 * taken only when the page opens or the writer takes the other version after a conflict (409).
 */
function Workspace({ cycle, read }: { cycle: string; read: SynthesisRead }) {
  const { t, language, time } = useLocale();
  const s = read.synthesis;
  const path = synthesisPath(cycle, s.id);
  const countries = useApi<Countries>('/countries');
  const [doc, setDoc] = useState<JSONContent>(read.document as JSONContent);
  const [value, setValue] = useState<JSONContent>(read.document as JSONContent);
  const [base, setBase] = useState(s.revision);
  const [saved, setSaved] = useState<string>(JSON.stringify(read.document));
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const editor = useRef<Editor | null>(null);
  const saving = useApiMutation(
    (body: { document: JSONContent; baseRevision: number }) => put<SynthesisSaved>(path, body),
    [synthesesPath(cycle)],
  );
  const citing = useApiMutation(
    (passage: SubmittedPassage) => post<Citation>(`${path}/citations`, { passage }),
    [path],
  );
  const dirty = JSON.stringify(doc) !== saved;
  // The region's translators read the synthesis; its secretariat (and administrators) write it.
  const { session } = useSession();
  const writer = hasRole(session, 'secretariat', 'admin');
  // Nothing is kept in this browser: leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const countryName = (code: string) => {
    const found = countries.data?.countries.find((c) => c.code === code);
    return found ? localText(found.name, language) || code : code;
  };
  const byId = new Map(read.citations.map((c) => [c.id, c]));
  const describe = (id: number) => {
    const c = byId.get(id);
    return c
      ? t('synthesis.marker', { country: countryName(c.country), question: c.questionId })
      : t('synthesis.marker_unknown');
  };
  const names = read.citations.map((c) => `${c.id}${describe(c.id)}`).join('|');
  const numbers = useMemo(() => citationNumbers(doc), [doc]);

  const open = (next: Panel) => {
    setPanel(next);
    // The panel's heading takes the focus, so a screen reader reads where it is.
    window.setTimeout(() => document.querySelector<HTMLElement>('.synthesis-panel h2')?.focus(), 0);
  };

  const save = async (revision: number, document: JSONContent) => {
    setState('saving');
    setError('');
    try {
      const result = await saving.mutateAsync({ document, baseRevision: revision });
      setBase(result.synthesis.revision);
      setSaved(JSON.stringify(document));
      setConflict(null);
      setSavedAt(new Date());
      setState('saved');
    } catch (failure) {
      setState('error');
      setError(messageOf(failure));
      if (failure instanceof ApiError && failure.code === 'synthesis.edit_conflict') {
        const d = failure.details;
        setConflict({
          document: (d.document as JSONContent) ?? { type: 'doc', content: [] },
          currentRevision: Number(d.currentRevision ?? revision),
          author: typeof d.author === 'string' ? d.author : null,
        });
      }
    }
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setDoc(conflict.document);
    setValue(conflict.document);
    setSaved(JSON.stringify(conflict.document));
    setBase(conflict.currentRevision);
    setConflict(null);
    setError('');
    setState('idle');
  };

  /** The citation made from the passage chosen marks the selected words, or goes in as a quote. */
  const cite = async (passage: SubmittedPassage) => {
    const created = await citing.mutateAsync(passage);
    const e = editor.current;
    if (!e) return;
    const { from, to, empty } = e.state.selection;
    if (empty) {
      // A space first when the cursor follows a word (or another citation's marker).
      const before = e.state.doc.textBetween(Math.max(0, from - 1), from);
      const quote = {
        type: 'text',
        text: t('synthesis.cite.quote', { text: passage.text }),
        marks: [{ type: 'citation', attrs: { citations: [created.id] } }],
      };
      e.chain()
        .focus()
        .insertContent(before && !/\s/u.test(before) ? [{ type: 'text', text: ' ' }, quote] : [quote])
        .run();
    } else {
      const before = (e.getAttributes('citation').citations as number[] | undefined) ?? [];
      e.chain()
        .focus()
        .setTextSelection({ from, to })
        .setMark('citation', { citations: [...before.filter((x) => x !== created.id), created.id] })
        .setTextSelection(to)
        .run();
    }
    setPanel(null);
  };

  const insertFigure = (code: string, group: string | null) => {
    editor.current?.chain().focus().insertContent({ type: 'figure', attrs: { code, group } }).run();
    setPanel(null);
  };

  return (
    <div className="synthesis-layout">
      <div className="synthesis-main">
        <p className="muted">
          {t(`language.${s.language}`)} · {t('synthesis.revision', { revision: base })}
        </p>
        {conflict && (
          <section className="conflict" aria-labelledby="synthesis-conflict" role="alert">
            <h2 id="synthesis-conflict">{t('synthesis.conflict.title')}</h2>
            <p>{error}</p>
            <div className="side-by-side">
              <div>
                <h3>
                  {t('editor.theirs', {
                    revision: conflict.currentRevision,
                    author: conflict.author ?? t('common.someone'),
                  })}
                </h3>
                <SynthesisText
                  doc={conflict.document}
                  numbers={citationNumbers(conflict.document)}
                  language={s.language}
                />
              </div>
              <div>
                <h3>{t('editor.yours')}</h3>
                <SynthesisText doc={doc} numbers={numbers} language={s.language} />
              </div>
            </div>
            <div className="button-group">
              <button type="button" className="button" onClick={() => void save(conflict.currentRevision, doc)}>
                {t('editor.keep_mine')}
              </button>
              <button type="button" className="button button-secondary" onClick={takeTheirs}>
                {t('editor.take_theirs')}
              </button>
            </div>
          </section>
        )}
        <SynthesisEditor
          id="synthesis-text"
          label={t('synthesis.editor.label')}
          cycle={cycle}
          language={s.language}
          value={value}
          onChange={(next) => {
            setDoc(next);
            if (state === 'saved') setState('idle');
          }}
          describe={describe}
          open={(citation) => open({ kind: 'citation', id: citation })}
          onPanel={(kind) => {
            if (kind === 'matrix') {
              editor.current?.chain().focus().insertContent({ type: 'objectivesMatrix' }).run();
              return;
            }
            open({ kind });
          }}
          onReady={(e) => {
            editor.current = e;
          }}
          names={names}
          readOnly={!writer}
        />
        {writer && (
          <div className="button-group editor-actions">
            <button
              type="button"
              className="button"
              disabled={state === 'saving' || Boolean(conflict)}
              onClick={() => void save(base, doc)}
            >
              {t('editor.save')}
            </button>
            <p className="save-state" role="status" aria-live="polite">
              {state === 'saving' && t('editor.saving')}
              {state === 'saved' && savedAt && t('editor.saved_at', { time: time(savedAt) })}
              {state !== 'saving' && state !== 'saved' && dirty && t('synthesis.unsaved')}
            </p>
          </div>
        )}
        {state === 'error' && !conflict && (
          <p className="error-message" role="alert">
            {error}
          </p>
        )}
        <PublicationSection cycle={cycle} synthesis={s.id} citations={read.citations} document={doc} writer={writer} />
      </div>
      <div className="synthesis-side">
        {panel?.kind === 'cite' && (
          <CitePanel
            cycle={cycle}
            heading={t('synthesis.cite.heading')}
            intro={t('synthesis.cite.intro')}
            onChoose={cite}
            onClose={() => setPanel(null)}
          />
        )}
        {panel?.kind === 'chart' && (
          <FigurePanel cycle={cycle} onInsert={insertFigure} onClose={() => setPanel(null)} />
        )}
        {panel?.kind === 'citation' && (
          <CitationPanel
            key={panel.id}
            cycle={cycle}
            synthesis={s.id}
            citation={panel.id}
            number={numbers.get(panel.id)}
            writer={writer}
            onClose={() => setPanel(null)}
          />
        )}
        <CitationsList
          citations={read.citations}
          numbers={numbers}
          countryName={countryName}
          onOpen={(citation) => open({ kind: 'citation', id: citation })}
        />
      </div>
    </div>
  );
}
