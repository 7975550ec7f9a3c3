import { useEffect, useState } from 'react';
import { fetchColleagues, type Colleague } from './staff-api.js';

/**
 * The colleagues the member may assign to, by name; empty until they load (and if they cannot be loaded: the
 * choices then are the member and nobody, which need no list).
 */
export function useColleagues(email: string): Colleague[] {
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  useEffect(() => {
    let live = true;
    fetchColleagues().then(
      (r) => live && setColleagues(r.colleagues),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [email]);
  return colleagues;
}

/** The others, without the member themselves (offered as "me"). */
export const others = (colleagues: Colleague[], email: string) => colleagues.filter((c) => c.email !== email);
