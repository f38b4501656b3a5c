/**
 * A custom select that behaves like the Radix Select the real dashboard uses (`components/ui/Select.tsx`,
 * position "popper"): a `button[role=combobox]` showing the value or the placeholder, opening (mouse
 * press, or Enter/Space/ArrowUp/ArrowDown) a `[role=listbox]` of `[role=option]` items portalled to the
 * end of <body>. While open, the rest of the page is hidden from assistive technology (aria-hidden)
 * and takes no pointer events, as with Radix: close it (pick an option, Escape, or press outside)
 * before using anything else. Radix throws on an item whose value is the empty string, and so does this.
 */
import { h } from './dom.js';

/** Radix's own message for an empty item value (the real wizard's client list has one). */
export const EMPTY_ITEM_ERROR =
  'A <Select.Item /> must have a value prop that is not an empty string. This is because the Select value can be set to an empty string to clear the selection and show the placeholder.';

let ids = 0;

/**
 * @typedef {{ value: string, label: string }} SelectOption
 * @param {{ placeholder: string, options: SelectOption[], value?: string, onValueChange: (value: string) => void }} props
 */
export function createSelect(props) {
  const id = `select-content-${++ids}`;
  /** @type {SelectOption[]} */
  let options = [];
  let value = props.value ?? '';
  const text = h('span', { class: 'select-value' });
  const trigger = /** @type {HTMLButtonElement} */ (
    h('button', { type: 'button', role: 'combobox', class: 'select-trigger', 'aria-controls': id, 'aria-expanded': 'false', 'aria-autocomplete': 'none', 'data-state': 'closed' }, text, h('span', { class: 'select-icon', 'aria-hidden': 'true', text: '▾' }))
  );
  /** @type {{ close: () => void } | null} */
  let open = null;

  const paint = () => {
    const chosen = options.find((o) => o.value === value);
    text.textContent = chosen ? chosen.label : props.placeholder;
    if (chosen) trigger.removeAttribute('data-placeholder');
    else trigger.setAttribute('data-placeholder', '');
  };
  const choose = (/** @type {string} */ v) => {
    open?.close();
    trigger.focus();
    if (v === value) return;
    value = v;
    paint();
    props.onValueChange(v);
  };
  const show = () => {
    if (!open && !trigger.disabled) open = openContent(id, trigger, options, value, choose, () => (open = null));
  };

  trigger.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || e.pointerType !== 'mouse') return;
    e.preventDefault(); // keeps focus where Radix keeps it: the content takes it
    show();
  });
  trigger.addEventListener('click', (e) => {
    // Touch, pen and synthetic clicks (mouse presses already opened it on pointerdown).
    if (/** @type {PointerEvent} */ (e).pointerType !== 'mouse') show();
  });
  trigger.addEventListener('keydown', (e) => {
    if (![' ', 'Enter', 'ArrowDown', 'ArrowUp'].includes(e.key)) return;
    e.preventDefault();
    show();
  });

  /** @param {SelectOption[]} next */
  const setOptions = (next) => {
    if (next.some((o) => o.value === '')) throw new Error(EMPTY_ITEM_ERROR);
    options = next;
    paint();
  };
  setOptions(props.options);
  return { el: trigger, setOptions, value: () => value };
}

/**
 * The open listbox: positioned under the trigger, focus on the selected (or first) option, arrow keys,
 * Home/End, typeahead, Enter/Space or a click to pick, Escape or a press outside to close.
 * @param {string} id @param {HTMLButtonElement} trigger @param {SelectOption[]} options @param {string} value
 * @param {(v: string) => void} choose @param {() => void} onClosed
 */
function openContent(id, trigger, options, value, choose, onClosed) {
  const items = options.map((o) =>
    h('div', { role: 'option', class: 'select-item', tabindex: '-1', 'aria-selected': String(o.value === value), 'data-state': o.value === value ? 'checked' : 'unchecked', dataset: { value: o.value } }, h('span', { class: 'select-check', 'aria-hidden': 'true', text: o.value === value ? '✓' : '' }), h('span', { text: o.label })),
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
  let typed = '';
  let typedAt = 0;
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    const i = current();
    if (e.key === 'ArrowDown') focusAt(i + 1);
    else if (e.key === 'ArrowUp') focusAt(i < 0 ? items.length - 1 : i - 1);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(items.length - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && i >= 0) choose(options[i]?.value ?? '');
    else if (e.key === 'Escape') (close(), trigger.focus());
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      typed = Date.now() - typedAt > 1000 ? e.key : typed + e.key;
      typedAt = Date.now();
      const hit = options.findIndex((o) => o.label.toLowerCase().startsWith(typed.toLowerCase()));
      if (hit >= 0) focusAt(hit);
    } else if (e.key !== 'Tab') return;
    e.preventDefault();
  };
  const onOutside = (/** @type {PointerEvent} */ e) => {
    if (!wrapper.contains(/** @type {Node} */ (e.target))) close();
  };
  listbox.addEventListener('keydown', onKey);
  items.forEach((item, i) => {
    item.addEventListener('click', () => choose(options[i]?.value ?? ''));
    item.addEventListener('pointermove', () => item.focus());
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
