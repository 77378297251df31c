// The export menu: the chart (SVG, PNG, PDF) and the visible subgraph (CSV, GEXF, GraphML) from /api/export with
// the current view's parameters, and the `actorgraph` command line that reproduces the view.

import { api } from './api.js';
import { el, clear, toast } from './dom.js';

const CHART = [['svg', 'SVG', 'vector, for reports'], ['png', 'PNG', 'image'], ['pdf', 'PDF', 'print']];
const DATA = [['csv', 'CSV', 'relations on screen'], ['gexf', 'GEXF', 'Gephi'], ['graphml', 'GraphML', 'yEd, networkx']];

export function createExport(button, panel) {
    let params = new URLSearchParams();
    let command = '';

    const close = () => { panel.hidden = true; button.setAttribute('aria-expanded', 'false'); };
    button.addEventListener('click', () => {
        const open = panel.hidden;
        panel.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        if (open) render();
    });
    document.addEventListener('pointerdown', (event) => {
        if (!panel.hidden && !panel.contains(event.target) && event.target !== button) close();
    });
    document.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });

    function item([format, name, hint]) {
        return el('a', { class: 'menu-item', href: api.exportURL(format, params), download: '', 'data-format': format },
            el('span', { class: 'menu-name', text: name }), el('span', { class: 'menu-hint', text: hint }));
    }

    function render() {
        const commandBox = el('textarea', { id: 'export-command', readonly: true, rows: 3, spellcheck: 'false', 'aria-label': 'Equivalent command line' });
        commandBox.value = command || '(the server gave no command for this view)';
        clear(panel).append(
            el('div', { class: 'menu-section', text: 'Chart as drawn' }), ...CHART.map(item),
            el('div', { class: 'menu-section', text: 'Subgraph on screen' }), ...DATA.map(item),
            el('div', { class: 'menu-section', text: 'Same view from the command line' }), commandBox,
            el('button', { type: 'button', class: 'tool', text: 'Copy command', on: { click: () => copyText(command, 'Command copied') } }));
    }

    return {
        update(nextParams, nextCommand) {
            params = nextParams;
            command = nextCommand ?? '';
            if (!panel.hidden) render();
        },
    };
}

/** Copies text to the clipboard, falling back to a selected text field when the Clipboard API is refused. */
export async function copyText(text, done = 'Copied') {
    try {
        await navigator.clipboard.writeText(text);
        toast(done);
    } catch {
        const field = el('textarea', { class: 'offscreen' });
        field.value = text;
        document.body.append(field);
        field.select();
        const ok = document.execCommand && document.execCommand('copy');
        field.remove();
        toast(ok ? done : `Copy this: ${text}`, !ok);
    }
}
