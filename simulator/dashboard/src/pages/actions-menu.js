/**
 * The real QuickActionsDropdown: a "More actions" button (named by its title) that opens a menu of plain
 * buttons; a press outside closes it, as does choosing an action.
 */
import { h } from '../lib/dom.js';

/** @param {Array<[string, () => void]>} actions */
export function actionsMenu(actions) {
  const menu = h('div', { class: 'actions-menu' });
  const box = h('div', { class: 'actions-box' });
  const close = () => {
    menu.remove();
    document.removeEventListener('mousedown', outside);
  };
  const outside = (/** @type {MouseEvent} */ e) => !box.contains(/** @type {Node} */ (e.target)) && close();
  for (const [label, run] of actions) {
    menu.append(h('button', { type: 'button', class: 'menu-item', text: label, onclick: (/** @type {Event} */ e) => (e.stopPropagation(), run(), close()) }));
  }
  const trigger = h('button', { type: 'button', class: 'icon-button', title: 'More actions' }, h('span', { 'aria-hidden': 'true', text: '⋮' }));
  trigger.addEventListener('click', (e) => {
    e.stopPropagation();
    if (menu.isConnected) return close();
    box.append(menu);
    document.addEventListener('mousedown', outside);
  });
  box.append(trigger);
  return box;
}
