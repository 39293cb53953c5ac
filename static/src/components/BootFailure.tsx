import { Notice as SectionMessage } from './Notice';

/** Shown when the app cannot pick or start a view (no Forge context, unknown module). */
export default function BootFailure({ title, cause }: { title: string; cause: unknown }) {
  return (
    <SectionMessage appearance="error" title={title}>
      <p>{cause instanceof Error ? cause.message : String(cause)}</p>
      <p>Reload the page. If it keeps happening, tell your Jira admin.</p>
    </SectionMessage>
  );
}
