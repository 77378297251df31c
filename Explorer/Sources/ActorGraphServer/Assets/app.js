// The explorer page: one view state (state.js) kept in the URL; every change pushes a history entry and redraws
// from the server. `window.actorgraphReady` is false while a view loads and true once it has settled.

import { api } from './api.js';
import { createChart } from './chart.js';
import { el, clear, toast } from './dom.js';
import { createEvidence } from './evidence.js';
import { createExport, copyText } from './export.js';
import { createFilters } from './filters.js';
import { createPathPanel } from './pathfind.js';
import { attachTypeahead } from './search.js';
import { copyState, defaultState, histogramParams, labelsShown, parseState, viewParams } from './state.js';
import { createTimebar } from './timebar.js';

window.actorgraphReady = false;

const $ = (id) => document.getElementById(id);
const names = new Map();
let state = parseState(location.search);
let graphInfo = null;
let view = { actors: [], links: [] };
let loadSeq = 0;
let selSeq = 0;
let waiters = [];
let picked = new Set();
let pathHops = [];
let centreNext = false;

const name = (id) => names.get(id) ?? id;
const remember = (actors) => { for (const a of actors ?? []) if (a && a.id && a.name) names.set(a.id, a.name); };

function settled() {
    return window.actorgraphReady ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
}

let pending = 0;

/** Runs a load; the page is ready again when every load started so far has finished. */
async function track(work) {
    pending += 1;
    setReady(false);
    try {
        return await work();
    } finally {
        pending -= 1;
        if (pending === 0) setReady(true);
    }
}

function setReady(ready) {
    window.actorgraphReady = ready;
    document.body.dataset.ready = String(ready);
    $('busy').hidden = ready;
    if (ready && window.actorgraphReadyAt === undefined) window.actorgraphReadyAt = Math.round(performance.now());
    if (ready) { const w = waiters; waiters = []; for (const resolve of w) resolve(); }
}

const chart = createChart($('chart'), {
    onActor: (id, event) => selectActor(id, { add: event.shiftKey || event.ctrlKey || event.metaKey }),
    onActorDouble: (id) => expand(id),
    onLink: (link) => commit({ sel: `link:${link.id}` }),
    onBackground: () => { picked.clear(); commit({ sel: '' }); },
    onViewport: showViewport,
});

/** Says when only part of the chart is in view (a large drawing opens at a readable size), with "Fit all". */
function showViewport({ whole, inView, total }) {
    const note = $('chart-partial');
    note.hidden = whole || total === 0;
    if (note.hidden) return;
    $('chart-partial-text').textContent = `${inView} of ${total} actors in view · drag to pan, scroll to zoom`;
}

const evidence = createEvidence($('evidence'), {
    name,
    known: (id) => names.has(id),
    onActor: (id) => selectActor(id),
    onRelation: (id) => commit({ sel: `relation:${id}` }),
    onExpand: (id) => expand(id),
    onUnbundle: () => commit({ bundle: 'none', sel: '' }),
    onHide: (id) => hide(id),
    onPathEnd: (which, actor) => paths.setEnd(which, actor),
});

const filters = createFilters($('legend'), $('filters'), { onChange: (patch) => commit(patch) });

const timebar = createTimebar($('timebar'), {
    onChange: (time) => commit({ at: time.at ?? '', from: time.from ?? '', to: time.to ?? '' }),
    onToggle: (key, value) => commit({ [key]: value }),
    settled,
});

const paths = createPathPanel({
    name,
    onFind: ({ from, to, mode, k }) => commit({ path: [from, to], pathMode: mode, k, sel: '' }),
    onClear: () => commit({ path: [] }),
    onRelation: (id) => commit({ sel: `relation:${id}` }),
    onHover: (hops) => chart.markHops(hops ?? pathHops),
});

const exporter = createExport($('btn-export'), $('export-menu'));

// ---- State changes -----------------------------------------------------------------------------------------------

/** Applies a change, records it in the URL and history, and redraws what it affects. */
function commit(patch, { push = true } = {}) {
    const next = { ...copyState(state), ...patch };
    const onlySelection = Object.keys(patch).every((key) => key === 'sel');
    state = next;
    const url = `${location.pathname}${String(viewParams(state, { forPage: true })) ? `?${viewParams(state, { forPage: true })}` : ''}`;
    if (push && url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    else if (!push) history.replaceState(null, '', url);
    return track(onlySelection ? showSelection : loadView);
}

window.addEventListener('popstate', () => {
    state = parseState(location.search);
    track(loadView);
});

function selectActor(id, { add = false } = {}) {
    if (add) {
        if (picked.has(id)) picked.delete(id); else picked.add(id);
    } else {
        picked = new Set([id]);
    }
    return commit({ sel: `actor:${id}` });
}

/** Adds an actor's neighbours (state.depth steps) to the view. */
async function expand(id) {
    if (state.path.length) {
        return commit({ path: [], focus: [...new Set([...state.path, id])], sel: `actor:${id}` });
    }
    const patch = { focus: state.focus.includes(id) ? state.focus : [...state.focus, id], sel: `actor:${id}` };
    if (!state.focus.length) patch.focus = [id];
    if (state.only.length) {
        // "Keep only" restricts the view; an expansion widens that restriction by the new neighbours.
        const params = viewParams({ ...copyState(state), focus: [id], only: [] });
        try {
            const around = await api.view(params);
            patch.only = [...new Set([...state.only, id, ...around.actors.map((a) => a.id)])];
        } catch (error) { toast(error.message, true); }
    }
    return commit(patch);
}

function hide(id) {
    const sel = state.sel === `actor:${id}` ? '' : state.sel;
    picked.delete(id);
    const path = state.path.includes(id) ? [] : state.path;
    return commit({ hide: [...new Set([...state.hide, id])], focus: state.focus.filter((f) => f !== id), only: state.only.filter((o) => o !== id), path, sel });
}

/** Keeps only the picked actors; a single picked actor keeps itself and its neighbours on screen. */
function keepOnly() {
    const ids = [...picked].filter((id) => chart.hasActor(id));
    if (!ids.length) return;
    let keep = ids;
    if (ids.length === 1) {
        const [one] = ids;
        keep = [one, ...view.links.filter((l) => l.source === one || l.target === one).map((l) => (l.source === one ? l.target : l.source))];
    }
    commit({ only: [...new Set(keep)] });
}

/**
 * /api/path's parameters: the view's ends and kind of path, and every filter of the view, its time window
 * (from/to or as-of) included, so the hop list answers the same question as the drawn path.
 */
function pathParams() {
    const all = viewParams(state);
    const query = new URLSearchParams();
    for (const key of ['path', 'pathMode', 'k', 'at', 'from', 'to', 'hide', 'possibly', 'undated', 'categories', 'types', 'kinds', 'status', 'minGrade']) {
        if (all.has(key)) query.set(key, all.get(key));
    }
    return query;
}

// ---- Loading a view ----------------------------------------------------------------------------------------------

async function loadView() {
    const seq = ++loadSeq;
    const params = viewParams(state);
    const pathQuery = state.path.length === 2 ? pathParams() : null;
    const failed = (error) => ({ error });
    // The chart may be refused (too large, a bad parameter) while the rest of the view still answers.
    const [svgText, nextView, histogram, pathAnswer] = await Promise.all([
        api.chart(params).catch(failed), api.view(params).catch(failed), api.histogram(histogramParams(state)).catch(failed),
        pathQuery ? api.path(pathQuery).catch((error) => ({ paths: [], reason: error.message })) : null,
    ]);
    if (seq !== loadSeq) return;
    view = nextView.error ? { actors: [], links: [], notices: [], command: '' } : nextView;
    remember(view.actors);
    const problem = svgText.error ?? nextView.error;
    if (problem) {
        chart.empty(`The chart could not be drawn: ${problem.message}`);
        showNotices(view, problem.message);
    } else {
        try {
            if (view.actors.length) chart.show(svgText, view);
            else chart.empty(emptyMessage());
            showNotices(view);
        } catch (error) {
            chart.empty(`The chart could not be drawn: ${error.message}`);
            showNotices(view, error.message);
        }
    }
    syncControls();
    filters.render(state);
    if (histogram.error) showNotices(view, `The time bar could not be loaded: ${histogram.error.message}`, true);
    else timebar.update(histogram, graphInfo.categories ?? [], state);
    pathHops = paths.update(state, pathAnswer);
    if (pathHops.length) chart.markHops(pathHops);
    exporter.update(params, view.command);
    const focusActor = state.sel.startsWith('actor:') ? state.sel.slice(6) : state.focus[state.focus.length - 1];
    if (focusActor && !state.path.length) chart.centreOn(focusActor, { readable: true });
    centreNext = false;
    await showSelection();
}

function emptyMessage() {
    if (state.path.length) return 'No path to draw with these filters.';
    if (view.notices && view.notices.length) return 'Nothing drawn: see the note above. Search for an actor to start from it.';
    return 'Nothing to draw: no relation matches these filters in this time window.';
}

function showNotices(current, error = null, keep = false) {
    const box = keep ? $('notices') : clear($('notices'));
    const items = keep ? [] : [...(current.notices ?? [])];
    if (current.possiblyOmitted) {
        items.push(`${current.possiblyOmitted} relation${current.possiblyOmitted === 1 ? ' is' : 's are'} only possibly active in this window and not drawn; tick “possibly active” to see them.`);
    }
    for (const text of items) box.append(el('div', { class: 'notice', text }));
    if (!keep && state.only.length) {
        box.append(el('div', { class: 'notice info' }, `Keeping only ${state.only.length} actor${state.only.length === 1 ? '' : 's'}. `,
            el('button', { type: 'button', class: 'linklike', id: 'show-all', text: 'Show all', on: { click: () => commit({ only: [] }) } })));
    }
    if (!keep && state.hide.length) {
        box.append(el('div', { class: 'notice info' }, `Hidden: ${state.hide.map(name).join(', ')}. `,
            el('button', { type: 'button', class: 'linklike', id: 'unhide-all', text: 'Unhide all', on: { click: () => commit({ hide: [] }) } })));
    }
    if (error) box.append(el('div', { class: 'notice error', text: error }));
}

function syncControls() {
    $('depth').value = String(state.depth);
    $('bundle').value = state.bundle;
    $('toggle-labels').setAttribute('aria-pressed', String(labelsShown(state)));
    const actors = view.actors.length;
    $('view-stats').textContent = `${actors} actor${actors === 1 ? '' : 's'} · ${view.links.length} link${view.links.length === 1 ? '' : 's'} on screen`;
}

function selectionInfo() {
    const info = $('selection-info');
    const selected = state.sel.startsWith('actor:') ? state.sel.slice(6) : null;
    const hasActor = Boolean(selected) && chart.hasActor(selected);
    $('btn-expand').disabled = !hasActor;
    $('btn-hide').disabled = !hasActor;
    $('btn-only').disabled = ![...picked].some((id) => chart.hasActor(id));
    if (picked.size > 1) info.textContent = `${picked.size} actors picked: ${[...picked].map(name).join(', ')}`;
    else if (hasActor) info.textContent = `${name(selected)} selected · shift-click to pick more`;
    else info.textContent = state.only.length ? `Keeping only ${state.only.length} actors` : 'Click an actor or a link';
}

/** Opens what `state.sel` names in the evidence panel and marks it on the chart. */
async function showSelection() {
    const seq = ++selSeq;
    const [kind, ...rest] = state.sel.split(':');
    const id = rest.join(':');
    selectionInfo();
    try {
        if (kind === 'actor' && id) {
            if (!picked.has(id)) picked = new Set([id]);
            chart.select('actor', id);
            if (centreNext) chart.centreOn(id, { readable: true });
            centreNext = false;
            const card = await api.actor(id);
            if (seq !== selSeq) return;
            remember([card.actor]);
            evidence.actor(card);
            selectionInfo();
            fillNames(card.relations ?? [], () => seq === selSeq && evidence.actor(card));
        } else if (kind === 'relation' && id) {
            const link = chart.linkOf(id);
            chart.select('link', link ? link.id : null);
            const answer = await api.relation(id);
            if (seq !== selSeq) return;
            evidence.relation(answer);
            fillNames([answer.relation], () => seq === selSeq && evidence.relation(answer));
        } else if (kind === 'link' && id) {
            const link = view.links.find((l) => l.id === id);
            if (!link) { evidence.clear(); return; }
            chart.select('link', id);
            if (link.relations.length === 1) {
                const answer = await api.relation(link.relations[0]);
                if (seq === selSeq) evidence.relation(answer);
                return;
            }
            const relations = await Promise.all(link.relations.slice(0, 60).map((r) => api.relation(r).then((a) => a.relation)));
            if (seq === selSeq) evidence.bundle(link, relations);
        } else {
            chart.select(null);
            evidence.clear();
        }
    } catch (error) {
        if (seq === selSeq) evidence.message(error.message, true);
    }
}

/** Looks up the names of actors a card mentions that are not on screen (a few at most), then re-renders. */
async function fillNames(relations, rerender) {
    const ids = relations.flatMap((r) => [r.from, r.to, /^[a-z0-9][a-z0-9_.-]*$/.test(r.claimed_by ?? '') ? r.claimed_by : null]);
    const missing = [...new Set(ids.filter((id) => id && !names.has(id)))].slice(0, 40);
    if (!missing.length) return;
    await Promise.all(missing.map((id) => api.actor(id).then((card) => remember([card.actor])).catch(() => {})));
    rerender();
}

// ---- Wiring ------------------------------------------------------------------------------------------------------

function wire() {
    attachTypeahead($('search'), (result) => {
        remember([result]);
        picked = new Set([result.id]);
        centreNext = true;
        if (chart.hasActor(result.id) && !state.path.length) commit({ sel: `actor:${result.id}` });
        else commit({ focus: [result.id], path: [], only: [], hide: state.hide.filter((h) => h !== result.id), sel: `actor:${result.id}` });
    });
    $('depth').addEventListener('change', () => commit({ depth: Number($('depth').value) }));
    $('bundle').addEventListener('change', () => commit({ bundle: $('bundle').value }));
    $('toggle-labels').addEventListener('click', () => commit({ labels: !labelsShown(state) }));
    $('btn-path').addEventListener('click', () => { if (paths.toggle()) $('path-from').focus(); });
    $('btn-filters').addEventListener('click', () => {
        const panel = $('filter-panel');
        panel.hidden = !panel.hidden;
        $('btn-filters').setAttribute('aria-pressed', String(!panel.hidden));
    });
    $('btn-back').addEventListener('click', () => history.back());
    $('btn-reset').addEventListener('click', () => { picked.clear(); commit(defaultState()); });
    $('btn-copy').addEventListener('click', () => copyText(location.href, 'Link copied'));
    $('btn-expand').addEventListener('click', () => { const id = state.sel.slice(6); if (id) expand(id); });
    $('btn-hide').addEventListener('click', () => { const id = state.sel.slice(6); if (id) hide(id); });
    $('btn-only').addEventListener('click', keepOnly);
    $('zoom-in').addEventListener('click', () => chart.zoomIn());
    $('zoom-out').addEventListener('click', () => chart.zoomOut());
    $('zoom-fit').addEventListener('click', () => chart.fit());
    $('fit-all').addEventListener('click', () => chart.fit());
    document.addEventListener('keydown', (event) => {
        const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
        if (event.key === '/' && !typing) { event.preventDefault(); $('search').focus(); }
    });
}

async function start() {
    wire();
    evidence.clear();
    try {
        graphInfo = await api.graph();
    } catch (error) {
        chart.empty(`The explorer server could not describe its graph: ${error.message}`);
        return;
    }
    document.title = `${graphInfo.title || 'ActorGraph'} · ActorGraph Explorer`;
    $('graph-stats').textContent = `${graphInfo.actors.toLocaleString('en')} actors · ${graphInfo.relations.toLocaleString('en')} relations`;
    filters.setGraph(graphInfo);
    if (graphInfo.sources && graphInfo.sources.available === false) {
        $('notices').append(el('div', { class: 'notice', text: 'Source texts are not available to this server (start it with --sources DIR): citations show line numbers but no text.' }));
    }
    history.replaceState(null, '', location.href);
    await loadView();
}

track(start);
