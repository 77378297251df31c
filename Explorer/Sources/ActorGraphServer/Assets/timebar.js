// The time bar: a histogram of relation dates stacked by category (drawn as plain SVG), a brushed window, an
// "as of" handle, and play, which steps the handle through the bins and waits for each chart to settle.

import { el, clear, svgEl } from './dom.js';

const HEIGHT = 86;
const AXIS = 16;
const PAD = 8;

/** `ctx.onChange(time)` gets `{at}` or `{from, to}` or `{}`; `ctx.onToggle(name, value)`; `ctx.settled()` → Promise. */
export function createTimebar(root, ctx) {
    let histogram = { bucket: 'year', bins: [], undated: 0 };
    let categories = [];
    let time = {};
    let mode = 'window';
    let playing = false;
    let toggles = { possibly: false, undated: true };

    const modeWindow = el('button', { type: 'button', class: 'seg', 'data-mode': 'window', text: 'Window', title: 'Drag across the bars to choose a window of time' });
    const modeAt = el('button', { type: 'button', class: 'seg', 'data-mode': 'at', text: 'As of', title: 'Click or drag to place the “as of” handle' });
    const play = el('button', { type: 'button', id: 'time-play', class: 'tool', title: 'Step the “as of” handle through time', text: '▶ Play' });
    const clearButton = el('button', { type: 'button', id: 'time-clear', class: 'tool', text: 'All time', title: 'Remove the time condition' });
    const label = el('div', { id: 'time-label', class: 'time-label' });
    const possibly = el('input', { type: 'checkbox', id: 'toggle-possibly' });
    const undated = el('input', { type: 'checkbox', id: 'toggle-undated', checked: true });
    const undatedCount = el('span', { class: 'muted' });
    const plot = el('div', { class: 'time-plot' });

    clear(root).append(
        el('div', { class: 'time-controls' },
            el('div', { class: 'segmented', role: 'group', 'aria-label': 'Time mode' }, modeWindow, modeAt),
            el('div', { class: 'row' }, play, clearButton),
            label,
            el('label', { class: 'check', title: 'Also draw relations whose imprecise dates only possibly fall in the window (dashed)' }, possibly, ' possibly active'),
            el('label', { class: 'check', title: 'Keep relations without a date when a time condition is set' }, undated, ' undated ', undatedCount)),
        plot);

    const keyOf = (bin) => (histogram.bucket === 'month' ? bin.start.slice(0, 7) : histogram.bucket === 'day' ? bin.start : bin.start.slice(0, 4));
    const indexOfKey = (key) => histogram.bins.findIndex((bin) => key && (keyOf(bin) === key || bin.start.startsWith(key) || key.startsWith(keyOf(bin))));

    function describe() {
        if (time.at) return `As of ${time.at}`;
        if (time.from || time.to) return `${time.from || 'start'} – ${time.to || 'now'}`;
        return 'All time';
    }

    function setMode(next) {
        mode = next;
        modeWindow.setAttribute('aria-pressed', String(mode === 'window'));
        modeAt.setAttribute('aria-pressed', String(mode === 'at'));
    }

    function draw() {
        clear(plot);
        label.textContent = describe();
        undatedCount.textContent = `(${histogram.undated ?? 0})`;
        const bins = histogram.bins ?? [];
        const width = Math.max(plot.clientWidth, 200);
        if (!bins.length) {
            plot.append(el('p', { class: 'muted', text: 'No dated relation in this view.' }));
            return;
        }
        const totals = bins.map((bin) => Object.values(bin.counts ?? {}).reduce((a, b) => a + b, 0));
        const max = Math.max(1, ...totals);
        const step = Math.min((width - 2 * PAD) / bins.length, 56);
        const barH = HEIGHT - AXIS - 4;
        const svg = svgEl('svg', { width, height: HEIGHT, class: 'histogram', role: 'img',
            'aria-label': `Relations by ${histogram.bucket}` });
        const lo = time.at ? indexOfKey(time.at) : time.from ? indexOfKey(time.from) : -1;
        const hi = time.at ? lo : time.to ? indexOfKey(time.to) : -1;
        if (time.from || time.to || time.at) {
            const a = lo >= 0 ? lo : 0;
            const b = hi >= 0 ? hi : bins.length - 1;
            svg.append(svgEl('rect', { class: time.at ? 'asof-band' : 'brush', x: PAD + a * step, y: 0,
                width: Math.max((b - a + 1) * step, 2), height: HEIGHT - AXIS }));
        }
        bins.forEach((bin, i) => {
            let y = HEIGHT - AXIS;
            const inside = !(time.at || time.from || time.to) || (i >= (lo >= 0 ? lo : 0) && i <= (hi >= 0 ? hi : bins.length - 1));
            const group = svgEl('g', { class: `bin${inside ? '' : ' outside'}`, 'data-key': keyOf(bin) },
                svgEl('title', { text: `${keyOf(bin)}: ${totals[i]} relation${totals[i] === 1 ? '' : 's'}` }));
            for (const category of categories) {
                const n = (bin.counts ?? {})[category] ?? 0;
                if (!n) continue;
                const h = (n / max) * barH;
                y -= h;
                group.append(svgEl('rect', { class: `cat-fill category-${category}`, x: PAD + i * step + 0.5, y,
                    width: Math.max(step - 1, 1), height: h }));
            }
            svg.append(group);
        });
        const every = Math.max(1, Math.ceil(46 / step));
        bins.forEach((bin, i) => {
            if (i % every) return;
            svg.append(svgEl('text', { class: 'tick', x: PAD + i * step + step / 2, y: HEIGHT - 4, 'text-anchor': 'middle', text: keyOf(bin) }));
        });
        if (time.at && lo >= 0) {
            const x = PAD + lo * step + step / 2;
            svg.append(svgEl('g', { class: 'asof-handle', id: 'asof-handle' },
                svgEl('line', { x1: x, x2: x, y1: 0, y2: HEIGHT - AXIS }),
                svgEl('path', { d: `M${x - 5},0 L${x + 5},0 L${x},7 Z` })));
        }
        svg.append(svgEl('rect', { class: 'hit', x: 0, y: 0, width, height: HEIGHT }));
        plot.append(svg);
        attachPointer(svg, step);
    }

    function attachPointer(svg, step) {
        const bins = histogram.bins;
        const indexAt = (event) => {
            const x = event.clientX - svg.getBoundingClientRect().left - PAD;
            return Math.min(bins.length - 1, Math.max(0, Math.floor(x / step)));
        };
        let start = null;
        svg.addEventListener('pointerdown', (event) => {
            start = indexAt(event);
            try { svg.setPointerCapture(event.pointerId); } catch { /* a synthetic pointer has nothing to capture */ }
            preview(svg, step, start, start);
        });
        svg.addEventListener('pointermove', (event) => { if (start !== null) preview(svg, step, start, indexAt(event)); });
        svg.addEventListener('pointerup', (event) => {
            if (start === null) return;
            const end = indexAt(event);
            const a = Math.min(start, end);
            const b = Math.max(start, end);
            start = null;
            stop();
            if (mode === 'at') commit({ at: keyOf(bins[end]) });
            else commit({ from: keyOf(bins[a]), to: keyOf(bins[b]) });
        });
    }

    /** Shows a window or handle while dragging, without redrawing (the pointer stays captured by the same SVG). */
    function preview(svg, step, a, b) {
        const lo = mode === 'at' ? b : Math.min(a, b);
        const hi = mode === 'at' ? b : Math.max(a, b);
        let band = svg.querySelector('rect.preview');
        if (!band) {
            band = svgEl('rect', { class: 'preview', y: 0, height: HEIGHT - AXIS });
            svg.insertBefore(band, svg.firstChild);
        }
        band.setAttribute('x', PAD + lo * step);
        band.setAttribute('width', Math.max((hi - lo + 1) * step, 2));
        for (const [i, bin] of Array.from(svg.querySelectorAll('.bin')).entries()) bin.classList.toggle('outside', i < lo || i > hi);
        const bins = histogram.bins;
        label.textContent = mode === 'at' ? `As of ${keyOf(bins[hi])}` : `${keyOf(bins[lo])} – ${keyOf(bins[hi])}`;
    }

    function commit(next) {
        time = next;
        draw();
        ctx.onChange(next);
    }

    function stop() {
        playing = false;
        play.textContent = '▶ Play';
        play.setAttribute('aria-pressed', 'false');
    }

    async function run() {
        const bins = histogram.bins;
        if (!bins.length) return;
        playing = true;
        play.textContent = '❚❚ Pause';
        play.setAttribute('aria-pressed', 'true');
        setMode('at');
        let i = time.at ? indexOfKey(time.at) + 1 : 0;
        if (i <= 0 || i >= bins.length) i = 0;
        for (; i < bins.length && playing; i += 1) {
            commit({ at: keyOf(bins[i]) });
            await ctx.settled();
            await new Promise((resolve) => setTimeout(resolve, 650));
        }
        stop();
    }

    modeWindow.addEventListener('click', () => setMode('window'));
    modeAt.addEventListener('click', () => setMode('at'));
    play.addEventListener('click', () => (playing ? stop() : run()));
    clearButton.addEventListener('click', () => { stop(); commit({}); });
    possibly.addEventListener('change', () => ctx.onToggle('possibly', possibly.checked));
    undated.addEventListener('change', () => ctx.onToggle('undated', undated.checked));
    new ResizeObserver(() => draw()).observe(plot);
    setMode('window');

    return {
        /** New histogram data and the current state's time settings. */
        update(nextHistogram, nextCategories, state) {
            histogram = nextHistogram ?? histogram;
            categories = nextCategories;
            time = state.at ? { at: state.at } : state.from || state.to ? { from: state.from, to: state.to } : {};
            if (state.at) setMode('at');
            toggles = { possibly: state.possibly, undated: state.undated };
            possibly.checked = toggles.possibly;
            undated.checked = toggles.undated;
            draw();
        },
        isPlaying: () => playing,
    };
}
