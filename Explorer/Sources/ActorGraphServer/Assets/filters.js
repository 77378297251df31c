// The legend (#legend) doubles as the category, kind and status filter; the filter panel (#filters) adds relation
// types and the minimum grade. An empty list in the state means "all".

import { el, clear, typeLabel } from './dom.js';

const STATUSES = ['reported', 'claimed', 'denied'];
const RELIABILITY = ['A', 'B', 'C', 'D', 'E'];
const CREDIBILITY = ['1', '2', '3', '4', '5'];

/** `ctx.onChange(patch)` receives a partial state, e.g. `{categories: [...]}`. */
export function createFilters(legendRoot, filterRoot, ctx) {
    let graph = null;

    function checklist(key, values, selected, render, { name }) {
        const all = selected.length === 0;
        const inputs = [];
        const items = values.map((value) => {
            const input = el('input', { type: 'checkbox', 'data-filter': key, value, checked: all || selected.includes(value) });
            inputs.push(input);
            input.addEventListener('change', () => {
                const on = inputs.filter((i) => i.checked).map((i) => i.value);
                ctx.onChange({ [key]: on.length === values.length ? [] : on });
            });
            return el('li', {}, el('label', { class: 'check' }, input, render(value)));
        });
        const only = (value) => ctx.onChange({ [key]: [value] });
        for (const [i, item] of items.entries()) {
            item.append(el('button', { type: 'button', class: 'only-btn', title: `Only ${values[i]}`, text: 'only',
                on: { click: () => only(values[i]) } }));
        }
        return el('section', { class: 'filter-group', 'data-group': key },
            el('div', { class: 'group-head' }, el('h3', { text: name }),
                all ? null : el('button', { type: 'button', class: 'linklike', text: 'all', on: { click: () => ctx.onChange({ [key]: [] }) } })),
            el('ul', { class: 'checklist' }, items));
    }

    function render(state) {
        if (!graph) return;
        const categories = graph.categories ?? [];
        const kinds = graph.kinds ?? [];
        clear(legendRoot).append(
            checklist('categories', categories, state.categories, (c) => el('span', { class: 'legend-item' },
                el('span', { class: `line-swatch category-${c}`, 'aria-hidden': 'true' }), c), { name: 'Relation categories' }),
            checklist('kinds', kinds, state.kinds, (k) => el('span', { class: 'legend-item' },
                el('span', { class: `kind-swatch kind-${k}`, 'aria-hidden': 'true' }), k), { name: 'Actor kinds' }),
            checklist('status', STATUSES, state.status, (s) => el('span', { class: 'legend-item' },
                el('span', { class: `status-swatch status-${s}`, 'aria-hidden': 'true' }), s), { name: 'Status' }),
            el('div', { class: 'legend-note' },
                el('span', { class: 'line-swatch possibly', 'aria-hidden': 'true' }), 'dashed, faded: possibly active',
                el('br'), el('span', { class: 'line-swatch bundle', 'aria-hidden': 'true' }), 'thick: several relations'));

        const types = (graph.types ?? []).filter((t) => state.categories.length === 0 || state.categories.includes(t.category));
        const grade = el('select', { id: 'min-grade', 'data-filter': 'minGrade' },
            el('option', { value: '', text: 'any (ungraded kept)' }),
            RELIABILITY.flatMap((r) => CREDIBILITY.map((c) => el('option', { value: `${r}${c}`, text: `${r}${c} or better`, selected: state.minGrade === `${r}${c}` }))));
        grade.addEventListener('change', () => ctx.onChange({ minGrade: grade.value }));
        const typeBox = el('details', { class: 'types', open: state.types.length > 0 },
            el('summary', { text: `Relation types${state.types.length ? ` (${state.types.length} chosen)` : ''}` }),
            checklist('types', types.map((t) => t.name), state.types.filter((t) => types.some((x) => x.name === t)),
                (name) => {
                    const type = types.find((t) => t.name === name);
                    return el('span', { class: 'legend-item' }, el('span', { class: `swatch category-${type.category}`, 'aria-hidden': 'true' }),
                        type.label || typeLabel(name));
                }, { name: 'Types' }));
        clear(filterRoot).append(el('section', { class: 'filter-group' },
            el('div', { class: 'group-head' }, el('h3', {}, el('label', { for: 'min-grade', text: 'Minimum grade' }))), grade), typeBox);
    }

    return {
        setGraph(info) { graph = info; },
        render,
    };
}
