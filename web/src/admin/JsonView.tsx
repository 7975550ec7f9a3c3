import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { formatDefinitionJson } from '../../../schemas/src/definition-json.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { t } from '../staff/texts.js';
import type { Draft } from './use-draft.js';

/**
 * The whole definition as JSON, for the rare power user: CodeMirror 6 with JSON linting. A valid edit replaces the
 * draft (and so the question view); the question view's edits replace the text here when the editor is not focused.
 */
export function JsonView({ def, edit }: { def: FormDefinition; edit: Draft['edit'] }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>();
  const shown = useRef(def);
  const [invalid, setInvalid] = useState<string>();
  const editRef = useRef(edit);
  editRef.current = edit;

  useEffect(() => {
    const onChange = EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      try {
        const parsed = JSON.parse(update.state.doc.toString()) as FormDefinition;
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(t('workbench.jsonLabel'));
        setInvalid(undefined);
        shown.current = parsed;
        editRef.current(() => parsed);
      } catch (e) {
        setInvalid((e as Error).message);
      }
    });
    view.current = new EditorView({
      doc: formatDefinitionJson(def),
      parent: host.current!,
      extensions: [
        basicSetup,
        json(),
        linter(jsonParseLinter()),
        lintGutter(),
        onChange,
        EditorView.contentAttributes.of({ 'aria-label': t('workbench.jsonLabel'), 'aria-describedby': 'wb-json-text' }),
      ],
    });
    return () => view.current?.destroy();
    // The editor is made once; later drafts come in through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || def === shown.current || v.hasFocus) return;
    shown.current = def;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: formatDefinitionJson(def) } });
  }, [def]);

  return (
    <section aria-labelledby="wb-json-heading">
      <h2 id="wb-json-heading">{t('workbench.jsonHeading')}</h2>
      <p id="wb-json-text">{t('workbench.jsonText')}</p>
      {invalid ? (
        <p className="notice notice--error" role="status">
          {t('workbench.jsonInvalid', { reason: invalid })}
        </p>
      ) : null}
      <div className="wb-json" ref={host} />
    </section>
  );
}
