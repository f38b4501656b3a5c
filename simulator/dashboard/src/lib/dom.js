/**
 * Tiny DOM helpers: the dashboard has no framework, so components are functions that build elements
 * and keep references to the few nodes they update later.
 */

/**
 * Creates an element.
 * @param {string} tag
 * @param {Record<string, unknown> | null} [props] `class`, `text`, `on<Event>` handlers, `dataset`,
 *   DOM properties (`value`, `checked`, `disabled`, `type`, …) or plain attributes (`aria-*`, `for`, …).
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false || key === 'value') continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key in el && !key.includes('-')) /** @type {any} */ (el)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  // A <select>'s value only sticks once its options exist.
  if (props && props.value !== undefined && props.value !== null) /** @type {any} */ (el).value = props.value;
  return el;
}

/**
 * Appends children, skipping empty ones and flattening arrays.
 * @param {Element} parent
 * @param {Array<unknown>} children
 */
function append(parent, children) {
  for (const child of children.flat(2)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces every child of `parent`.
 * @param {Element} parent
 * @param {...unknown} children
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/** Sets a button's text and busy state in one place (labels like "Saving..." are asserted by checks). */
export function setBusy(/** @type {HTMLButtonElement} */ button, /** @type {boolean} */ busy, /** @type {string} */ idle, /** @type {string} */ working) {
  button.disabled = busy;
  button.textContent = busy ? working : idle;
}
