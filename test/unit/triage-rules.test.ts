import { describe, expect, it } from 'vitest';
import { InvalidRequest } from '../../functions/src/domain/errors.js';
import type { Submission } from '../../functions/src/domain/submission.js';
import { changeHistory, isMarkedSpam, requestedNote, requestedStatus } from '../../functions/src/domain/staff/triage-rules.js';
import { MAX_NOTE_LENGTH } from '../../schemas/src/index.js';

const at = '2026-03-02T08:30:00.000Z';
const submission = { status: 'new', assignee: 'Staff.Heinola@koto.local' } as Submission;

describe('the rules of triage', () => {
  it('knows the statuses a filter or a change may name', () => {
    expect(requestedStatus('in_progress')).toBe('in_progress');
    expect(requestedStatus('')).toBeUndefined();
    expect(requestedStatus(undefined)).toBeUndefined();
    expect(() => requestedStatus('closed')).toThrow(InvalidRequest);
  });

  it("takes a note, and refuses one of only spaces (its length is the contract's, checked at the route)", () => {
    expect(requestedNote(undefined)).toBeUndefined();
    expect(requestedNote('Soitettu.')).toBe('Soitettu.');
    expect(requestedNote('x'.repeat(MAX_NOTE_LENGTH))).toHaveLength(MAX_NOTE_LENGTH);
    for (const bad of ['', '   ', '\n\t']) expect(() => requestedNote(bad)).toThrow(InvalidRequest);
  });

  it('records only what changes: a new status, another assignee, a note (trimmed)', () => {
    expect(
      changeHistory(submission, { status: 'in_progress', assignee: 'staff.heinola@koto.local', note: ' Soitettu. ' }, 'a@koto.local', at),
    ).toEqual([
      { at, by: 'a@koto.local', action: 'status', from: 'new', to: 'in_progress' },
      { at, by: 'a@koto.local', action: 'note', note: 'Soitettu.' },
    ]);
    expect(changeHistory(submission, { assignee: null }, 'a@koto.local', at)).toEqual([
      { at, by: 'a@koto.local', action: 'assign', from: 'Staff.Heinola@koto.local', to: null },
    ]);
  });

  it('refuses a change that changes nothing', () => {
    expect(() => changeHistory(submission, { status: 'new' }, 'a@koto.local', at)).toThrow(/Nothing to change/);
  });

  it('marks a rejection as spam, also of one rejected before, once; and knows while it stays so', () => {
    const by = 'a@koto.local';
    const marked = changeHistory(submission, { status: 'rejected', spam: true }, by, at);
    expect(marked).toEqual([{ at, by, action: 'status', from: 'new', to: 'rejected', spam: true }]);
    const spam = { ...submission, status: 'rejected', history: marked } as Submission;
    expect(isMarkedSpam(spam)).toBe(true);
    expect(() => changeHistory(spam, { status: 'rejected', spam: true }, by, at)).toThrow(/Nothing to change/);

    const rejected = {
      ...submission,
      status: 'rejected',
      history: [{ at, by, action: 'status', from: 'new', to: 'rejected' }],
    } as Submission;
    expect(isMarkedSpam(rejected)).toBe(false);
    expect(changeHistory(rejected, { status: 'rejected', spam: true }, by, at)).toEqual([
      { at, by, action: 'status', from: 'rejected', to: 'rejected', spam: true },
    ]);

    const reopened = {
      ...spam,
      status: 'in_progress',
      history: [...marked, ...changeHistory(spam, { status: 'in_progress' }, by, at)],
    } as Submission;
    expect(isMarkedSpam(reopened)).toBe(false);
    expect(() => changeHistory(submission, { status: 'done', spam: true }, by, at)).toThrow(InvalidRequest);
  });
});
