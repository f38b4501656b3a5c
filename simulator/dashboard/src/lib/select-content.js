/** The open part of `select.js`: the portalled listbox, its keyboard and pointer handling. */
import { h } from './dom.js';

/** Radix's typeahead: keys typed within a second add up to one prefix. Returns `key -> prefix`. */
export function typeahead() {
  let typed = '';
  let at = 0;
  return (/** @type {string} */ key) => {
    typed = Date.now() - at > 1000 ? key : typed + key;
    at = Date.now();
    return typed.toLowerCase();
  };
}

export const printable = (/** @type {KeyboardEvent} */ e) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;

/**
 * The open listbox: positioned under the trigger, focus on the selected (or first) option, arrow keys,
 * Home/End, typeahead, Enter/Space or a click to pick, Escape or a press outside to close.
 * @param {string} id @param {HTMLButtonElement} trigger @param {import('./select.js').SelectOption[]} options @param {string} value
 * @param {(v: string) => void} choose @param {() => void} onClosed
 */
export function openContent(id, trigger, options, value, choose, onClosed) {
  const items = options.map((o, i) =>
    h('div', { role: 'option', class: 'select-item', tabindex: '-1', 'aria-labelledby': `${id}-item-${i}`, 'aria-selected': 'false', 'data-state': o.value === value ? 'checked' : 'unchecked', dataset: { value: o.value } }, h('span', { class: 'select-check', 'aria-hidden': 'true', text: o.value === value ? '✓' : '' }), h('span', { id: `${id}-item-${i}`, text: o.label })),
  );
  const listbox = h('div', { role: 'listbox', id, class: 'select-content', tabindex: '-1', 'data-state': 'open' }, items);
  const rect = trigger.getBoundingClientRect();
  const wrapper = h('div', { class: 'select-popper', style: `position: fixed; left: ${rect.left}px; top: ${rect.bottom + 4}px; min-width: ${rect.width}px; z-index: 50; pointer-events: auto;` }, listbox);
  const hidden = [...document.body.children].filter((el) => el.getAttribute('aria-hidden') !== 'true');
  for (const el of hidden) el.setAttribute('aria-hidden', 'true');
  document.body.append(wrapper);
  const bodyPointer = document.body.style.pointerEvents;
  document.body.style.pointerEvents = 'none';
  trigger.setAttribute('aria-expanded', 'true');
  trigger.setAttribute('data-state', 'open');

  const focusAt = (/** @type {number} */ i) => items[Math.max(0, Math.min(items.length - 1, i))]?.focus();
  const current = () => items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
  const search = typeahead();
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    const i = current();
    if (e.key === 'ArrowDown') focusAt(i + 1);
    else if (e.key === 'ArrowUp') focusAt(i < 0 ? items.length - 1 : i - 1);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(items.length - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && i >= 0) choose(options[i]?.value ?? '');
    else if (e.key === 'Escape') (close(), trigger.focus());
    else if (printable(e)) {
      const prefix = search(e.key);
      const hit = options.findIndex((o) => o.label.toLowerCase().startsWith(prefix));
      if (hit >= 0) focusAt(hit);
    } else if (e.key !== 'Tab') return;
    e.preventDefault();
  };
  const onOutside = (/** @type {PointerEvent} */ e) => {
    if (!wrapper.contains(/** @type {Node} */ (e.target))) close();
  };
  listbox.addEventListener('keydown', onKey);
  items.forEach((item, i) => {
    const pick = () => choose(options[i]?.value ?? '');
    // A mouse picks on release (press, slide, release works), touch and pen on click, like Radix.
    item.addEventListener('pointerup', (e) => e.pointerType === 'mouse' && pick());
    item.addEventListener('click', (e) => /** @type {PointerEvent} */ (e).pointerType !== 'mouse' && pick());
    item.addEventListener('pointermove', (e) => e.pointerType === 'mouse' && item.focus());
    // Radix marks an item selected only while it is both the value and focused.
    item.addEventListener('focus', () => (item.setAttribute('aria-selected', String(options[i]?.value === value)), item.setAttribute('data-highlighted', '')));
    item.addEventListener('blur', () => (item.setAttribute('aria-selected', 'false'), item.removeAttribute('data-highlighted')));
  });
  // After the press that opened it: that one is not "outside".
  const arm = setTimeout(() => document.addEventListener('pointerdown', onOutside, true), 0);

  function close() {
    clearTimeout(arm);
    document.removeEventListener('pointerdown', onOutside, true);
    wrapper.remove();
    for (const el of hidden) el.removeAttribute('aria-hidden');
    document.body.style.pointerEvents = bodyPointer;
    trigger.setAttribute('aria-expanded', 'false');
    trigger.setAttribute('data-state', 'closed');
    onClosed();
  }
  const selected = options.findIndex((o) => o.value === value);
  focusAt(selected >= 0 ? selected : 0);
  if (items.length === 0) listbox.focus();
  return { close };
}
