// The server's JSON API (docs/EXPLORER.md): one fetch wrapper that turns every failure into an Error whose
// message a person can act on.

/** An API failure: `message` from the server's `{"error": {...}}` body when it sent one. */
export class APIError extends Error {
    constructor(message, { status = 0, parameter = null } = {}) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }
}

async function request(path, params, { signal, as = 'json' } = {}) {
    const query = params && String(params) ? `?${params}` : '';
    let response;
    try {
        response = await fetch(`${path}${query}`, { signal, headers: { Accept: as === 'json' ? 'application/json' : '*/*' } });
    } catch (error) {
        if (error.name === 'AbortError') throw error;
        throw new APIError('The explorer server does not answer. Is `actorgraph serve` still running?');
    }
    if (!response.ok) {
        let message = `${path} failed: HTTP ${response.status}`;
        let parameter = null;
        try {
            const body = await response.json();
            if (body && body.error && body.error.message) {
                message = String(body.error.message);
                parameter = body.error.parameter ?? null;
            }
        } catch { /* not JSON: keep the status line */ }
        throw new APIError(message, { status: response.status, parameter });
    }
    return as === 'json' ? response.json() : response.text();
}

const enc = encodeURIComponent;

export const api = {
    graph: (opts) => request('/api/graph', null, opts),
    search: (q, limit, opts) => request('/api/search', new URLSearchParams({ q, limit: String(limit) }), opts),
    actor: (id, opts) => request(`/api/actor/${enc(id)}`, null, opts),
    relation: (id, opts) => request(`/api/relation/${enc(id)}`, null, opts),
    view: (params, opts) => request('/api/view', params, opts),
    chart: (params, opts) => request('/api/chart.svg', params, { ...opts, as: 'text' }),
    histogram: (params, opts) => request('/api/histogram', params, opts),
    path: (params, opts) => request('/api/path', params, opts),
    exportURL: (format, params) => {
        const query = new URLSearchParams(params);
        query.set('format', format);
        return `/api/export?${query}`;
    },
};
