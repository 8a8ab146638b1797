type Schema = unknown;
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };

export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, Response>;
  security?: unknown[];
};

const METHOD_COLOUR: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  post: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  patch: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  put: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  delete: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
};

function SchemaBlock({ schema }: { schema: Schema }) {
  return (
    <pre className="max-h-80 overflow-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-900">
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

export function OperationCard(props: {
  method: string;
  path: string;
  operation: Operation;
  basePath: string;
}) {
  const { method, path, operation, basePath } = props;
  const body = operation.requestBody?.content?.['application/json']?.schema;
  return (
    <article
      id={operation.operationId}
      className="space-y-3 rounded-lg border border-slate-200 p-5 dark:border-slate-800"
    >
      <h3 className="flex flex-wrap items-center gap-3 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 font-bold uppercase ${METHOD_COLOUR[method] ?? ''}`}>
          {method}
        </span>
        <span>
          {basePath}
          {path}
        </span>
      </h3>
      {operation.summary && <p className="font-medium">{operation.summary}</p>}
      {operation.description && (
        <p className="text-sm text-slate-600 dark:text-slate-400">{operation.description}</p>
      )}
      {operation.parameters && operation.parameters.length > 0 && (
        <section>
          <h4 className="text-sm font-semibold">Parameters</h4>
          <ul className="list-inside list-disc text-sm">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}:${parameter.name}`}>
                <code>{parameter.name}</code> ({parameter.in}
                {parameter.required ? ', required' : ''})
              </li>
            ))}
          </ul>
        </section>
      )}
      {body !== undefined && (
        <details>
          <summary className="cursor-pointer text-sm font-semibold">Request body</summary>
          <SchemaBlock schema={body} />
        </details>
      )}
      <section>
        <h4 className="text-sm font-semibold">Responses</h4>
        <ul className="space-y-1 text-sm">
          {Object.entries(operation.responses ?? {}).map(([status, response]) => (
            <li key={status}>
              <details>
                <summary className="cursor-pointer">
                  <code>{status}</code> {response.description}
                </summary>
                <SchemaBlock schema={response.content?.['application/json']?.schema ?? null} />
              </details>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
