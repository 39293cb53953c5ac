/** `npm start`: builds the UI (package.json), then serves the preview until Ctrl+C. */
import { startPreview } from './index';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const preview = await startPreview({ port });
  console.log(`MetaScrum preview (${preview.target.siteName}) at ${preview.url}`);
  const stop = () => {
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
