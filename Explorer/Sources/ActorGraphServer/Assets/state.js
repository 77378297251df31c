// The view state: one plain object, written to and read from the page URL with the same parameter names the
// server's view endpoints take (docs/EXPLORER.md), so a page URL's query is the chart request's query.

const LISTS = ['focus', 'hide', 'only', 'categories', 'types', 'kinds', 'status'];

/** The empty view: the whole graph, no filters, no time window. */
export function defaultState() {
    return {
        focus: [], depth: 1, hide: [], only: [],
        at: '', from: '', to: '', possibly: false, undated: true,
        categories: [], types: [], kinds: [], status: [], minGrade: '',
        bundle: 'pair', labels: 'auto',
        path: [], pathMode: 'shortest', k: 3,
        sel: '',
    };
}

function list(value) {
    return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Reads a state from a query string (unknown or malformed values fall back to the defaults). */
export function parseState(search) {
    const params = new URLSearchParams(search);
    const state = defaultState();
    for (const key of LISTS) state[key] = list(params.get(key));
    const depth = Number.parseInt(params.get('depth') ?? '', 10);
    if (depth >= 1 && depth <= 6) state.depth = depth;
    for (const key of ['at', 'from', 'to', 'minGrade', 'sel']) state[key] = params.get(key) ?? '';
    state.possibly = params.get('possibly') === '1';
    state.undated = params.get('undated') !== '0';
    state.labels = params.get('labels') === '1' ? true : params.get('labels') === '0' ? false : 'auto';
    if (['pair', 'type', 'none'].includes(params.get('bundle'))) state.bundle = params.get('bundle');
    const path = list(params.get('path'));
    if (path.length === 2) state.path = path;
    if (['shortest', 'k', 'earliest', 'latest', 'fastest'].includes(params.get('pathMode'))) {
        state.pathMode = params.get('pathMode');
    }
    const k = Number.parseInt(params.get('k') ?? '', 10);
    if (k >= 1 && k <= 10) state.k = k;
    return state;
}

/**
 * The server's view parameters for a state, in a fixed order, defaults left out (so equal views have equal
 * URLs). `forPage` adds what only the page uses (the selection).
 */
export function viewParams(state, { forPage = false } = {}) {
    const params = new URLSearchParams();
    const put = (key, value) => { if (value !== '' && value !== null && value !== undefined) params.set(key, value); };
    if (state.path.length === 2) {
        put('path', state.path.join(','));
        put('pathMode', state.pathMode);
        if (state.pathMode === 'k') put('k', String(state.k));
    } else {
        put('focus', state.focus.join(','));
        if (state.focus.length && state.depth !== 1) put('depth', String(state.depth));
    }
    put('hide', state.hide.join(','));
    put('only', state.only.join(','));
    if (state.at) put('at', state.at);
    else { put('from', state.from); put('to', state.to); }
    if (state.possibly) put('possibly', '1');
    if (!state.undated) put('undated', '0');
    put('categories', state.categories.join(','));
    put('types', state.types.join(','));
    put('kinds', state.kinds.join(','));
    put('status', state.status.join(','));
    put('minGrade', state.minGrade);
    if (state.bundle !== 'pair') put('bundle', state.bundle);
    if (forPage ? state.labels !== 'auto' : !labelsShown(state)) put('labels', state.labels === true ? '1' : '0');
    if (forPage) put('sel', state.sel);
    return params;
}

/** The histogram's parameters: the view without its time condition, so the bar shows all the view's dates. */
export function histogramParams(state) {
    const params = viewParams(state);
    for (const key of ['at', 'from', 'to', 'labels', 'bundle']) params.delete(key);
    return params;
}

/** A deep copy, so a change never leaks into the state a history entry holds. */
export function copyState(state) {
    return structuredClone(state);
}

/** Whether link labels are drawn: `auto` draws them for a focus or a path, not for the whole graph. */
export function labelsShown(state) {
    return state.labels === 'auto' ? state.focus.length > 0 || state.path.length === 2 : state.labels;
}

/** Whether any time condition is set. */
export function hasTime(state) {
    return Boolean(state.at || state.from || state.to);
}
