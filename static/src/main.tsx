/**
 * Entry of the one Custom UI app. Forge loads the same bundle for every module; the module key in the
 * context picks the view, and each view is its own chunk so a module downloads only what it shows.
 */
import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { moduleViewFor } from './forgeContext';
import { LoadingState } from './components/LoadingState';

async function boot(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  root.render(<LoadingState label="Loading MetaScrum" />);
  try {
    // Theming is opt-in in Forge: without it tokens fall back to light colours, which is still usable.
    await view.theme
      .enable()
      .catch((cause: unknown) => console.warn({ event: 'theme-enable-failed', cause }));
    const context = await view.getContext();
    root.render(
      <StrictMode>
        <App view={moduleViewFor(context)} siteUrl={context.siteUrl} />
      </StrictMode>,
    );
  } catch (cause) {
    // Lazy: the failure view (SectionMessage) is not worth a place in every module's entry chunk.
    const { default: BootFailure } = await import('./components/BootFailure');
    root.render(<BootFailure title="MetaScrum could not start" cause={cause} />);
  }
}

const container = document.getElementById('root');
if (container) void boot(container);
