import { describe, expect, it } from 'vitest';
import type { DraftResponse, FormDefinition } from '../../schemas/src/index.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { GUIDANCE_VERSION, buildTestApp } from '../support/test-app.js';

useDynalite();

const GUIDANCE = '/api/admin/forms/guidance';

async function asAdmin() {
  const t = await buildTestApp();
  await seedStaff(t);
  const cookie = await signIn(t, ADMIN);
  const call = (method: string, path: string, body?: unknown) => staffRequest(t, method, path, { cookie, body });
  const draft = async (): Promise<DraftResponse> => (await (await call('GET', `${GUIDANCE}/draft`)).json()) as DraftResponse;
  /** Saves the draft after `change`, and returns the draft as the server then has it. */
  const save = async (change: (definition: FormDefinition) => void): Promise<FormDefinition> => {
    const { definition, revision } = await draft();
    change(definition);
    const res = await call('PUT', `${GUIDANCE}/draft`, { definition, revision });
    expect(res.status).toBe(200);
    return (await draft()).definition;
  };
  return { t, call, save };
}

describe('the admin forms API: who marked a language reviewed, and when', () => {
  it('stamps a language newly marked reviewed with the admin and the time, whatever the client sent', async () => {
    const { t, save } = await asAdmin();
    const saved = await save((d) => {
      d.meta.languages.sv = { reviewed: true, reviewedBy: 'someone.else@example.fi', reviewedAt: '2020-01-01T00:00:00.000Z' };
    });
    expect(saved.meta.languages.sv).toEqual({ reviewed: true, reviewedBy: ADMIN, reviewedAt: t.clock.now().toISOString() });
  });

  it('keeps the marks while the language’s texts stay the same, even when the client sends others', async () => {
    const { t, save } = await asAdmin();
    const markedAt = t.clock.now().toISOString();
    await save((d) => {
      d.meta.languages.sv = { reviewed: true };
    });
    t.clock.advance(60_000);
    const saved = await save((d) => {
      d.meta.languages.sv = { reviewed: true, reviewedBy: 'forged@example.fi', reviewedAt: '2020-01-01T00:00:00.000Z' };
      d.texts.en!.title = 'Guidance and advice for everyone';
    });
    expect(saved.meta.languages.sv).toEqual({ reviewed: true, reviewedBy: ADMIN, reviewedAt: markedAt });
  });

  it('clears the mark of a reviewed language whose texts change in a save, and of Finnish too', async () => {
    const { save } = await asAdmin();
    await save((d) => {
      d.meta.languages.sv = { reviewed: true };
    });
    const saved = await save((d) => {
      d.texts.sv!.title = 'Vägledning för alla';
      d.texts.fi!.title = `${d.texts.fi!.title}!`;
    });
    expect(saved.meta.languages.sv).toEqual({ reviewed: false });
    expect(saved.meta.languages.fi).toEqual({ reviewed: false });
    // A language not marked and not changed keeps its state.
    expect(saved.meta.languages.en).toEqual({ reviewed: false });
  });

  it('drops the marks when an admin unmarks a language, and publishes the marks with the version', async () => {
    const { t, call, save } = await asAdmin();
    await save((d) => {
      d.meta.languages.sv = { reviewed: true };
      d.texts.en!.title = 'Guidance for everyone';
    });
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'Swedish reviewed.' })).status).toBe(201);
    const published = (await (await call('GET', `${GUIDANCE}/versions/${GUIDANCE_VERSION + 1}`)).json()) as FormDefinition;
    expect(published.meta.languages.sv).toEqual({ reviewed: true, reviewedBy: ADMIN, reviewedAt: t.clock.now().toISOString() });
    const unmarked = await save((d) => {
      d.meta.languages.sv = { reviewed: false, reviewedBy: ADMIN };
    });
    expect(unmarked.meta.languages.sv).toEqual({ reviewed: false });
  });

  it('saves a draft whose languages are malformed as it is, for the lint to name', async () => {
    const { call } = await asAdmin();
    const res = await call('GET', `${GUIDANCE}/draft`);
    const { definition, revision } = (await res.json()) as DraftResponse;
    (definition.meta as unknown as Record<string, unknown>)['languages'] = ['fi'];
    const saved = await call('PUT', `${GUIDANCE}/draft`, { definition, revision });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain('definition_shape');
  });
});
