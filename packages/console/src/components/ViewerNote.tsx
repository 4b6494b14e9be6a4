import { useSession } from '../app/session';

/**
 * Said where a viewer would have found a control that changes something: they can look,
 * not change (the API refuses them anyway, with `FORBIDDEN_ROLE`).
 */
export function ViewerNote({ what }: { what: string }) {
  const { who } = useSession();
  return (
    <p className="viewer-note" role="note">
      You are signed in as {who.name}, a viewer: you can look, but not {what}. Ask an administrator.
    </p>
  );
}
