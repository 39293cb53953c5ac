import SectionMessage from '@atlaskit/section-message';

/** Shown when the Forge context itself cannot be read: nothing else can work without it. */
export function BootFailure({ cause }: { cause: unknown }) {
  return (
    <SectionMessage appearance="error" title="MetaScrum could not start">
      <p>{cause instanceof Error ? cause.message : String(cause)}</p>
      <p>Reload the page. If it keeps happening, tell your Jira admin.</p>
    </SectionMessage>
  );
}
