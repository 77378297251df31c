// DOM helpers: every string from the server goes in as text, never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Builds an HTML element; `props` sets attributes (class, data-*, …) and children are nodes or text. */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'text') node.textContent = String(value);
        else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
        else node.setAttribute(key, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
}

/** Builds an SVG element with attributes. */
export function svgEl(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs)) {
        if (value === null || value === undefined) continue;
        if (key === 'text') node.textContent = String(value);
        else node.setAttribute(key, String(value));
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Removes every child of a node. */
export function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
}

/** A URL attribute value that could run code (javascript:, data: other than images, vbscript:). */
function isDangerousURL(value) {
    // Strip what browsers ignore inside a scheme (controls, whitespace) before comparing.
    const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
    return /^(javascript|vbscript|data):/.test(compact) && !/^data:image\/(png|gif|jpeg|webp);/.test(compact);
}

const DROPPED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'style', 'link', 'meta',
    'handler', 'listener', 'set', 'animate', 'animatetransform', 'animatemotion']);

/**
 * Parses SVG text from the server and returns an inert `<svg>` element for this document: no script,
 * no foreignObject or animation elements, no event-handler attributes, no `style` attributes (the CSP
 * forbids them), no script URLs; Graphviz's `<title>` pop-ups (its internal node names) are dropped.
 */
export function sanitizeSVG(text) {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS || doc.getElementsByTagName('parsererror').length) {
        throw new Error('the server sent a chart that is not well-formed SVG');
    }
    const doomed = [];
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION
        | NodeFilter.SHOW_COMMENT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType !== Node.ELEMENT_NODE) { doomed.push(node); continue; }
        const name = node.localName.toLowerCase();
        if (DROPPED_ELEMENTS.has(name) || node.namespaceURI !== SVG_NS) { doomed.push(node); continue; }
        if (name === 'title' && node.parentNode && node.parentNode.localName === 'g') { doomed.push(node); continue; }
        for (const attr of Array.from(node.attributes)) {
            const attrName = attr.name.toLowerCase();
            if (attrName.startsWith('on') || attrName === 'style') node.removeAttributeNode(attr);
            else if ((attr.localName === 'href' || attrName.endsWith(':href')) && isDangerousURL(attr.value)) {
                node.removeAttributeNode(attr);
            }
        }
    }
    for (const node of doomed) node.parentNode && node.parentNode.removeChild(node);
    return document.importNode(root, true);
}

export { SVG_NS, XLINK_NS };

/** Shows a short message at the bottom of the page. */
export function toast(message, isError = false) {
    const box = document.getElementById('toast');
    box.textContent = message;
    box.classList.toggle('error', isError);
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.hidden = true; }, isError ? 6000 : 2500);
}

/**
 * Formats an EDTF date for people: a day, month or year as written (with its `?`/`~`), an interval `A/B` as
 * `A – B`, an open or unknown end as `from A` or `until B`; `undated` for none.
 */
export function showDate(date) {
    if (date === null || date === undefined || date === '') return 'undated';
    const text = String(date);
    const slash = text.indexOf('/');
    if (slash < 0) return text;
    const start = text.slice(0, slash);
    const end = text.slice(slash + 1);
    const open = (part) => part === '' || part === '..';
    if (open(start) && open(end)) return 'undated';
    if (open(start)) return `until ${end}`;
    if (open(end)) return `from ${start}`;
    return `${start} – ${end}`;
}

/** A list row's date (`.row-date`), broken only between words, so `until 2021-08-15` never splits the day. */
export function dateCell(date) {
    const cell = el('span', { class: 'row-date' });
    showDate(date).split(' ').forEach((word, i) => {
        if (i) cell.append(' ');
        cell.append(el('span', { class: 'nowrap', text: word }));
    });
    return cell;
}

/** Human label for a relation type name (`designates_terrorist` → `designates terrorist`). */
export function typeLabel(name) {
    return String(name ?? '').replace(/_/g, ' ');
}
