/**
 * The "Client Profile" panel (contract §4 step 1). Inputs have NO label association on purpose: the real
 * panel's labels are plain text, so checks must use the placeholders.
 */
import { h, replaceChildren } from '../lib/dom.js';

export const TONES = ['professional', 'conversational', 'authoritative', 'friendly', 'innovative', 'educational'];
export const PLATFORMS = [['LinkedIn', 'linkedin'], ['Twitter', 'twitter'], ['Blog', 'blog'], ['Email', 'email'], ['Generic', 'generic']];

/**
 * @typedef {object} Profile
 * @property {string} name
 * @property {string} businessDescription
 * @property {string} idealCustomer
 * @property {string} mainProblemSolved
 * @property {string} tone
 * @property {string[]} platforms
 * @property {string[]} painPoints
 * @property {Array<{question: string, answer: string}>} questions
 */

/** zod-like validation with the real messages. @param {Profile} p @returns {Record<string, string>} */
export function validateProfile(p) {
  /** @type {Record<string, string>} */
  const errors = {};
  if (!p.name.trim()) errors.name = 'Company name is required';
  if (p.businessDescription.trim().length < 70) errors.businessDescription = 'Business description must be at least 70 characters (required for research tools)';
  if (p.idealCustomer.trim().length < 20) errors.idealCustomer = 'Target audience description must be at least 20 characters (required for research tools)';
  return errors;
}

/** A text field with an unassociated label, a counter and an error slot. */
function textField(/** @type {string} */ label, /** @type {HTMLInputElement | HTMLTextAreaElement} */ input, /** @type {string | null} */ counterOf) {
  const counter = counterOf === null ? null : h('span', { class: 'counter', text: `0${counterOf}` });
  const error = h('p', { class: 'field-error', hidden: true });
  input.addEventListener('input', () => counter && (counter.textContent = `${input.value.length}${counterOf}`));
  return { el: h('div', { class: 'field' }, h('div', { class: 'label-row' }, h('span', { class: 'label', text: label }), counter), input, error), error };
}

/**
 * Builds the panel. `onSave(profile, button)` runs after validation passes.
 * @param {(profile: Profile, button: HTMLButtonElement) => void} onSave
 */
export function profileForm(onSave) {
  const name = /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder: 'Acme Corp' }));
  const desc = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 3, placeholder: 'We provide cloud-based project management software for small teams...' }));
  const audience = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 2, placeholder: 'Small business owners with 5-20 employees who struggle with team coordination...' }));
  const problem = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 2, placeholder: 'We eliminate the chaos of scattered communication and missed deadlines...' }));
  const tone = /** @type {HTMLSelectElement} */ (h('select', { value: 'professional' }, TONES.map((t) => h('option', { value: t, text: t[0]?.toUpperCase() + t.slice(1) }))));
  const fields = {
    name: textField('Company Name', name, null),
    businessDescription: textField('Business Description *', desc, '/70 characters'),
    idealCustomer: textField('Target Audience *', audience, '/20'),
    mainProblemSolved: textField('Main Problem Solved', problem, '/30'),
  };

  /** @type {Set<string>} */
  const platforms = new Set();
  const platformButtons = PLATFORMS.map(([label, value]) => {
    const b = h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false', text: label });
    b.addEventListener('click', () => {
      if (platforms.has(value)) platforms.delete(value);
      else platforms.add(value);
      b.setAttribute('aria-pressed', String(platforms.has(value)));
    });
    return b;
  });

  /** @type {string[]} */
  const painPoints = [];
  const painList = h('ul', { class: 'chips' });
  const painInput = /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder: 'Add a pain point...' }));
  const addPain = () => {
    const v = painInput.value.trim();
    if (!v) return;
    painPoints.push(v);
    painInput.value = '';
    replaceChildren(painList, painPoints.map((p) => h('li', { class: 'chip', text: p })));
  };
  painInput.addEventListener('keydown', (e) => e.key === 'Enter' && (e.preventDefault(), addPain()));

  /** @type {Array<{question: string, answer: string}>} */
  const questions = [];
  const qaList = h('ul', { class: 'qa-list' });
  const qInput = /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder: 'Question: What do customers ask?' }));
  const aInput = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 2, placeholder: 'Answer: Your response to this question...' }));
  const addQa = () => {
    if (!qInput.value.trim() || !aInput.value.trim()) return;
    questions.push({ question: qInput.value.trim(), answer: aInput.value.trim() });
    qInput.value = '';
    aInput.value = '';
    replaceChildren(qaList, questions.map((q) => h('li', null, h('strong', { text: q.question }), ' — ', q.answer)));
  };

  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Save Profile' }));
  save.addEventListener('click', () => {
    /** @type {Profile} */
    const profile = { name: name.value.trim(), businessDescription: desc.value.trim(), idealCustomer: audience.value.trim(), mainProblemSolved: problem.value.trim(), tone: tone.value, platforms: [...platforms], painPoints: [...painPoints], questions: [...questions] };
    const errors = validateProfile(profile);
    for (const [key, f] of Object.entries(fields)) {
      const msg = errors[key];
      f.error.textContent = msg ?? '';
      f.error.hidden = !msg;
    }
    if (Object.keys(errors).length === 0) onSave(profile, save);
  });

  return h(
    'section',
    { class: 'card' },
    h('h2', { class: 'card-title', text: 'Client Profile' }),
    fields.name.el,
    fields.businessDescription.el,
    fields.idealCustomer.el,
    fields.mainProblemSolved.el,
    h('div', { class: 'field' }, h('span', { class: 'label', text: 'Tone Preference' }), tone),
    h('div', { class: 'field' }, h('span', { class: 'label', text: 'Platforms' }), h('div', { class: 'toggle-row' }, platformButtons)),
    h('div', { class: 'field' }, h('span', { class: 'label', text: 'Customer Pain Points' }), h('div', { class: 'inline-row' }, painInput, h('button', { type: 'button', class: 'btn btn-secondary', text: 'Add', onclick: addPain })), painList),
    h('div', { class: 'field' }, h('span', { class: 'label', text: 'Customer Questions' }), qInput, aInput, h('div', { class: 'inline-row' }, h('button', { type: 'button', class: 'btn btn-secondary', text: 'Add', onclick: addQa })), qaList),
    h('div', { class: 'actions-row' }, save),
  );
}
