import { createContext, useContext } from 'react';

import type { ApiClient } from '../api/client';
import type { Principal } from '../api/types';

/** What every page needs once signed in. */
export interface Session {
  readonly api: ApiClient;
  /** IANA zone of the settings: every time is shown in it. */
  readonly timeZone: string;
  /** Who is signed in, with their role. */
  readonly who: Principal;
  /** False for a viewer: pages hide what would change something (the API refuses it too). */
  readonly canChange: boolean;
  /** Re-reads the settings (after they change). */
  refresh(): void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside a signed-in page');
  return session;
}
