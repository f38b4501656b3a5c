/**
 * The AI Assistant sidebar every dashboard page carries (the real `AIAssistantSidebar.tsx`): a toggle
 * button and a panel kept in the page while closed (off-screen), so role queries meet the same extra
 * heading, buttons and textbox as on the real dashboard. The simulator has no assistant API: a sent
 * message gets a canned answer, without a request.
 */
import { h, replaceChildren } from '../lib/dom.js';

/** "wizard" -> "Wizard Page", "content-review" -> "Content Review Page" (the real label). */
function pageLabel() {
  const p = location.pathname;
  const names = ['wizard', 'projects', 'clients', 'content-review', 'deliverables', 'settings'];
  const page = names.find((n) => p.includes(`/${n}`)) ?? 'overview';
  return `${page.replace('-', ' ').replace(/\b\w/g, (l) => l.toUpperCase())} Page`;
}

export function assistantSidebar() {
  const label = h('p', { class: 'small', text: pageLabel() });
  const greeting = h('p', { class: 'muted', text: "Hi! I'm your AI assistant. How can I help you today?" });
  const messages = h('div', { class: 'assistant-messages' }, greeting);
  const input = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 2, placeholder: 'Ask me anything...' }));
  const send = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', disabled: true }, h('span', { 'aria-hidden': 'true', text: '➤' })));
  const panel = h(
    'div',
    { class: 'assistant-panel' },
    h(
      'div',
      { class: 'assistant-head' },
      h('h2', { text: 'AI Assistant' }),
      h('button', { type: 'button', class: 'icon-button', title: 'Reset conversation', onclick: () => replaceChildren(messages, greeting) }, h('span', { 'aria-hidden': 'true', text: '↺' })),
      h('button', { type: 'button', class: 'icon-button', onclick: () => toggle(false) }, h('span', { 'aria-hidden': 'true', text: '×' })),
    ),
    label,
    messages,
    h('div', { class: 'inline-row' }, input, send),
    h('p', { class: 'muted small', text: 'Press Enter to send • Shift+Enter for new line' }),
  );
  const sendMessage = () => {
    const text = input.value.trim();
    if (!text) return;
    greeting.remove();
    messages.append(h('p', { class: 'assistant-user', text }), h('p', { class: 'assistant-reply', text: 'The AI assistant is not available in the simulator.' }));
    input.value = '';
    send.disabled = true;
  };
  input.addEventListener('input', () => (send.disabled = !input.value.trim()));
  input.addEventListener('keypress', (e) => e.key === 'Enter' && !e.shiftKey && (e.preventDefault(), sendMessage()));
  send.addEventListener('click', sendMessage);
  const toggle = (/** @type {boolean} */ open) => panel.classList.toggle('assistant-open', open);
  const button = h('button', { type: 'button', class: 'assistant-toggle', 'aria-label': 'Toggle AI Assistant', onclick: () => toggle(!panel.classList.contains('assistant-open')) }, h('span', { 'aria-hidden': 'true', text: '✦' }));
  const onRoute = () => (label.isConnected ? (label.textContent = pageLabel()) : document.removeEventListener('route-changed', onRoute));
  document.addEventListener('route-changed', onRoute);
  return [button, panel];
}
