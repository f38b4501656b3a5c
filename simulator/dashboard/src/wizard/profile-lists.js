/**
 * The Client Profile's two list fields (the real panel's): "Customer Pain Points" (input + "Add", Enter
 * adds too) and "Common Customer Questions & Answers" (question, answer, an "Add" disabled until a
 * question is typed; stored as "Q: … | A: …"). Each item has a "×" to remove it; an empty list is not
 * rendered at all.
 */
import { h, replaceChildren } from '../lib/dom.js';

/** The list under a field: one `li` per item with "×"; present in the field only while it has items. */
function removableList(/** @type {string[]} */ items, /** @type {(i: number) => Node} */ render) {
  const list = h('ul', { class: 'removable-list' });
  /** @type {HTMLElement | null} */
  let parent = null;
  const draw = () => {
    if (items.length === 0) return list.remove();
    replaceChildren(list, items.map((_item, i) => h('li', null, render(i), h('button', { type: 'button', class: 'btn-link remove', text: '×', onclick: () => (items.splice(i, 1), draw()) }))));
    if (parent && list.parentNode !== parent) parent.append(list);
  };
  return { draw, mount: (/** @type {HTMLElement} */ el) => ((parent = el), draw()) };
}

/** @param {string[]} initial */
export function painPointsField(initial) {
  const items = [...initial];
  const list = removableList(items, (i) => h('span', { text: items[i] ?? '' }));
  const input = /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder: 'Add a pain point...' }));
  const add = () => {
    if (!input.value.trim()) return;
    items.push(input.value.trim());
    input.value = '';
    list.draw();
  };
  input.addEventListener('keypress', (e) => e.key === 'Enter' && (e.preventDefault(), add()));
  const el = h('div', { class: 'field' }, h('label', { text: 'Customer Pain Points' }), h('div', { class: 'inline-row' }, input, h('button', { type: 'button', class: 'btn btn-secondary', text: 'Add', onclick: add })));
  list.mount(el);
  return { el, values: () => [...items] };
}

/** @param {string[]} initial */
export function questionsField(initial) {
  const items = [...initial];
  const list = removableList(items, (i) => renderQuestion(items[i] ?? ''));
  const question = /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder: 'Question: What do customers ask?' }));
  const answer = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 2, placeholder: 'Answer: Your response to this question...' }));
  const add = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-secondary', text: 'Add', disabled: true }));
  question.addEventListener('input', () => (add.disabled = !question.value.trim()));
  add.addEventListener('click', () => {
    if (!question.value.trim()) return;
    items.push(answer.value.trim() ? `Q: ${question.value.trim()} | A: ${answer.value.trim()}` : question.value.trim());
    question.value = '';
    answer.value = '';
    add.disabled = true;
    list.draw();
  });
  const el = h('div', { class: 'field' }, h('label', { text: 'Common Customer Questions & Answers' }), question, h('div', { class: 'inline-row' }, answer, add));
  list.mount(el);
  return { el, values: () => [...items] };
}

/** "Q: question | A: answer" as the real list shows it. */
function renderQuestion(/** @type {string} */ q) {
  const hasFormat = q.includes('Q:') && q.includes('A:');
  const parts = hasFormat ? q.split('|').map((p) => p.trim()) : [q];
  const question = parts[0]?.replace('Q:', '').trim() || q;
  const answer = parts[1]?.replace('A:', '').trim();
  return h('div', { class: 'qa-item' }, h('div', null, h('span', { class: 'strong', text: 'Q:' }), ` ${question}`), answer ? h('div', null, h('span', { class: 'strong', text: 'A:' }), ` ${answer}`) : null);
}
