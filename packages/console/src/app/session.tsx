import { createContext, useContext } from 'react';

import type { ApiClient } from '../api/client';

/** What every page needs once signed in. */
export interface Session {
  readonly api: ApiClient;
  /** IANA zone of the settings: every time is shown in it. */
  readonly timeZone: string;
  /** Re-reads the settings (after they change). */
  refresh(): void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside a signed-in page');
  return session;
}
