/**
 * A section message (information, warning, error, success) drawn with design tokens. Atlaskit's
 * SectionMessage would do the same, but it imports its dismiss IconButton and with it Tooltip, Popper
 * and the top layer (~45 KB gzip in every view); none of that is needed for a static message.
 */
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

export type NoticeAppearance = 'information' | 'warning' | 'error' | 'success';

const LOOK = {
  information: { background: 'color.background.information', icon: 'color.icon.information', glyph: 'i' },
  warning: { background: 'color.background.warning', icon: 'color.icon.warning', glyph: '!' },
  error: { background: 'color.background.danger', icon: 'color.icon.danger', glyph: '!' },
  success: { background: 'color.background.success', icon: 'color.icon.success', glyph: '✓' },
} as const;

export function Notice({
  appearance = 'information',
  title,
  children,
  actions,
}: {
  appearance?: NoticeAppearance;
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const look = LOOK[appearance];
  return (
    <section
      role={appearance === 'error' ? 'alert' : 'status'}
      aria-label={title}
      style={{
        display: 'flex',
        gap: token('space.200'),
        padding: token('space.200'),
        borderRadius: token('radius.small'),
        background: token(look.background),
        color: token('color.text'),
      }}
    >
      <span
        aria-hidden="true"
        style={{
          flex: '0 0 auto',
          width: 20,
          height: 20,
          borderRadius: '50%',
          background: token(look.icon),
          color: token('color.text.inverse'),
          display: 'grid',
          placeItems: 'center',
          fontSize: 12,
          fontWeight: 700,
        }}
      >
        {look.glyph}
      </span>
      <div style={{ display: 'grid', gap: token('space.100'), minWidth: 0 }}>
        {title && <strong style={{ font: token('font.heading.xsmall') }}>{title}</strong>}
        {children && <div style={{ display: 'grid', gap: token('space.050') }}>{children}</div>}
        {actions && <div style={{ display: 'flex', gap: token('space.150') }}>{actions}</div>}
      </div>
    </section>
  );
}

/** An action under a notice: a link-styled button. */
export function NoticeAction({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      style={{
        background: 'none',
        border: 0,
        padding: 0,
        color: token('color.link'),
        font: 'inherit',
        fontWeight: 500,
        cursor: 'pointer',
      }}
    >
      {children}
    </button>
  );
}
