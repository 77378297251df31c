// The evidence panel: an actor's card, a bundle's relations, and a relation with the cited lines of its sources.

import { el, clear, dateCell, showDate, typeLabel } from './dom.js';

const heading = (kicker, title, extra = null) => el('header', { class: 'card-head' },
    el('div', { class: 'kicker', text: kicker }), el('h2', { class: 'card-title' }, title), extra);

const actorLink = (ctx, id) => el('button', { type: 'button', class: 'linklike actor-ref', 'data-actor': id,
    text: ctx.name(id), on: { click: () => ctx.onActor(id) } });

const field = (label, value) => (value === null || value === undefined || value === '' ? null
    : [el('dt', { text: label }), el('dd', {}, value)]);

function relationLine(ctx, relation) {
    const arrow = relation.directed ? `—${typeLabel(relation.type)}→` : `—${typeLabel(relation.type)}—`;
    return el('span', { class: 'relation-line' }, actorLink(ctx, relation.from),
        el('span', { class: `rel-type category-${relation.category}`, text: ` ${arrow} ` }), actorLink(ctx, relation.to));
}

function relationRow(ctx, relation) {
    return el('li', { class: `relation-row status-${relation.status}` },
        el('button', { type: 'button', class: 'row-open', 'data-relation': relation.id,
            title: 'Show the evidence for this relation', on: { click: () => ctx.onRelation(relation.id) } },
        el('span', { class: `swatch category-${relation.category}`, 'aria-hidden': 'true' }),
        dateCell(relation.date),
        el('span', { class: 'row-text' }, `${ctx.name(relation.from)} `,
            el('span', { class: 'row-type', text: typeLabel(relation.type) }), ` ${ctx.name(relation.to)}`),
        relation.status !== 'reported' ? el('span', { class: `badge status-${relation.status}`, text: relation.status }) : null));
}

/** One citation: the source's title, outlet, date, lines and hash check, then the cited lines or why they are missing. */
function citation(item) {
    const meta = [item.outlet, item.published && item.published !== 'null' ? item.published : null].filter(Boolean).join(' · ');
    const head = el('div', { class: 'cite-head' },
        el('div', { class: 'cite-title', text: item.title || item.source }),
        el('div', { class: 'cite-meta' }, meta ? `${meta} · ` : '', el('code', { text: item.source }),
            ` lines ${item.lines}`, item.grade ? ` · grade ${item.grade}` : '',
            item.hashOK === false ? el('span', { class: 'badge warn', text: 'hash mismatch' }) : null,
            item.hashOK === true ? el('span', { class: 'badge ok', title: 'The text matches the catalogue’s sha256', text: 'verified' }) : null));
    let body;
    if (Array.isArray(item.text) && item.text.length) {
        body = el('blockquote', { class: 'cited-lines' }, el('ol', {}, item.text.map((line) => el('li', { value: line.line },
            el('span', { class: 'line-no', 'aria-hidden': 'true', text: line.line }),
            el('span', { class: 'line-text', text: line.text })))));
    } else {
        body = el('p', { class: 'unavailable', text: `Text unavailable: ${item.unavailable || 'the source texts were not given to the server (--sources).'}` });
    }
    const link = typeof item.url === 'string' && /^https?:\/\//i.test(item.url)
        ? el('a', { class: 'cite-url', href: item.url, target: '_blank', rel: 'noopener noreferrer', text: item.url }) : null;
    if (link) head.append(el('div', { class: 'cite-meta' }, link));
    return el('li', { class: 'citation' }, head, body);
}

/** Renders into `panel`; `ctx.name(id)` gives an actor's display name, `ctx.on*` are the actions. */
export function createEvidence(panel, ctx) {
    return {
        clear() { clear(panel).append(el('div', { class: 'placeholder' },
            el('h2', { text: 'Evidence' }),
            el('p', { text: 'Click an actor for its card, or a link for its relations and the lines of the sources that state them.' }),
            el('p', { class: 'muted', text: 'Drag to pan, wheel to zoom, double-click an actor to expand it.' }))); },

        message(text, isError = false) {
            clear(panel).append(el('p', { class: isError ? 'error' : 'muted', text }));
        },

        actor(card) {
            const a = card.actor;
            const aliases = a.aliases && a.aliases.length ? a.aliases.join(' · ') : null;
            const actions = el('div', { class: 'card-actions' },
                el('button', { type: 'button', class: 'primary', 'data-action': 'expand', text: 'Expand', on: { click: () => ctx.onExpand(a.id) } }),
                el('button', { type: 'button', 'data-action': 'hide', text: 'Hide', on: { click: () => ctx.onHide(a.id) } }),
                el('button', { type: 'button', 'data-action': 'path-from', text: 'Path from here', on: { click: () => ctx.onPathEnd('from', a) } }),
                el('button', { type: 'button', 'data-action': 'path-to', text: 'Path to here', on: { click: () => ctx.onPathEnd('to', a) } }));
            const relations = card.relations ?? [];
            clear(panel).append(el('article', { class: 'card actor-card', 'data-actor': a.id },
                heading(`${a.kind}${a.subkind ? ` · ${a.subkind}` : ''}`, el('span', { class: 'actor-name', text: a.name })),
                el('dl', { class: 'fields' }, field('Id', el('code', { text: a.id })), field('Also', aliases),
                    field('Country', a.country ? actorLink(ctx, a.country) : null), field('About', a.description)),
                actions,
                el('h3', { text: `${relations.length} relation${relations.length === 1 ? '' : 's'}` }),
                el('ul', { class: 'relation-list' }, relations.map((r) => relationRow(ctx, r)))));
        },

        /** A bundle: its relations, each openable. `relations` are relation objects (already fetched). */
        bundle(link, relations) {
            const range = link.first ? `${link.first}${link.last && link.last !== link.first ? ` – ${link.last}` : ''}` : 'undated';
            clear(panel).append(el('article', { class: 'card bundle-card', 'data-link': link.id },
                heading(`${link.count} relations · ${range}`, el('span', {}, actorLink(ctx, link.source), ' — ', actorLink(ctx, link.target))),
                el('div', { class: 'card-actions' },
                    el('span', { class: 'muted grow', text: 'Pick a relation to see its evidence.' }),
                    el('button', { type: 'button', 'data-action': 'unbundle', text: 'Draw separately', title: 'Draw every relation as its own line', on: { click: () => ctx.onUnbundle() } })),
                el('ul', { class: 'relation-list' }, relations.map((r) => relationRow(ctx, r)))));
        },

        relation(answer) {
            const r = answer.relation;
            const evidence = answer.evidence ?? [];
            const attributes = r.attributes && Object.keys(r.attributes).length
                ? el('ul', { class: 'attributes' }, Object.entries(r.attributes).map(([k, v]) => el('li', {}, el('span', { class: 'muted', text: `${k}: ` }), String(v))))
                : null;
            const status = el('span', { class: `badge status-${r.status}`, text: r.status });
            const time = r.time_match ? el('span', { class: `badge match-${r.time_match}`, text: r.time_match }) : null;
            clear(panel).append(el('article', { class: 'card relation-card', 'data-relation': r.id },
                heading(`${r.category} · relation`, relationLine(ctx, r)),
                el('dl', { class: 'fields' },
                    field('Type', `${typeLabel(r.type)}${r.directed ? '' : ' (symmetric)'}`),
                    field('Date', el('span', {}, showDate(r.date), (r.start || r.end) && r.start !== r.end ? el('span', { class: 'muted', text: `  (${r.start ?? 'open'} … ${r.end ?? 'open'})` }) : null)),
                    field('Date note', r.date_note),
                    field('Status', el('span', {}, status, time)),
                    field('Claimed by', r.claimed_by ? (ctx.known(r.claimed_by) ? actorLink(ctx, r.claimed_by) : r.claimed_by) : null),
                    field('Grade', r.grade ?? ((r.sources ?? []).map((s) => s.grade).filter(Boolean).join(', ') || 'ungraded')),
                    field('Note', r.note),
                    field('Attributes', attributes),
                    field('Id', el('code', { text: r.id }))),
                el('h3', { text: `Evidence · ${evidence.length} citation${evidence.length === 1 ? '' : 's'}` }),
                el('ol', { class: 'citations' }, evidence.map(citation))));
        },
    };
}
