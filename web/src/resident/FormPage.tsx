import { lazy, useState } from 'react';
import type { LocalizedForm } from '../../../schemas/src/index.js';
import type { Lang } from '../../../schemas/src/languages.js';
import { ApiError, fetchForm, fetchInvite, fetchStartToken } from '../api.js';
import { LoadFailed, Loading, NotFound, PageHeading } from '../components.js';
import { useLocation } from '../router.js';
import { useTexts } from '../texts-context.js';
import { useAsync } from '../use-async.js';
import { confirmationChunk } from './chunks.js';
import {
  activeKey,
  clearDraft,
  draftKey,
  hasAnswers,
  knownAnswers,
  readDraft,
  readTabAnswers,
  tabAnswersKey,
  type Draft,
} from './draft.js';
import type { FlowStart } from './flow-state.js';
import { FormFlow } from './FormFlow.js';
import { positionFrom, stepsOf } from './steps.js';
import { deviceStore, tabStore } from './storage.js';
import type { ReceiptState } from './use-form-flow.js';
import { validatorFor } from './validation/load-validator.js';

// Shown only after sending, so not part of the first load: the review step fetches it ahead (chunks.ts).
const Confirmation = lazy(() => confirmationChunk.load().then((m) => ({ default: m.Confirmation })));

function receiptOf(state: unknown): ReceiptState['receipt'] | undefined {
  const receipt = state && typeof state === 'object' ? (state as Partial<ReceiptState>).receipt : undefined;
  return receipt && typeof receipt.reference === 'string' ? receipt : undefined;
}

const FRESH: FlowStart = { answers: {}, position: 0 };

/** Where a saved draft resumes: its answers, with those only this tab kept (a reload, another language). */
function startFrom(draft: Draft, form: LocalizedForm, municipality: string, startToken: string | undefined): FlowStart {
  const fields = Object.keys(form.schema.properties ?? {});
  const position = positionFrom({ position: draft.position }, stepsOf(form).length) ?? 0;
  const answers = { ...draft.answers, ...readTabAnswers(tabStore, tabAnswersKey(municipality, form.id)) };
  return {
    answers: knownAnswers(answers, fields),
    position,
    pending: draft.pending,
    // The token of the form's first showing, kept with the draft: a restored draft sent at once is no bot's.
    startToken: typeof draft.startToken === 'string' ? draft.startToken : startToken,
  };
}

/** `/<lang>/<municipality>/<formId>`: loads the form and its validator, offers a saved draft, then the steps. */
export function FormPage({ lang, municipality, formId }: { lang: Lang; municipality: string; formId: string }) {
  const { t } = useTexts();
  const { state } = useLocation();
  // Read on arrival: moving between steps drops the query from the address. The link's token stays with the tab,
  // so a reload or another language keeps it, until its feedback is sent.
  const [query] = useState(() => new URLSearchParams(window.location.search));
  const inviteKey = `koto:invite:${municipality}:${formId}`;
  const [invite] = useState(() => {
    const token = query.get('invite') ?? tabStore.getItem(inviteKey);
    if (token) tabStore.setItem(inviteKey, token);
    return token;
  });
  const [loaded, retry] = useAsync(async () => {
    // When the form is first shown, signed by the server (suspected spam, docs/http-contract.md); never in the way.
    const token = fetchStartToken(formId).then(
      (r) => r.startToken,
      () => undefined,
    );
    const [form, about] = await Promise.all([
      fetchForm(formId, municipality, lang),
      // A used or expired link still leads to the form, with a word that the link is spent (null).
      invite
        ? fetchInvite(invite, municipality).catch((e: unknown) => {
            if (e instanceof ApiError && e.status === 404) return null;
            throw e;
          })
        : undefined,
    ]);
    const wanted = about?.service ?? query.get('service');
    const preset = wanted ? (await import('./preset-service.js')).presetService(form, wanted, !!about) : { form };
    return { ...preset, validate: await validatorFor(form), spent: about === null, startToken: await token };
  }, `${formId}/${municipality}/${lang}/${invite}`);
  const [start, setStart] = useState<FlowStart>();

  const receipt = receiptOf(state);
  if (receipt) tabStore.removeItem(inviteKey);
  if (receipt) return <Confirmation receipt={receipt} lang={lang} municipality={municipality} formId={formId} />;
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'failed') {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFound home={`/${lang}/${municipality}`} />;
    return <LoadFailed message={t('form.loadFailed')} onRetry={retry} />;
  }

  const { form, validate, answers, fixedName, spent, startToken } = loaded.value;
  const fresh: FlowStart = { ...FRESH, startToken };
  const key = draftKey(municipality, formId);
  const draft = readDraft(deviceStore, key);
  // Filling in this tab (a reload, another language): carry on. A draft from an earlier visit: ask first.
  let begin: FlowStart | undefined;
  if (hasAnswers(draft) && tabStore.getItem(activeKey(municipality, formId))) begin = startFrom(draft, form, municipality, startToken);
  else if (start) begin = start;
  else if (!hasAnswers(draft)) begin = fresh;
  else {
    const saved = draft;
    return (
      <DraftPrompt
        title={form.title}
        onRestore={() => setStart(startFrom(saved, form, municipality, startToken))}
        onDiscard={() => {
          clearDraft(deviceStore, key);
          setStart(fresh);
        }}
      />
    );
  }
  const notice = fixedName ? t('form.inviteAbout', { service: fixedName }) : spent ? t('form.inviteSpent') : undefined;
  return (
    <FormFlow
      key={lang}
      form={form}
      validate={validate}
      municipality={municipality}
      start={answers ? { ...begin, answers: { ...begin.answers, ...answers } } : begin}
      {...(fixedName ? { invite: invite! } : {})}
      {...(notice ? { notice } : {})}
    />
  );
}

/** Offers back the answers saved on this device on an earlier visit. */
function DraftPrompt({ title, onRestore, onDiscard }: { title: string; onRestore: () => void; onDiscard: () => void }) {
  const { t } = useTexts();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <div className="notice">
        <p>{t('form.draftFound')}</p>
        <div className="actions">
          <button type="button" className="button" onClick={onRestore}>
            {t('form.draftRestore')}
          </button>
          <button type="button" className="button button--secondary" onClick={onDiscard}>
            {t('form.draftDiscard')}
          </button>
        </div>
      </div>
    </>
  );
}
