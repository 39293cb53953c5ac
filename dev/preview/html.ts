/** HTML building blocks of the preview host: escaping, the Jira-like shell and the Custom UI iframe. */
import type { ColorMode, Frame } from './frames';
import type { PreviewUser } from './jira-target';

/** Everything from Jira or the URL goes through here: the host must not be an XSS vector either. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ShellOptions {
  siteName: string;
  users: PreviewUser[];
  user: PreviewUser;
  colorMode: ColorMode;
  /** The current path, so switching user or theme comes back here. */
  path: string;
  title: string;
  body: string;
}

const STYLE = `
  body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif;
    background: var(--ds-surface, #fff); color: var(--ds-text, #172b4d); }
  header { display: flex; gap: 16px; align-items: center; padding: 8px 16px;
    background: var(--ds-surface-raised, #f7f8f9); border-bottom: 1px solid var(--ds-border, #dfe1e6); }
  header .site { font-weight: 600; margin-right: auto; }
  header a, main a { color: var(--ds-link, #0c66e4); }
  main { padding: 16px 24px; max-width: 1200px; }
  iframe.forge { width: 100%; min-height: 120px; border: 0; display: block; background: transparent; }
  .panel { border: 1px solid var(--ds-border, #dfe1e6); border-radius: 4px; padding: 8px; margin-top: 16px; }
  .notice { padding: 12px; border-radius: 4px; background: var(--ds-background-warning, #fff7d6); }
  dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
`;

/** Sizes iframes to their content and leaves the gadget's edit mode once the app submits its config. */
const HOST_SCRIPT = `
  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || !event.data) return;
    var frame = document.querySelector('iframe[data-local-id="' + event.data.localId + '"]');
    if (!frame) return;
    if (event.data.type === 'metascrum-preview:height') frame.style.height = event.data.height + 'px';
    if (event.data.type === 'metascrum-preview:submitted') location.assign(frame.dataset.afterSubmit || location.pathname);
  });
`;

function userSwitcher(options: ShellOptions): string {
  const choices = options.users
    .map((u) => {
      const selected = u.accountId === options.user.accountId ? ' selected' : '';
      return `<option value="${escapeHtml(u.accountId)}"${selected}>${escapeHtml(u.displayName)}</option>`;
    })
    .join('');
  const other: ColorMode = options.colorMode === 'dark' ? 'light' : 'dark';
  const back = escapeHtml(options.path);
  return `
    <form method="get" action="/__preview/switch" aria-label="Switch user">
      <input type="hidden" name="back" value="${back}">
      <label for="preview-user">Viewing as</label>
      <select id="preview-user" name="user" onchange="this.form.submit()">${choices}</select>
      <noscript><button type="submit">Switch</button></noscript>
    </form>
    <form method="get" action="/__preview/switch" aria-label="Switch theme">
      <input type="hidden" name="back" value="${back}">
      <button type="submit" name="theme" value="${other}">Use ${other} theme</button>
    </form>`;
}

export function renderShell(options: ShellOptions): string {
  return `<!doctype html>
<html lang="en" data-color-mode="${options.colorMode}" data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>${escapeHtml(options.title)} - ${escapeHtml(options.siteName)}</title>
  <link rel="stylesheet" href="/__preview/theme.css">
  <style>${STYLE}</style>
  <script>${HOST_SCRIPT}</script>
</head>
<body>
  <header>
    <a class="site" href="/">${escapeHtml(options.siteName)}</a>
    <nav aria-label="Preview"><a href="/">Home</a> · <a href="/dashboard">Dashboard</a> · <a href="/admin">Settings</a></nav>
    ${userSwitcher(options)}
  </header>
  <main>
    <h1>${escapeHtml(options.title)}</h1>
    ${options.body}
  </main>
</body>
</html>`;
}

export function customUiFrame(frame: Frame, title: string, afterSubmit?: string): string {
  const after = afterSubmit ? ` data-after-submit="${escapeHtml(afterSubmit)}"` : '';
  return `<iframe class="forge" title="${escapeHtml(title)}" data-local-id="${frame.localId}"${after}
    src="/app/index.html?frame=${frame.localId}"></iframe>`;
}
