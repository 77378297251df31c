// The time bar: a histogram of relation dates stacked by category (drawn as plain SVG), a brushed window, an
// "as of" handle, and play, which steps the handle through the bins and waits for each chart to settle.

import { el, clear, svgEl } from './dom.js';

const HEIGHT = 86;
const AXIS = 16;
const PAD = 8;
/** The widest a bar gets, so a few bins do not turn into slabs. */
const MAX_STEP = 56;
/** A run of more empty bins than this between dated ones is drawn as one narrow gap. */
const GAP_RUN = 3;
/** The pause between two steps of play, after the chart has settled. */
const PLAY_PAUSE_MS = 650;

/** `ctx.onChange(time)` gets `{at}` or `{from, to}` or `{}`; `ctx.onToggle(name, value)`; `ctx.settled()` → Promise. */
export function createTimebar(root, ctx) {
    return new Timebar(root, ctx);
}

class Timebar {
    constructor(root, ctx) {
        this.ctx = ctx;
        this.histogram = { bucket: 'year', bins: [], undated: 0 };
        this.categories = [];
        this.time = {};
        this.mode = 'window';
        this.playing = false;
        this.build(root);
        this.setMode('window');
        new ResizeObserver(() => this.draw()).observe(this.plot);
    }

    build(root) {
        this.modeWindow = el('button', { type: 'button', class: 'seg', 'data-mode': 'window', text: 'Window', title: 'Drag across the bars to choose a window of time' });
        this.modeAt = el('button', { type: 'button', class: 'seg', 'data-mode': 'at', text: 'As of', title: 'Click or drag to place the “as of” handle' });
        this.play = el('button', { type: 'button', id: 'time-play', class: 'tool', title: 'Step the “as of” handle through time', text: '▶ Play' });
        const clearButton = el('button', { type: 'button', id: 'time-clear', class: 'tool', text: 'All time', title: 'Remove the time condition' });
        this.label = el('div', { id: 'time-label', class: 'time-label' });
        this.possibly = el('input', { type: 'checkbox', id: 'toggle-possibly' });
        this.undated = el('input', { type: 'checkbox', id: 'toggle-undated', checked: true });
        this.undatedCount = el('span', { class: 'muted' });
        this.plot = el('div', { class: 'time-plot' });
        clear(root).append(
            el('div', { class: 'time-controls' },
                el('div', { class: 'segmented', role: 'group', 'aria-label': 'Time mode' }, this.modeWindow, this.modeAt),
                el('div', { class: 'row' }, this.play, clearButton),
                this.label,
                el('label', { class: 'check', title: 'Also draw relations whose imprecise dates only possibly fall in the window (dashed)' }, this.possibly, ' possibly active'),
                el('label', { class: 'check', title: 'Keep relations without a date when a time condition is set' }, this.undated, ' undated ', this.undatedCount)),
            this.plot);
        this.modeWindow.addEventListener('click', () => this.setMode('window'));
        this.modeAt.addEventListener('click', () => this.setMode('at'));
        this.play.addEventListener('click', () => (this.playing ? this.stop() : this.run()));
        clearButton.addEventListener('click', () => { this.stop(); this.commit({}); });
        this.possibly.addEventListener('change', () => this.ctx.onToggle('possibly', this.possibly.checked));
        this.undated.addEventListener('change', () => this.ctx.onToggle('undated', this.undated.checked));
    }

    /** A bin's value in the URL: a year, a month or a day, as the bucket is. */
    keyOf(bin) {
        const bucket = this.histogram.bucket;
        return bucket === 'month' ? bin.start.slice(0, 7) : bucket === 'day' ? bin.start : bin.start.slice(0, 4);
    }

    indexOfKey(key) {
        return this.histogram.bins.findIndex((bin) => key && (this.keyOf(bin) === key || bin.start.startsWith(key) || key.startsWith(this.keyOf(bin))));
    }

    describe() {
        const time = this.time;
        if (time.at) return `As of ${time.at}`;
        if (time.from || time.to) return `${time.from || 'start'} – ${time.to || 'now'}`;
        return 'All time';
    }

    setMode(mode) {
        this.mode = mode;
        this.modeWindow.setAttribute('aria-pressed', String(mode === 'window'));
        this.modeAt.setAttribute('aria-pressed', String(mode === 'at'));
    }

    /** The first and last bin the time condition covers (the whole range without one). */
    range() {
        const last = this.histogram.bins.length - 1;
        const time = this.time;
        if (time.at) { const i = this.indexOfKey(time.at); return [i, i]; }
        const lo = time.from ? this.indexOfKey(time.from) : 0;
        const hi = time.to ? this.indexOfKey(time.to) : last;
        return [lo >= 0 ? lo : 0, hi >= 0 ? hi : last];
    }

    draw() {
        clear(this.plot);
        this.label.textContent = this.describe();
        this.undatedCount.textContent = `(${this.histogram.undated ?? 0})`;
        const bins = this.histogram.bins ?? [];
        if (!bins.length) {
            this.plot.append(el('p', { class: 'muted', text: 'No dated relation in this view.' }));
            return;
        }
        const width = Math.max(this.plot.clientWidth, 200);
        const layout = this.layout(bins);
        const step = Math.min((width - 2 * PAD) / layout.count, MAX_STEP);
        const left = (i) => PAD + layout.column[i] * step;
        const svg = svgEl('svg', { width, height: HEIGHT, class: 'histogram', role: 'img', 'aria-label': `Relations by ${this.histogram.bucket}` });
        const timed = Boolean(this.time.at || this.time.from || this.time.to);
        const [lo, hi] = this.range();
        if (timed && lo >= 0) {
            svg.append(svgEl('rect', { class: this.time.at ? 'asof-band' : 'brush', x: left(lo), y: 0,
                width: Math.max(left(hi) + step - left(lo), 2), height: HEIGHT - AXIS }));
        }
        this.drawBars(svg, step, left, timed ? [lo, hi] : null);
        this.drawAxis(svg, bins, layout, step, left);
        if (this.time.at && lo >= 0) {
            const x = left(lo) + step / 2;
            svg.append(svgEl('g', { class: 'asof-handle', id: 'asof-handle' },
                svgEl('line', { x1: x, x2: x, y1: 0, y2: HEIGHT - AXIS }),
                svgEl('path', { d: `M${x - 5},0 L${x + 5},0 L${x},7 Z` })));
        }
        svg.append(svgEl('rect', { class: 'hit', x: 0, y: 0, width, height: HEIGHT }));
        this.plot.append(svg);
        this.attachPointer(svg, step, layout, left);
    }

    /**
     * The column of each bin: one each, except that a run of more than GAP_RUN empty bins between dated ones
     * shares one column, drawn as a gap, so that a few recent years are not squeezed beside decades of nothing.
     */
    layout(bins) {
        const empty = (bin) => !Object.values(bin.counts ?? {}).some((n) => n > 0);
        const column = [];
        const gaps = [];
        let count = 0;
        for (let i = 0; i < bins.length;) {
            let j = i;
            while (j < bins.length && empty(bins[j])) j += 1;
            if (j - i > GAP_RUN && i > 0 && j < bins.length) {
                for (let k = i; k < j; k += 1) column.push(count);
                gaps.push({ column: count, first: i, last: j - 1 });
                count += 1;
                i = j;
            } else {
                column.push(count);
                count += 1;
                i += 1;
            }
        }
        const firstOf = [];
        column.forEach((c, i) => { if (firstOf[c] === undefined) firstOf[c] = i; });
        return { column, gaps, count, firstOf };
    }

    /** Year (or month) labels under the bars, and a break mark where empty years were folded. */
    drawAxis(svg, bins, layout, step, left) {
        const every = Math.max(1, Math.ceil(46 / step));
        let lastLabel = -Infinity;
        bins.forEach((bin, i) => {
            if (layout.firstOf[layout.column[i]] !== i || layout.gaps.some((g) => g.column === layout.column[i])) return;
            if (layout.column[i] - lastLabel < every) return;
            lastLabel = layout.column[i];
            svg.append(svgEl('text', { class: 'tick', x: left(i) + step / 2, y: HEIGHT - 4, 'text-anchor': 'middle', text: this.keyOf(bin) }));
        });
        for (const gap of layout.gaps) {
            const x = PAD + gap.column * step + step / 2;
            const span = `${this.keyOf(bins[gap.first])}–${this.keyOf(bins[gap.last])}`;
            svg.append(svgEl('g', { class: 'gap', 'data-first': this.keyOf(bins[gap.first]), 'data-last': this.keyOf(bins[gap.last]) },
                svgEl('title', { text: `${span}: no dated relation (${gap.last - gap.first + 1} empty ${this.histogram.bucket}s folded)` }),
                svgEl('text', { class: 'gap-mark', x, y: HEIGHT - AXIS - 3, 'text-anchor': 'middle', text: '⋯' })));
        }
    }

    /** One stacked bar per bin; bins outside `[lo, hi]` are faded. */
    drawBars(svg, step, left, window) {
        const bins = this.histogram.bins;
        const totals = bins.map((bin) => Object.values(bin.counts ?? {}).reduce((a, b) => a + b, 0));
        const max = Math.max(1, ...totals);
        const barH = HEIGHT - AXIS - 4;
        bins.forEach((bin, i) => {
            let y = HEIGHT - AXIS;
            const inside = !window || (i >= window[0] && i <= window[1]);
            const group = svgEl('g', { class: `bin${inside ? '' : ' outside'}`, 'data-key': this.keyOf(bin) },
                svgEl('title', { text: `${this.keyOf(bin)}: ${totals[i]} relation${totals[i] === 1 ? '' : 's'}` }));
            for (const category of this.categories) {
                const n = (bin.counts ?? {})[category] ?? 0;
                if (!n) continue;
                const h = (n / max) * barH;
                y -= h;
                group.append(svgEl('rect', { class: `cat-fill category-${category}`, x: left(i) + 0.5, y,
                    width: Math.max(step - 1, 1), height: h }));
            }
            svg.append(group);
        });
    }

    attachPointer(svg, step, layout, left) {
        const bins = this.histogram.bins;
        const indexAt = (event) => {
            const x = event.clientX - svg.getBoundingClientRect().left - PAD;
            return layout.firstOf[Math.min(layout.count - 1, Math.max(0, Math.floor(x / step)))];
        };
        let start = null;
        svg.addEventListener('pointerdown', (event) => {
            start = indexAt(event);
            try { svg.setPointerCapture(event.pointerId); } catch { /* a synthetic pointer has nothing to capture */ }
            this.preview(svg, step, left, start, start);
        });
        svg.addEventListener('pointermove', (event) => { if (start !== null) this.preview(svg, step, left, start, indexAt(event)); });
        svg.addEventListener('pointerup', (event) => {
            if (start === null) return;
            const end = indexAt(event);
            const a = Math.min(start, end);
            const b = Math.max(start, end);
            start = null;
            this.stop();
            if (this.mode === 'at') this.commit({ at: this.keyOf(bins[end]) });
            else this.commit({ from: this.keyOf(bins[a]), to: this.keyOf(bins[b]) });
        });
    }

    /** Shows a window or handle while dragging, without redrawing (the pointer stays captured by the same SVG). */
    preview(svg, step, left, a, b) {
        const lo = this.mode === 'at' ? b : Math.min(a, b);
        const hi = this.mode === 'at' ? b : Math.max(a, b);
        let band = svg.querySelector('rect.preview');
        if (!band) {
            band = svgEl('rect', { class: 'preview', y: 0, height: HEIGHT - AXIS });
            svg.insertBefore(band, svg.firstChild);
        }
        band.setAttribute('x', left(lo));
        band.setAttribute('width', Math.max(left(hi) + step - left(lo), 2));
        for (const [i, bin] of Array.from(svg.querySelectorAll('.bin')).entries()) bin.classList.toggle('outside', i < lo || i > hi);
        const bins = this.histogram.bins;
        this.label.textContent = this.mode === 'at' ? `As of ${this.keyOf(bins[hi])}` : `${this.keyOf(bins[lo])} – ${this.keyOf(bins[hi])}`;
    }

    commit(next) {
        this.time = next;
        this.draw();
        this.ctx.onChange(next);
    }

    stop() {
        this.playing = false;
        this.play.textContent = '▶ Play';
        this.play.setAttribute('aria-pressed', 'false');
    }

    /** Steps the handle bin by bin from the current one, waiting for each chart, until the end or a pause. */
    async run() {
        const bins = this.histogram.bins;
        if (!bins.length) return;
        this.playing = true;
        this.play.textContent = '❚❚ Pause';
        this.play.setAttribute('aria-pressed', 'true');
        this.setMode('at');
        let i = this.time.at ? this.indexOfKey(this.time.at) + 1 : 0;
        if (i <= 0 || i >= bins.length) i = 0;
        for (; i < bins.length && this.playing; i += 1) {
            this.commit({ at: this.keyOf(bins[i]) });
            await this.ctx.settled();
            await new Promise((resolve) => setTimeout(resolve, PLAY_PAUSE_MS));
        }
        this.stop();
    }

    /** New histogram data and the current state's time settings. */
    update(histogram, categories, state) {
        this.histogram = histogram ?? this.histogram;
        this.categories = categories;
        this.time = state.at ? { at: state.at } : state.from || state.to ? { from: state.from, to: state.to } : {};
        if (state.at) this.setMode('at');
        this.possibly.checked = state.possibly;
        this.undated.checked = state.undated;
        this.draw();
    }

    isPlaying() { return this.playing; }
}
