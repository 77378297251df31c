// The path finder: two actors, a kind of path, and the answer as numbered hops, each relation openable.

import { el, clear, dateCell, typeLabel } from './dom.js';
import { attachTypeahead } from './search.js';

/** `ctx.onFind({from, to, mode, k})`, `ctx.onClear()`, `ctx.onRelation(id)`, `ctx.onHover(hops|null)`, `ctx.name(id)`. */
export function createPathPanel(ctx) {
    const panel = document.getElementById('path-panel');
    const form = document.getElementById('path-form');
    const fromInput = document.getElementById('path-from');
    const toInput = document.getElementById('path-to');
    const mode = document.getElementById('path-mode');
    const k = document.getElementById('path-k');
    const kLabel = document.getElementById('path-k-label');
    const result = document.getElementById('path-result');
    const resolveFrom = attachTypeahead(fromInput, () => {});
    const resolveTo = attachTypeahead(toInput, () => {});

    const syncK = () => { kLabel.hidden = mode.value !== 'k'; };
    mode.addEventListener('change', syncK);
    syncK();

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const [from, to] = await Promise.all([resolveFrom(), resolveTo()]);
        if (!from || !to) {
            clear(result).append(el('p', { class: 'error', text: `No actor matches “${(from ? toInput : fromInput).value}”.` }));
            return;
        }
        ctx.onFind({ from: from.id, to: to.id, mode: mode.value, k: Math.min(Math.max(Number(k.value) || 3, 1), 10) });
    });
    document.getElementById('path-clear').addEventListener('click', () => ctx.onClear());

    /** Groups a path's relations by hop: [[relation, ...], ...]. */
    function hopsOf(path) {
        const hops = [];
        for (const relation of path.relations ?? []) {
            const hop = Number.isInteger(relation.hop) ? relation.hop : hops.length;
            (hops[hop] ??= []).push(relation);
        }
        return hops.filter(Boolean);
    }

    function hopItem(hop, index, fromId) {
        const first = hop[0];
        const forward = first.from === fromId || !fromId;
        const a = forward ? first.from : first.to;
        const b = forward ? first.to : first.from;
        return el('li', { class: 'hop', 'data-hop': index + 1 },
            el('span', { class: 'hop-no', text: index + 1 }),
            el('div', { class: 'hop-body' },
                el('div', { class: 'hop-ends' }, `${ctx.name(a)} → ${ctx.name(b)}`),
                el('ul', { class: 'hop-relations' }, hop.map((relation) => el('li', {},
                    el('button', { type: 'button', class: 'row-open', 'data-relation': relation.id, on: { click: () => ctx.onRelation(relation.id) } },
                        el('span', { class: `swatch category-${relation.category}`, 'aria-hidden': 'true' }),
                        el('span', { class: 'row-type', text: typeLabel(relation.type) }),
                        dateCell(relation.date)))))));
    }

    return {
        /** Shows or hides the panel. */
        toggle(show = panel.hidden) { panel.hidden = !show; return !panel.hidden; },
        /** Fills the ends from a state (e.g. after back/forward) and shows the answer (or clears it). */
        update(state, answer) {
            if (state.path.length === 2) {
                panel.hidden = false;
                for (const [input, id] of [[fromInput, state.path[0]], [toInput, state.path[1]]]) {
                    if (input.dataset.id !== id) { input.value = ctx.name(id); input.dataset.id = id; }
                }
                mode.value = state.pathMode;
                k.value = String(state.k);
                syncK();
            }
            clear(result);
            if (!answer) return [];
            const paths = answer.paths ?? [];
            if (!paths.length) {
                result.append(el('p', { class: 'error', text: answer.reason || 'No path with these filters.' }));
                return [];
            }
            for (const [i, path] of paths.entries()) {
                const hops = hopsOf(path);
                const ids = hops.map((hop) => hop.map((r) => r.id));
                const timing = path.departure || path.arrival
                    ? ` · leaves ${path.departure ?? '?'}, arrives ${path.arrival ?? '?'}${path.time_respecting ? ` (${path.time_respecting})` : ''}` : '';
                const block = el('section', { class: 'path-block', 'data-path': i + 1 },
                    el('h3', { text: `${paths.length > 1 ? `Path ${i + 1} · ` : ''}${hops.length} hop${hops.length === 1 ? '' : 's'}${timing}` }),
                    el('ol', { class: 'hops' }, hops.map((hop, h) => hopItem(hop, h, path.actors ? path.actors[h] : null))));
                block.addEventListener('mouseenter', () => ctx.onHover(ids));
                block.addEventListener('mouseleave', () => ctx.onHover(null));
                result.append(block);
            }
            if (answer.truncated) result.append(el('p', { class: 'muted', text: 'More paths exist than are listed.' }));
            return hopsOf(paths[0]).map((hop) => hop.map((r) => r.id));
        },
        /** Sets one end from an actor card. */
        setEnd(which, actor) {
            const input = which === 'from' ? fromInput : toInput;
            input.value = actor.name;
            input.dataset.id = actor.id;
            panel.hidden = false;
            (which === 'from' ? toInput : fromInput).focus();
        },
    };
}
