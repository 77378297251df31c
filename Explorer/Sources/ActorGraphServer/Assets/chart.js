// The link chart: the server's Graphviz SVG, sanitized and inserted, with pan and zoom on its viewBox, hover
// highlighting of an actor's ties, and clicks mapped to actor and link ids (pprof's web UI is the precedent).

import { clear, sanitizeSVG, svgEl } from './dom.js';

const ACTOR_PREFIX = 'actor-';
const DRAG_THRESHOLD = 4;
/** SVG units per screen pixel at which Graphviz's 9–11 pt labels read comfortably. */
const READABLE = 1.0;

/** Creates the chart in `container`; `handlers.onActor(id, event)`, `handlers.onLink(link, event)`. */
export function createChart(container, handlers) {
    let svg = null;
    let base = null;          // the drawing's own box, in SVG user units
    let box = null;           // the current viewBox
    let view = { actors: [], links: [] };
    let linksById = new Map();
    let linksByActor = new Map();

    const elementFor = {
        actor: (id) => svg && svg.querySelector(`g.node[id="${CSS.escape(ACTOR_PREFIX + id)}"]`),
        link: (id) => svg && svg.querySelector(`g.edge[id="${CSS.escape(id)}"]`),
    };

    function setBox(next) {
        box = next;
        if (svg) svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
    }

    /** The viewBox that shows the whole drawing in the container's aspect, never magnified above ~1.3×. */
    function fitBox() {
        const cw = Math.max(container.clientWidth, 1);
        const ch = Math.max(container.clientHeight, 1);
        const scale = Math.max(base.w / cw, base.h / ch, 0.58);
        const w = cw * scale;
        const h = ch * scale;
        return { x: base.x - (w - base.w) / 2, y: base.y - (h - base.h) / 2, w, h };
    }

    function toSVG(clientX, clientY) {
        const point = svg.createSVGPoint();
        point.x = clientX;
        point.y = clientY;
        return point.matrixTransform(svg.getScreenCTM().inverse());
    }

    function zoomAt(factor, cx, cy) {
        if (!svg) return;
        const rect = container.getBoundingClientRect();
        const p = toSVG(cx ?? rect.left + rect.width / 2, cy ?? rect.top + rect.height / 2);
        const w = Math.min(Math.max(box.w / factor, 40), base.w * 8 + 2000);
        const h = box.h * (w / box.w);
        setBox({ x: p.x - (p.x - box.x) * (w / box.w), y: p.y - (p.y - box.y) * (h / box.h), w, h });
    }

    function targetOf(event) {
        const node = event.target.closest('g.node');
        if (node && node.id.startsWith(ACTOR_PREFIX)) return { kind: 'actor', id: node.id.slice(ACTOR_PREFIX.length), node };
        const edge = event.target.closest('g.edge');
        if (edge) {
            const link = linksById.get(edge.id)
                ?? (edge.id.startsWith('relation-') ? { id: edge.id, relations: [edge.id.slice(9)], count: 1 } : null);
            if (link) return { kind: 'link', id: edge.id, link, node: edge };
        }
        return null;
    }

    function highlight(actorId) {
        if (!svg) return;
        for (const node of svg.querySelectorAll('.hl')) node.classList.remove('hl');
        container.classList.toggle('hovering', Boolean(actorId));
        if (!actorId) return;
        elementFor.actor(actorId)?.classList.add('hl');
        for (const link of linksByActor.get(actorId) ?? []) {
            elementFor.link(link.id)?.classList.add('hl');
            const other = link.source === actorId ? link.target : link.source;
            elementFor.actor(other)?.classList.add('hl');
        }
    }

    // Pan by dragging; a press that moves less than a few pixels is a click.
    let drag = null;
    container.addEventListener('pointerdown', (event) => {
        if (!svg || event.button !== 0) return;
        drag = { x: event.clientX, y: event.clientY, box: { ...box }, moved: false, id: event.pointerId };
    });
    container.addEventListener('pointermove', (event) => {
        if (drag) {
            const dx = event.clientX - drag.x;
            const dy = event.clientY - drag.y;
            if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
            if (!drag.moved) { drag.moved = true; container.setPointerCapture(drag.id); container.classList.add('panning'); }
            const perPixel = drag.box.w / Math.max(container.clientWidth, 1);
            setBox({ ...drag.box, x: drag.box.x - dx * perPixel, y: drag.box.y - dy * perPixel });
            return;
        }
        const target = svg ? targetOf(event) : null;
        const actorId = target && target.kind === 'actor' ? target.id : null;
        if (actorId !== container.dataset.hover) {
            if (actorId) container.dataset.hover = actorId; else delete container.dataset.hover;
            highlight(actorId);
        }
    });
    const endDrag = (event) => {
        if (!drag) return;
        const wasDrag = drag.moved;
        if (wasDrag) { container.releasePointerCapture(drag.id); container.classList.remove('panning'); }
        drag = null;
        if (wasDrag || event.type !== 'pointerup') return;
        const target = targetOf(event);
        if (!target) { handlers.onBackground?.(); return; }
        if (target.kind === 'actor') handlers.onActor(target.id, event);
        else handlers.onLink(target.link, event);
    };
    container.addEventListener('pointerup', endDrag);
    container.addEventListener('pointercancel', endDrag);
    container.addEventListener('pointerleave', () => { delete container.dataset.hover; highlight(null); });
    container.addEventListener('dblclick', (event) => {
        const target = svg ? targetOf(event) : null;
        if (target && target.kind === 'actor') handlers.onActorDouble?.(target.id, event);
    });
    container.addEventListener('wheel', (event) => {
        if (!svg) return;
        event.preventDefault();
        zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
    }, { passive: false });
    container.addEventListener('keydown', (event) => {
        if (event.key === '+' || event.key === '=') zoomAt(1.25);
        else if (event.key === '-') zoomAt(0.8);
        else if (event.key === '0') setBox(fitBox());
    });

    return {
        /** Replaces the drawing; `nextView` is /api/view's answer for the same parameters. */
        show(svgText, nextView) {
            const fresh = sanitizeSVG(svgText);
            view = nextView ?? { actors: [], links: [] };
            linksById = new Map(view.links.map((link) => [link.id, link]));
            linksByActor = new Map();
            for (const link of view.links) {
                for (const end of [link.source, link.target]) {
                    if (!linksByActor.has(end)) linksByActor.set(end, []);
                    linksByActor.get(end).push(link);
                }
            }
            const vb = (fresh.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
            const width = Number.parseFloat(fresh.getAttribute('width')) || 800;
            const height = Number.parseFloat(fresh.getAttribute('height')) || 600;
            base = vb.length === 4 && vb.every(Number.isFinite) ? { x: vb[0], y: vb[1], w: vb[2], h: vb[3] }
                : { x: 0, y: 0, w: width, h: height };
            fresh.setAttribute('width', '100%');
            fresh.setAttribute('height', '100%');
            fresh.setAttribute('preserveAspectRatio', 'xMidYMid meet');
            fresh.setAttribute('role', 'img');
            fresh.setAttribute('aria-label', `Link chart: ${view.actors.length} actors, ${view.links.length} links`);
            for (const link of view.links) {
                const edge = fresh.querySelector(`g.edge[id="${CSS.escape(link.id)}"]`);
                if (!edge) continue;
                if (link.count > 1) edge.classList.add('bundle');
                if (link.possibly) edge.classList.add('possibly');
            }
            for (const actor of view.actors) {
                if (actor.focus) fresh.querySelector(`g.node[id="${CSS.escape(ACTOR_PREFIX + actor.id)}"]`)?.classList.add('focus');
            }
            clear(container).append(fresh);
            svg = fresh;
            setBox(fitBox());
        },
        /** Shows an empty chart with a message instead of a drawing. */
        empty(message) {
            svg = null;
            view = { actors: [], links: [] };
            clear(container).append(Object.assign(document.createElement('p'), { className: 'chart-empty', textContent: message }));
        },
        hasActor: (id) => Boolean(elementFor.actor(id)),
        /** Centres the view on an actor, zooming in when the drawing is too small to read. */
        centreOn(id, { readable = false } = {}) {
            const node = elementFor.actor(id);
            if (!node) return false;
            const rect = node.getBoundingClientRect();
            const view = container.getBoundingClientRect();
            const c = toSVG(rect.left + rect.width / 2, rect.top + rect.height / 2);
            let perPixel = box.w / Math.max(container.clientWidth, 1);
            const inMiddle = Math.abs(rect.left + rect.width / 2 - (view.left + view.width / 2)) < view.width * 0.3
                && Math.abs(rect.top + rect.height / 2 - (view.top + view.height / 2)) < view.height * 0.3;
            if (readable) perPixel = Math.min(perPixel, READABLE);
            else if (inMiddle) return true;
            const w = container.clientWidth * perPixel;
            const h = container.clientHeight * perPixel;
            setBox({ x: c.x - w / 2, y: c.y - h / 2, w, h });
            return true;
        },
        /** Marks one actor or link as selected (`null` clears). */
        select(kind, id) {
            if (!svg) return;
            for (const node of svg.querySelectorAll('.selected')) node.classList.remove('selected');
            const node = kind === 'actor' ? elementFor.actor(id) : kind === 'link' ? elementFor.link(id) : null;
            node?.classList.add('selected');
        },
        /** The link on screen that carries a relation, if any. */
        linkOf(relationId) {
            return view.links.find((link) => link.relations.includes(relationId)) ?? null;
        },
        /** Draws numbered badges on the links of a path: `hops` is [[relationId, ...], ...] in order. */
        markHops(hops) {
            if (!svg) return 0;
            for (const badge of svg.querySelectorAll('.hop-badge')) badge.remove();
            let drawn = 0;
            hops.forEach((relationIds, index) => {
                const link = view.links.find((l) => relationIds.some((r) => l.relations.includes(r)));
                const edge = link && elementFor.link(link.id);
                const path = edge && edge.querySelector('path');
                if (!path) return;
                edge.classList.add('on-path');
                // A third of the way along, so the badge does not cover the label Graphviz puts near the middle.
                const p = path.getPointAtLength(path.getTotalLength() * 0.3);
                edge.append(svgEl('g', { class: 'hop-badge', 'data-hop': index + 1 },
                    svgEl('circle', { cx: p.x, cy: p.y, r: 11 }),
                    svgEl('text', { x: p.x, y: p.y, dy: '0.35em', 'text-anchor': 'middle', text: index + 1 })));
                drawn += 1;
            });
            return drawn;
        },
        zoomIn: () => zoomAt(1.25),
        zoomOut: () => zoomAt(0.8),
        fit: () => { if (svg) setBox(fitBox()); },
        /** The chart as standalone SVG text (for a client-side PNG). */
        svgText() {
            return svg ? new XMLSerializer().serializeToString(svg) : '';
        },
    };
}
