// Type-ahead actor search over /api/search: arrow keys move, Enter chooses, Escape closes.

import { api } from './api.js';
import { el, clear } from './dom.js';

let nextListId = 0;

/** One result row: kind marker, name, the alias that matched (when not the name), kind. */
function resultItem(id, result) {
    return el('li', { id, role: 'option', class: 'result', 'data-id': result.id, 'aria-selected': 'false' },
        el('span', { class: `kind-dot kind-${result.kind}`, 'aria-hidden': 'true' }),
        el('span', { class: 'result-name', text: result.name }),
        result.matched && result.matched !== result.name ? el('span', { class: 'result-alias', text: result.matched }) : null,
        el('span', { class: 'result-kind', text: result.kind }));
}

/**
 * Attaches a type-ahead list to `input`; `onChoose({id, name, kind})` runs when the user picks a result.
 * The chosen id is kept in `input.dataset.id` until the text changes.
 */
export function attachTypeahead(input, onChoose, { limit = 12 } = {}) {
    let list = input.getAttribute('aria-controls') ? document.getElementById(input.getAttribute('aria-controls')) : null;
    if (!list) {
        list = el('ul', { id: `typeahead-${nextListId++}`, role: 'listbox', class: 'typeahead', hidden: true });
        input.after(list);
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-controls', list.id);
        input.setAttribute('aria-expanded', 'false');
    }
    list.classList.add('typeahead');
    let results = [];
    let active = -1;
    let controller = null;
    let timer = null;

    const close = () => {
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
        active = -1;
    };
    const highlight = (index) => {
        active = index;
        for (const [i, item] of Array.from(list.children).entries()) {
            const on = i === index;
            item.classList.toggle('active', on);
            item.setAttribute('aria-selected', on ? 'true' : 'false');
            if (on) {
                input.setAttribute('aria-activedescendant', item.id);
                item.scrollIntoView({ block: 'nearest' });
            }
        }
    };
    const choose = (index) => {
        const result = results[index];
        if (!result) return;
        input.value = result.name;
        input.dataset.id = result.id;
        close();
        onChoose(result);
    };
    const render = (query, found) => {
        results = found;
        clear(list);
        if (!found.length) {
            list.append(el('li', { class: 'empty', role: 'presentation', text: `No actor matches “${query}”` }));
        }
        for (const [i, result] of found.entries()) {
            const item = resultItem(`${list.id}-${i}`, result);
            item.addEventListener('mousedown', (event) => { event.preventDefault(); choose(i); });
            item.addEventListener('mousemove', () => { if (active !== i) highlight(i); });
            list.append(item);
        }
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        highlight(found.length ? 0 : -1);
    };
    const lookup = async () => {
        const query = input.value.trim();
        if (!query) { close(); return; }
        if (controller) controller.abort();
        controller = new AbortController();
        try {
            const answer = await api.search(query, limit, { signal: controller.signal });
            if (input.value.trim() === query) render(query, answer.results ?? []);
        } catch (error) {
            if (error.name === 'AbortError') return;
            clear(list).append(el('li', { class: 'empty error', text: error.message }));
            list.hidden = false;
        }
    };

    input.addEventListener('input', () => {
        delete input.dataset.id;
        clearTimeout(timer);
        timer = setTimeout(lookup, 120);
    });
    input.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (list.hidden) { lookup(); return; }
            if (!results.length) return;
            const step = event.key === 'ArrowDown' ? 1 : -1;
            highlight((active + step + results.length) % results.length);
        } else if (event.key === 'Enter') {
            if (!list.hidden && active >= 0) { event.preventDefault(); choose(active); }
        } else if (event.key === 'Escape') {
            close();
        }
    });
    input.addEventListener('blur', () => setTimeout(close, 100));
    input.addEventListener('focus', () => { if (input.value.trim() && !input.dataset.id) lookup(); });

    /** Resolves the input's text to an actor: the chosen one, else the best search match. */
    return async function resolve() {
        if (input.dataset.id) return { id: input.dataset.id, name: input.value };
        const query = input.value.trim();
        if (!query) return null;
        const answer = await api.search(query, 1);
        return answer.results && answer.results.length ? answer.results[0] : null;
    };
}
