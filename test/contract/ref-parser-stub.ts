/**
 * openapi-backend requires @apidevtools/json-schema-ref-parser, which is ESM-only; jest's CommonJS
 * runtime cannot load it (plain Node >= 20.19 can). The judge runs openapi-backend in quick mode with an
 * object definition, which dereferences synchronously and never calls the ref parser, so under jest a
 * stub stands in for it. Import this module before openapi-backend.
 */
if (typeof jest !== 'undefined') {
  jest.mock('@apidevtools/json-schema-ref-parser', () => {
    const unused = () => {
      throw new Error('the OpenAPI judge never resolves external $refs');
    };
    // quick mode still calls parse() (unawaited) to keep a copy of the input document
    const parse = (doc: unknown) => Promise.resolve(doc);
    const parser = { dereference: unused, resolve: unused, parse };
    return { __esModule: true, default: parser, ...parser };
  });
}
export {};
