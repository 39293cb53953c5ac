/** Small form building blocks with design tokens (plain inputs keep the admin chunk light). */
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { inputStyle } from '../../components/inputStyle';

export { inputStyle };

/** A label above its control. */
export const fieldStyle = { display: 'grid', gap: token('space.050'), alignContent: 'start' } as const;

export function Part({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.medium'),
        padding: token('space.200'),
        margin: 0,
        display: 'grid',
        gap: token('space.150'),
      }}
    >
      <legend style={{ padding: `0 ${token('space.050')}` }}>
        <Heading size="xsmall" as="h2">
          {title}
        </Heading>
      </legend>
      {hint && <p style={{ margin: 0, color: token('color.text.subtle') }}>{hint}</p>}
      {children}
    </fieldset>
  );
}

export function NumberField({
  id,
  label,
  value,
  onChange,
  step = 1,
}: {
  id: string;
  label: string;
  value: number | null;
  onChange: (n: number) => void;
  step?: number;
}) {
  return (
    <div style={fieldStyle}>
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        type="number"
        step={step}
        style={{ ...inputStyle, width: '8rem' }}
        value={value === null || Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.currentTarget.valueAsNumber)}
      />
    </div>
  );
}
