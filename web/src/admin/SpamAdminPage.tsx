import { useEffect, useRef, useState } from 'react';
import type { HeldSubmission } from '../../../schemas/src/spam-contract.js';
import { formatTime } from '../staff/format.js';
import { errorText, isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { useAsync } from '../use-async.js';
import { fetchHeld, releaseHeld } from './staff-admin-api.js';

function HeldItem({ item, onReleased }: { item: HeldSubmission; onReleased: (reference: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<unknown>();
  const release = async () => {
    setBusy(true);
    setRefused(undefined);
    try {
      await releaseHeld(item.reference);
      onReleased(item.reference);
    } catch (e) {
      setRefused(e);
      setBusy(false);
    }
  };
  const headingId = `held-${item.reference}`;
  return (
    <li className="staff-item" aria-labelledby={headingId}>
      <h2 id={headingId}>{item.reference}</h2>
      <p>
        {item.form}, {item.municipality}, <time dateTime={item.submittedAt}>{formatTime(item.submittedAt)}</time>.{' '}
        {t(`spam.reason.${item.reason}`)}
      </p>
      <dl className="staff-item__answers">
        {item.answers.map((a) => (
          <div key={a.field}>
            <dt>{a.label}</dt>
            <dd>
              <bdi>{a.display}</bdi>
            </dd>
          </div>
        ))}
      </dl>
      {refused ? <p className="staff-warning">{errorText(refused)}</p> : null}
      <button type="button" className="button" disabled={busy} onClick={() => void release()}>
        {t('spam.release')}
      </button>
    </li>
  );
}

/** `/admin/spam`: submissions held as suspected spam; releasing one sends it to the inbox and notifies as usual. */
export function SpamAdminPage() {
  const { sessionEnded } = useSession();
  const [version, setVersion] = useState(0);
  const [state, retry] = useAsync(fetchHeld, `spam-${version}`);
  const last = useRef<HeldSubmission[]>();
  if (state.status === 'ready') last.current = state.value.items;
  const shown = last.current;
  const [notice, setNotice] = useState<string>();
  const failed = state.status === 'failed' ? state.error : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);
  return (
    <>
      <StaffHeading>{t('spam.heading')}</StaffHeading>
      <p>{t('spam.intro')}</p>
      <div role="status" className={notice ? 'notice' : undefined}>
        {notice ? <p>{notice}</p> : null}
      </div>
      {state.status === 'loading' && !shown ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {shown && shown.length === 0 ? <p>{t('spam.none')}</p> : null}
      {shown && shown.length > 0 ? (
        <ul className="staff-inbox">
          {shown.map((item) => (
            <HeldItem
              key={item.reference}
              item={item}
              onReleased={(reference) => {
                setNotice(t('spam.released', { reference }));
                setVersion((n) => n + 1);
              }}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}
