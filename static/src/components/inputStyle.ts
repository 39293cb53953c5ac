import { token } from '@atlaskit/tokens';

/** The plain text input's look, shared by the admin form and the owner picker (Atlaskit's field tokens). */
export const inputStyle = {
  height: 32,
  padding: `0 ${token('space.100')}`,
  borderRadius: token('radius.small'),
  border: `1px solid ${token('color.border.input')}`,
  background: token('color.background.input'),
  color: token('color.text'),
  font: 'inherit',
  boxSizing: 'border-box' as const,
};
