/**
 * A custom select that behaves like the Radix Select the real dashboard uses (`components/ui/Select.tsx`,
 * position "popper"): a `button[role=combobox]` showing the value or the placeholder, opening (mouse
 * press, or Enter/Space/ArrowUp/ArrowDown) a `[role=listbox]` of `[role=option]` items portalled to the
 * end of <body>. While open, the rest of the page is hidden from assistive technology (aria-hidden)
 * and takes no pointer events, as with Radix: close it (pick an option, Escape, or press outside)
 * before using anything else. Radix throws on an item whose value is the empty string, and so does this.
 */
import { h } from './dom.js';
import { openContent, printable, typeahead } from './select-content.js';

/** Radix's own message for an empty item value (the real wizard's client list has one). */
const EMPTY_ITEM_ERROR =
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
  const search = typeahead();
  trigger.addEventListener('keydown', (e) => {
    // Typing on the closed trigger picks the next matching item without opening (Radix's typeahead).
    if (printable(e) && e.key !== ' ') {
      const prefix = search(e.key);
      const hit = options.find((o) => o.value !== value && o.label.toLowerCase().startsWith(prefix));
      if (hit) choose(hit.value);
      return;
    }
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
