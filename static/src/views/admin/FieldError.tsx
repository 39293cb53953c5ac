import { ErrorMessage } from '@atlaskit/form';
import { problemAt, type Problems } from './configDraft';

/** The resolver's message for one field path, next to the field. */
export function FieldError({ problems, path }: { problems: Problems; path: string }) {
  const message = problemAt(problems, path);
  return message ? <ErrorMessage testId={`error-${path}`}>{message}</ErrorMessage> : null;
}
