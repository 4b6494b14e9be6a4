import { useEffect, useState, type FormEvent } from 'react';

import { describeError } from '../api/client';
import type { Settings, SystemInfo } from '../api/types';
import { useSession } from '../app/session';
import { ViewerNote } from '../components/ViewerNote';

const WEEKDAYS = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
] as const;

/** Where the models run, as a person would say it. */
const VISION_WHERE: Record<string, string> = {
  grpc: 'run by the detector and embedder services (over gRPC)',
  'in-process': 'run inside the API process',
};

/**
 * Threshold, cooldown, vote window, time zone and working days; the model pack in use and
 * its licence.
 */
export function SettingsPage() {
  const { api, refresh, canChange } = useSession();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [system, setSystem] = useState<SystemInfo | undefined>();
  const [draft, setDraft] = useState({
    threshold: '',
    cooldownMin: '',
    voteWindowMs: '',
    zone: '',
    workdays: [] as string[],
  });
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    api.get<Settings>('/v1/settings').then(
      (s) => {
        setSettings(s);
        setDraft(draftOf(s));
      },
      (e: unknown) => setError(describeError(e)),
    );
    api.get<SystemInfo>('/v1/system').then(setSystem, (e: unknown) => setError(describeError(e)));
  }, [api]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setMessage(undefined);
    const threshold = draft.threshold.trim() === '' ? null : Number(draft.threshold);
    const problem = draftProblem(draft, threshold);
    if (problem !== undefined) {
      setError(problem);
      return;
    }
    try {
      const saved = await api.json<Settings>('PATCH', '/v1/settings', {
        threshold,
        cooldownMs: Math.round(Number(draft.cooldownMin) * 60_000),
        voteWindowMs: Math.round(Number(draft.voteWindowMs)),
        timeZone: draft.zone.trim(),
        workdays: draft.workdays,
      });
      setSettings(saved);
      setDraft(draftOf(saved));
      setMessage('Saved. Services pick the new settings up as they read them.');
      refresh();
    } catch (e) {
      setError(describeError(e));
    }
  };

  const set = (name: 'threshold' | 'cooldownMin' | 'voteWindowMs' | 'zone') => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });
  const packThreshold = system?.pack?.threshold;
  const toggleDay = (day: string, on: boolean) =>
    setDraft({
      ...draft,
      workdays: on ? [...draft.workdays, day] : draft.workdays.filter((d) => d !== day),
    });

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {settings === undefined ? (
        <p>Loading…</p>
      ) : (
        <form onSubmit={(e) => void save(e)} className="stack">
          {/* A viewer sees the values in fields that cannot be edited. */}
          <fieldset disabled={!canChange} className="plain">
            <label htmlFor="set-threshold">
              Match threshold (cosine similarity; empty: the pack’s own
              {packThreshold == null ? '' : `, ${packThreshold}`})
            </label>
            <input id="set-threshold" inputMode="decimal" {...set('threshold')} />
            <label htmlFor="set-cooldown">Cooldown: no second check-in within (minutes)</label>
            <input id="set-cooldown" type="number" min={1} required {...set('cooldownMin')} />
            <label htmlFor="set-vote">Vote window: agreeing sightings within (milliseconds)</label>
            <input
              id="set-vote"
              type="number"
              min={1}
              max={600000}
              required
              {...set('voteWindowMs')}
            />
            <label htmlFor="set-zone">Time zone (IANA name, e.g. Europe/Berlin)</label>
            <input id="set-zone" required {...set('zone')} />
            <fieldset className="weekdays">
              <legend>Working days (reports count a person absent only on these)</legend>
              {WEEKDAYS.map(([day, label]) => (
                <label key={day}>
                  <input
                    type="checkbox"
                    checked={draft.workdays.includes(day)}
                    onChange={(e) => toggleDay(day, e.target.checked)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          </fieldset>
          {error !== undefined && <p role="alert">{error}</p>}
          {message !== undefined && <p role="status">{message}</p>}
          {canChange ? (
            <button type="submit">Save settings</button>
          ) : (
            <ViewerNote what="change settings" />
          )}
        </form>
      )}

      <h2>Model pack</h2>
      {system === undefined ? (
        <p>Loading…</p>
      ) : system.pack === null ? (
        <p role="alert">The vision side did not answer: {system.packError}</p>
      ) : (
        <dl className="facts">
          <dt>Pack</dt>
          <dd>
            {system.pack.title} (<code>{system.pack.name}</code>),{' '}
            {VISION_WHERE[system.vision] ?? `run ${system.vision}`}
          </dd>
          <dt>About</dt>
          <dd>{system.pack.description}</dd>
          <dt>Licence</dt>
          <dd>{system.pack.licence.summary}</dd>
          <dt>Commercial use</dt>
          <dd>{commercial(system.pack.licence.commercialUse)}</dd>
          {system.pack.licence.url !== undefined && system.pack.licence.url !== '' && (
            <>
              <dt>Source</dt>
              <dd>
                <a href={system.pack.licence.url} rel="noreferrer" target="_blank">
                  {system.pack.licence.url}
                </a>
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function draftOf(s: Settings) {
  return {
    threshold: s.threshold === null ? '' : String(s.threshold),
    cooldownMin: String(s.cooldownMs / 60_000),
    voteWindowMs: String(s.voteWindowMs),
    zone: s.timeZone,
    workdays: s.workdays,
  };
}

/** What a person should change before saving, in their words rather than the schema's. */
function draftProblem(draft: ReturnType<typeof draftOf>, threshold: number | null) {
  if (threshold !== null && !(threshold >= -1 && threshold <= 1)) {
    return 'Threshold must be a number between -1 and 1 (cosine similarity), or empty.';
  }
  const cooldown = Number(draft.cooldownMin);
  if (!(cooldown > 0 && cooldown <= 43_200)) {
    return 'Cooldown must be between 1 minute and 30 days (43200 minutes).';
  }
  if (draft.workdays.length === 0) return 'Choose at least one working day.';
  return undefined;
}

function commercial(value: string): string {
  if (value === 'allowed') return 'Allowed by the licence.';
  if (value === 'not-allowed') return 'Not allowed: research and personal use only.';
  return 'Unclear: the authors do not say; check before using it commercially.';
}
