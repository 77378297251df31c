// The link chart: the server's Graphviz SVG, sanitized and inserted, with pan and zoom on its viewBox, hover
// highlighting of an actor's ties, and clicks mapped to actor and link ids (pprof's web UI is the precedent).

import { clear, sanitizeSVG, svgEl } from './dom.js';

const ACTOR_PREFIX = 'actor-';
const DRAG_THRESHOLD = 4;
/**
 * The least height, in screen pixels, of an actor's name when a chart appears or an actor is centred: a drawing
 * whose fitted names would be smaller opens at this size on its focus or its busiest part instead ("Fit all" shows
 * the whole). The browser test `test_01b_first_view_is_readable` holds the page to it.
 */
export const LEGIBLE_NAME_PX = 10;
/** Graphviz's font size of actor names (points: SVG units), when the drawing does not say. */
const NAME_POINTS = 11;
/** The most a small drawing is magnified when fitted (units per pixel). */
const MOST_MAGNIFIED = 0.58;

/** Creates the chart in `container`; `handlers.onActor(id, event)`, `handlers.onLink(link, event)`. */
export function createChart(container, handlers) {
    return new Chart(container, handlers);
}

class Chart {
    constructor(container, handlers) {
        this.container = container;
        this.handlers = handlers;
        this.svg = null;
        this.base = null;   // the drawing's own box, in SVG user units
        this.box = null;    // the current viewBox
        this.view = { actors: [], links: [] };
        this.linksById = new Map();
        this.linksByActor = new Map();
        this.drag = null;
        this.centres = new Map();   // actor id -> its node's centre, in SVG units
        this.listen();
    }

    actorElement(id) {
        return this.svg && this.svg.querySelector(`g.node[id="${CSS.escape(ACTOR_PREFIX + id)}"]`);
    }

    linkElement(id) {
        return this.svg && this.svg.querySelector(`g.edge[id="${CSS.escape(id)}"]`);
    }

    setBox(next) {
        this.box = next;
        if (this.svg) this.svg.setAttribute('viewBox', `${next.x} ${next.y} ${next.w} ${next.h}`);
        this.reportViewport();
    }

    /** Tells `handlers.onViewport` how much of the drawing is in view: {whole, inView, total} (actors). */
    reportViewport() {
        if (!this.handlers.onViewport) return;
        if (!this.svg) { this.handlers.onViewport({ whole: true, inView: 0, total: 0 }); return; }
        const { box, base } = this;
        const slack = 0.5;
        const whole = box.x <= base.x + slack && box.y <= base.y + slack
            && box.x + box.w >= base.x + base.w - slack && box.y + box.h >= base.y + base.h - slack;
        let inView = 0;
        for (const c of this.centres.values()) {
            if (c.x >= box.x && c.x <= box.x + box.w && c.y >= box.y && c.y <= box.y + box.h) inView += 1;
        }
        this.handlers.onViewport({ whole, inView, total: this.centres.size });
    }

    /** Units per pixel at which the smallest actor name is `LEGIBLE_NAME_PX` high. */
    legibleScale() {
        const sizes = Array.from(this.svg?.querySelectorAll('g.node text') ?? [])
            .map((text) => Number.parseFloat(text.getAttribute('font-size'))).filter((size) => size > 0);
        return (sizes.length ? Math.min(...sizes) : NAME_POINTS) / LEGIBLE_NAME_PX;
    }

    /** Every actor's centre in the root's user units (where the viewBox is), read once per drawing. */
    measureCentres() {
        this.centres = new Map();
        for (const node of this.svg.querySelectorAll('g.node')) {
            if (!node.id.startsWith(ACTOR_PREFIX)) continue;
            const r = node.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            this.centres.set(node.id.slice(ACTOR_PREFIX.length), this.toSVG(r.left + r.width / 2, r.top + r.height / 2));
        }
    }

    /**
     * The first view of a drawing: the whole of it when its names are then legible; otherwise a window at the
     * legible scale on the view's focus (or a path's actors), else on the part of the drawing where most actors
     * fall, kept inside the drawing.
     */
    firstBox() {
        const fit = this.fitBox();
        const cw = Math.max(this.container.clientWidth, 1);
        const legible = this.legibleScale();
        if (fit.w / cw <= legible * 1.001) return fit;
        const w = cw * legible;
        const h = Math.max(this.container.clientHeight, 1) * legible;
        const centre = this.anchorCentre(w, h) ?? this.busiestCentre(w, h);
        if (!centre) return fit;
        return this.inside({ x: centre.x - w / 2, y: centre.y - h / 2, w, h });
    }

    /** The centre of the focus actors (or of the actors on a drawn path) when they fit in one window. */
    anchorCentre(w, h) {
        let ids = this.view.actors.filter((actor) => actor.focus).map((actor) => actor.id);
        if (ids.length === 0) ids = this.view.links.filter((link) => link.hop != null).flatMap((link) => [link.source, link.target]);
        const points = ids.map((id) => this.centres.get(id)).filter(Boolean);
        if (points.length === 0) return null;
        const xs = points.map((p) => p.x);
        const ys = points.map((p) => p.y);
        if (Math.max(...xs) - Math.min(...xs) <= w * 0.9 && Math.max(...ys) - Math.min(...ys) <= h * 0.9) {
            return { x: (Math.max(...xs) + Math.min(...xs)) / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2 };
        }
        return points[points.length - 1];  // the latest focus, as the page centres a newly expanded actor
    }

    /**
     * The busiest window of w × h: centred on each actor in turn, the one whose actors have the most ties in all
     * (an actor counts 1 plus its links, so a hub and its neighbours win over scattered leaves), then moved to the
     * middle of those actors, each weighted the same way.
     */
    busiestCentre(w, h) {
        const points = Array.from(this.centres, ([id, p]) => ({ x: p.x, y: p.y, weight: 1 + (this.linksByActor.get(id) ?? []).length }));
        if (points.length === 0) return null;
        const within = (c, p) => Math.abs(p.x - c.x) <= w * 0.45 && Math.abs(p.y - c.y) <= h * 0.45;
        let best = null;
        for (const c of points) {
            const score = points.reduce((sum, p) => sum + (within(c, p) ? p.weight : 0), 0);
            if (!best || score > best.score) best = { c, score };
        }
        const held = points.filter((p) => within(best.c, p));
        const total = held.reduce((sum, p) => sum + p.weight, 0);
        return { x: held.reduce((sum, p) => sum + p.x * p.weight, 0) / total, y: held.reduce((sum, p) => sum + p.y * p.weight, 0) / total };
    }

    /** `box` moved (not resized) so that it shows no more empty margin beyond the drawing than it must. */
    inside(box) {
        const base = this.base;
        const axis = (start, size, low, extent) => (size >= extent ? low - (size - extent) / 2
            : Math.min(Math.max(start, low), low + extent - size));
        return { ...box, x: axis(box.x, box.w, base.x, base.w), y: axis(box.y, box.h, base.y, base.h) };
    }

    /** The viewBox that shows the whole drawing in the container's aspect, magnified at most a little. */
    fitBox() {
        const cw = Math.max(this.container.clientWidth, 1);
        const ch = Math.max(this.container.clientHeight, 1);
        const base = this.base;
        const scale = Math.max(base.w / cw, base.h / ch, MOST_MAGNIFIED);
        const w = cw * scale;
        const h = ch * scale;
        return { x: base.x - (w - base.w) / 2, y: base.y - (h - base.h) / 2, w, h };
    }

    toSVG(clientX, clientY) {
        const point = this.svg.createSVGPoint();
        point.x = clientX;
        point.y = clientY;
        return point.matrixTransform(this.svg.getScreenCTM().inverse());
    }

    zoomAt(factor, cx, cy) {
        if (!this.svg) return;
        const box = this.box;
        const rect = this.container.getBoundingClientRect();
        const p = this.toSVG(cx ?? rect.left + rect.width / 2, cy ?? rect.top + rect.height / 2);
        const w = Math.min(Math.max(box.w / factor, 40), this.base.w * 8 + 2000);
        const h = box.h * (w / box.w);
        this.setBox({ x: p.x - (p.x - box.x) * (w / box.w), y: p.y - (p.y - box.y) * (h / box.h), w, h });
    }

    /** The actor or link under an event, from the SVG element ids (`actor-<id>`, a link id of /api/view). */
    targetOf(event) {
        const node = event.target.closest('g.node');
        if (node && node.id.startsWith(ACTOR_PREFIX)) return { kind: 'actor', id: node.id.slice(ACTOR_PREFIX.length) };
        const edge = event.target.closest('g.edge');
        if (!edge) return null;
        const link = this.linksById.get(edge.id)
            ?? (edge.id.startsWith('relation-') ? { id: edge.id, relations: [edge.id.slice(9)], count: 1 } : null);
        return link ? { kind: 'link', id: edge.id, link } : null;
    }

    /** Marks an actor, its links and the actors at their other ends; everything else is dimmed by CSS. */
    highlight(actorId) {
        if (!this.svg) return;
        for (const node of this.svg.querySelectorAll('.hl')) node.classList.remove('hl');
        this.container.classList.toggle('hovering', Boolean(actorId));
        if (!actorId) return;
        this.actorElement(actorId)?.classList.add('hl');
        for (const link of this.linksByActor.get(actorId) ?? []) {
            this.linkElement(link.id)?.classList.add('hl');
            this.actorElement(link.source === actorId ? link.target : link.source)?.classList.add('hl');
        }
    }

    listen() {
        const c = this.container;
        c.addEventListener('pointerdown', (event) => this.pointerDown(event));
        c.addEventListener('pointermove', (event) => this.pointerMove(event));
        c.addEventListener('pointerup', (event) => this.pointerUp(event));
        c.addEventListener('pointercancel', (event) => this.pointerUp(event));
        c.addEventListener('pointerleave', () => { delete c.dataset.hover; this.highlight(null); });
        c.addEventListener('dblclick', (event) => {
            const target = this.svg ? this.targetOf(event) : null;
            if (target && target.kind === 'actor') this.handlers.onActorDouble?.(target.id, event);
        });
        c.addEventListener('wheel', (event) => {
            if (!this.svg) return;
            event.preventDefault();
            this.zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
        }, { passive: false });
        c.addEventListener('keydown', (event) => {
            if (event.key === '+' || event.key === '=') this.zoomAt(1.25);
            else if (event.key === '-') this.zoomAt(0.8);
            else if (event.key === '0') this.fit();
        });
    }

    // Pan by dragging; a press that moves less than a few pixels is a click.
    pointerDown(event) {
        if (!this.svg || event.button !== 0) return;
        this.drag = { x: event.clientX, y: event.clientY, box: { ...this.box }, moved: false, id: event.pointerId };
    }

    pointerMove(event) {
        const drag = this.drag;
        if (drag) {
            const dx = event.clientX - drag.x;
            const dy = event.clientY - drag.y;
            if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
            if (!drag.moved) {
                drag.moved = true;
                this.container.setPointerCapture(drag.id);
                this.container.classList.add('panning');
            }
            const perPixel = drag.box.w / Math.max(this.container.clientWidth, 1);
            this.setBox({ ...drag.box, x: drag.box.x - dx * perPixel, y: drag.box.y - dy * perPixel });
            return;
        }
        const target = this.svg ? this.targetOf(event) : null;
        const actorId = target && target.kind === 'actor' ? target.id : null;
        if (actorId !== (this.container.dataset.hover ?? null)) {
            if (actorId) this.container.dataset.hover = actorId; else delete this.container.dataset.hover;
            this.highlight(actorId);
        }
    }

    pointerUp(event) {
        const drag = this.drag;
        if (!drag) return;
        this.drag = null;
        if (drag.moved) {
            this.container.releasePointerCapture(drag.id);
            this.container.classList.remove('panning');
            return;
        }
        if (event.type !== 'pointerup') return;
        const target = this.targetOf(event);
        if (!target) this.handlers.onBackground?.();
        else if (target.kind === 'actor') this.handlers.onActor(target.id, event);
        else this.handlers.onLink(target.link, event);
    }

    /** Replaces the drawing; `view` is /api/view's answer for the same parameters. */
    show(svgText, view) {
        const fresh = sanitizeSVG(svgText);
        this.view = view ?? { actors: [], links: [] };
        this.linksById = new Map(this.view.links.map((link) => [link.id, link]));
        this.linksByActor = new Map();
        for (const link of this.view.links) {
            for (const end of [link.source, link.target]) {
                if (!this.linksByActor.has(end)) this.linksByActor.set(end, []);
                this.linksByActor.get(end).push(link);
            }
        }
        const vb = (fresh.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
        const width = Number.parseFloat(fresh.getAttribute('width')) || 800;
        const height = Number.parseFloat(fresh.getAttribute('height')) || 600;
        this.base = vb.length === 4 && vb.every(Number.isFinite) ? { x: vb[0], y: vb[1], w: vb[2], h: vb[3] }
            : { x: 0, y: 0, w: width, h: height };
        fresh.setAttribute('width', '100%');
        fresh.setAttribute('height', '100%');
        fresh.setAttribute('preserveAspectRatio', 'xMidYMid meet');
        fresh.setAttribute('role', 'img');
        fresh.setAttribute('aria-label', `Link chart: ${this.view.actors.length} actors, ${this.view.links.length} links`);
        for (const link of this.view.links) {
            const edge = fresh.querySelector(`g.edge[id="${CSS.escape(link.id)}"]`);
            if (edge && link.count > 1) edge.classList.add('bundle');
            if (edge && link.possibly) edge.classList.add('possibly');
        }
        for (const actor of this.view.actors) {
            if (actor.focus) fresh.querySelector(`g.node[id="${CSS.escape(ACTOR_PREFIX + actor.id)}"]`)?.classList.add('focus');
        }
        clear(this.container).append(fresh);
        this.svg = fresh;
        this.centres = new Map();
        this.setBox(this.fitBox());
        this.measureCentres();
        this.setBox(this.firstBox());
    }

    /** Shows a message instead of a drawing. */
    empty(message) {
        this.svg = null;
        this.centres = new Map();
        this.view = { actors: [], links: [] };
        this.linksById = new Map();
        this.linksByActor = new Map();
        const note = document.createElement('p');
        note.className = 'chart-empty';
        note.textContent = message;
        clear(this.container).append(note);
    }

    hasActor(id) {
        return Boolean(this.actorElement(id));
    }

    /**
     * Brings an actor into view: `readable` centres on it at a scale where labels can be read; otherwise the view
     * moves only when the actor is away from the middle.
     */
    centreOn(id, { readable = false } = {}) {
        const node = this.actorElement(id);
        if (!node) return false;
        const rect = node.getBoundingClientRect();
        const area = this.container.getBoundingClientRect();
        const cx = rect.left + rect.width / 2;
        const cy = rect.top + rect.height / 2;
        const inMiddle = Math.abs(cx - (area.left + area.width / 2)) < area.width * 0.3
            && Math.abs(cy - (area.top + area.height / 2)) < area.height * 0.3;
        const visible = cx > area.left && cx < area.right && cy > area.top && cy < area.bottom;
        let perPixel = this.box.w / Math.max(this.container.clientWidth, 1);
        const legible = this.legibleScale();
        // Already readable and on screen (a small drawing, fitted): leave the whole drawing in view.
        if (readable && perPixel <= legible * 1.001 && visible) return true;
        if (readable) perPixel = Math.min(perPixel, legible);
        else if (inMiddle) return true;
        const c = this.toSVG(cx, cy);
        const w = this.container.clientWidth * perPixel;
        const h = this.container.clientHeight * perPixel;
        this.setBox({ x: c.x - w / 2, y: c.y - h / 2, w, h });
        return true;
    }

    /** Marks one actor or link as selected (`null` clears). */
    select(kind, id) {
        if (!this.svg) return;
        for (const node of this.svg.querySelectorAll('.selected')) node.classList.remove('selected');
        const node = kind === 'actor' ? this.actorElement(id) : kind === 'link' ? this.linkElement(id) : null;
        node?.classList.add('selected');
    }

    /** The link on screen that carries a relation, if any. */
    linkOf(relationId) {
        return this.view.links.find((link) => link.relations.includes(relationId)) ?? null;
    }

    /** Draws numbered badges on the links of a path: `hops` is [[relationId, ...], ...] in order. */
    markHops(hops) {
        if (!this.svg) return 0;
        for (const badge of this.svg.querySelectorAll('.hop-badge')) badge.remove();
        for (const edge of this.svg.querySelectorAll('.on-path')) edge.classList.remove('on-path');
        let drawn = 0;
        hops.forEach((relationIds, index) => {
            const link = this.view.links.find((l) => relationIds.some((r) => l.relations.includes(r)));
            const edge = link && this.linkElement(link.id);
            const path = edge && edge.querySelector('path');
            if (!path) return;
            edge.classList.add('on-path');
            const p = this.badgePlace(edge, path);
            edge.append(svgEl('g', { class: 'hop-badge', 'data-hop': index + 1 },
                svgEl('circle', { cx: p.x, cy: p.y, r: 11 }),
                svgEl('text', { x: p.x, y: p.y, dy: '0.35em', 'text-anchor': 'middle', text: index + 1 })));
            drawn += 1;
        });
        return drawn;
    }

    /**
     * Where a hop badge goes: just before the link's label (which starts with the hop number), level with it, so
     * it covers none of its text; on a link without a label, near the start of its line.
     */
    badgePlace(edge, path) {
        const texts = Array.from(edge.querySelectorAll('text')).filter((text) => !text.closest('.hop-badge'));
        if (texts.length > 0) {
            const boxes = texts.map((text) => text.getBBox());
            const left = Math.min(...boxes.map((b) => b.x));
            const top = Math.min(...boxes.map((b) => b.y));
            const bottom = Math.max(...boxes.map((b) => b.y + b.height));
            return { x: left - 14, y: (top + bottom) / 2 };
        }
        const length = path.getTotalLength();
        return path.getPointAtLength(Math.min(length * 0.25, Math.max(length * 0.12, 26)));
    }

    zoomIn() { this.zoomAt(1.25); }

    zoomOut() { this.zoomAt(0.8); }

    fit() { if (this.svg) this.setBox(this.fitBox()); }
}
