import type { JSONSchemaType } from 'ajv';
import type { Member } from './staff-contract.js';
import type { WalkIn } from './types.js';

/**
 * The admin API's staff and municipality bodies (`/api/admin/staff`, `/api/admin/municipalities`,
 * docs/http-contract.md): who may sign in, and each municipality's offered forms, mailboxes, contact and walk-in.
 */

/** One person in the staff directory. */
export type StaffEntry = Member;

/** `GET /api/admin/staff`, in email order. */
export interface StaffListResponse {
  staff: StaffEntry[];
}

/** The longest name of a person: a name, not a note. */
export const MAX_STAFF_NAME_LENGTH = 200;
/** A municipality id, as in `schemas/municipality.schema.json`. */
const ID_PATTERN = '^[a-z][a-z0-9-]{0,39}$';

/** `PUT /api/admin/staff/:email`: adds the person or changes them (the email is the path's). */
export interface PutStaffRequest {
  name: string;
  role: 'staff' | 'admin';
  municipalities: string[];
}

export const PUT_STAFF_REQUEST: JSONSchemaType<PutStaffRequest> = {
  type: 'object',
  required: ['name', 'role', 'municipalities'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: MAX_STAFF_NAME_LENGTH, pattern: '\\S' },
    role: { type: 'string', enum: ['staff', 'admin'] },
    municipalities: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: ID_PATTERN } },
  },
};

/** How residents reach a municipality's integration services. */
export interface MunicipalityContact {
  email: string;
  phone: string;
  address: string;
}

/** What an admin may change of a municipality: offered forms, where notifications go, contact details, walk-in hours. */
export interface MunicipalitySettings {
  /** Ids of published forms, in the order residents see them. */
  forms: string[];
  /** Staff mailboxes per offered form id; `default` for a form without its own list. */
  routing: Record<string, string[]>;
  contact: MunicipalityContact;
  /** The weekly walk-in, or null when there is none. */
  walkIn: WalkIn | null;
}

/** One municipality as the admin page edits it; `revision` counts its saves (send it back with the next save). */
export interface AdminMunicipality extends MunicipalitySettings {
  id: string;
  name: string;
  revision: number;
  /** Who saved it last and when; absent while it is as the repository's file seeded it. */
  savedAt?: string;
  savedBy?: string;
}

/** `GET /api/admin/municipalities`: the municipalities, and the published forms one may offer (Finnish titles). */
export interface AdminMunicipalitiesResponse {
  municipalities: AdminMunicipality[];
  forms: { id: string; title: string }[];
}

/** `PUT /api/admin/municipalities/:id`: the settings and the revision they were made from; no `walkIn`: none. */
export interface SaveMunicipalityRequest extends Omit<MunicipalitySettings, 'walkIn'> {
  revision: number;
  walkIn?: WalkIn;
}

export interface SaveMunicipalityResponse {
  revision: number;
}

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' }) as const;

export const SAVE_MUNICIPALITY_REQUEST: JSONSchemaType<SaveMunicipalityRequest> = {
  type: 'object',
  required: ['revision', 'forms', 'routing', 'contact'],
  additionalProperties: false,
  properties: {
    revision: { type: 'integer', minimum: 0 },
    forms: { type: 'array', maxItems: 100, items: { type: 'string', pattern: ID_PATTERN } },
    routing: {
      type: 'object',
      required: [],
      maxProperties: 101,
      additionalProperties: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 254 } },
    },
    contact: {
      type: 'object',
      required: ['email', 'phone', 'address'],
      additionalProperties: false,
      properties: { email: { type: 'string', maxLength: 254 }, phone: text(500), address: text(500) },
    },
    walkIn: {
      type: 'object',
      nullable: true,
      required: ['weekday', 'opens', 'closes', 'address'],
      additionalProperties: false,
      properties: {
        weekday: { type: 'integer', minimum: 1, maximum: 7 },
        opens: { type: 'string', maxLength: 5 },
        closes: { type: 'string', maxLength: 5 },
        address: text(500),
      },
    },
  },
};
