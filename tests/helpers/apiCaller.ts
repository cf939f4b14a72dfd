/** `fetch` of `/api<path>` on a running server, with an optional Bearer token and a JSON body. */
export const createApiCaller =
  (serverUrl: () => string) =>
  (path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Response> => {
    const { token, json, headers, ...rest } = init
    return fetch(`${serverUrl()}/api${path}`, {
      ...rest,
      headers: {
        ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(headers as Record<string, string> | undefined),
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    })
  }
