/**
 * The ClientProfilePanel (contract §4 step 1, the real `components/wizard/ClientProfilePanel.tsx`).
 * Its labels are plain `<label>`s tied to nothing, as in the real panel: checks must use placeholders.
 * Validation messages show under the fields (the intended behaviour; the real panel's zod 4 error
 * handling misses them and alerts "Failed to save profile. Please try again." instead).
 */
import { h } from '../lib/dom.js';
import { briefImportSection } from './brief-import.js';
import { painPointsField, questionsField } from './profile-lists.js';

const TONES = ['professional', 'conversational', 'authoritative', 'friendly', 'innovative', 'educational'];
const PLATFORMS = [['LinkedIn', 'linkedin'], ['Twitter', 'twitter'], ['Blog', 'blog'], ['Email', 'email'], ['Generic', 'generic']];

/**
 * @typedef {object} Profile
 * @property {string} companyName
 * @property {string} businessDescription
 * @property {string} idealCustomer
 * @property {string} mainProblemSolved
 * @property {string} tonePreference
 * @property {string[]} platforms
 * @property {string[]} customerPainPoints
 * @property {string[]} customerQuestions "Q: … | A: …" or just the question
 */

/** The real ClientBriefSchema's rules and messages (on the raw text, not trimmed). @param {Profile} p */
function validateProfile(p) {
  /** @type {Record<string, string>} */
  const errors = {};
  if (p.companyName.length < 1) errors.companyName = 'Company name is required';
  if (p.businessDescription.length < 70) errors.businessDescription = 'Business description must be at least 70 characters (required for research tools)';
  if (p.idealCustomer.length < 20) errors.idealCustomer = 'Target audience description must be at least 20 characters (required for research tools)';
  return errors;
}

/**
 * A field: an unassociated label (with a live "N/M characters" counter when `min` is set), the control,
 * an error line and an optional hint.
 * @param {string} label @param {HTMLInputElement | HTMLTextAreaElement} input @param {number | null} min @param {string | null} hint
 */
function field(label, input, min, hint) {
  const counter = min === null ? null : h('span', { class: 'counter' });
  const count = () => counter && (counter.textContent = `${input.value.length}/${min} characters`);
  input.addEventListener('input', count);
  count();
  const error = h('p', { class: 'field-error', hidden: true });
  const el = h('div', { class: 'field' }, h('label', { class: 'label-row' }, h('span', null, label), counter), input, error, hint ? h('p', { class: 'muted small', text: hint }) : null);
  return { el, error, count };
}

/** "Platforms": toggle buttons with lowercase values (no pressed state, like the real ones). */
function platformsField(/** @type {string[]} */ initial) {
  const chosen = new Set(initial);
  const buttons = PLATFORMS.map(([label, value]) => {
    const b = h('button', { type: 'button', class: `toggle${chosen.has(value) ? ' toggle-on' : ''}`, text: label });
    b.addEventListener('click', () => {
      if (chosen.has(value)) chosen.delete(value);
      else chosen.add(value);
      b.classList.toggle('toggle-on', chosen.has(value));
    });
    return b;
  });
  return { el: h('div', { class: 'field' }, h('label', { text: 'Platforms' }), h('div', { class: 'toggle-row' }, buttons)), values: () => [...chosen] };
}

/**
 * Builds the panel, pre-filled from `initial`. `onSave(profile, setSubmitting)` runs after validation.
 * @param {Partial<Profile> | null} initial
 * @param {(profile: Profile, setSubmitting: (busy: boolean) => void) => void} onSave
 */
export function profileForm(initial, onSave) {
  const text = (/** @type {string} */ placeholder, /** @type {string | undefined} */ value) => /** @type {HTMLInputElement} */ (h('input', { type: 'text', placeholder, value: value ?? '' }));
  const area = (/** @type {string} */ placeholder, /** @type {number} */ rows, /** @type {string | undefined} */ value) => /** @type {HTMLTextAreaElement} */ (h('textarea', { rows, placeholder, value: value ?? '' }));
  const fields = {
    companyName: field('Company Name', text('Acme Corp', initial?.companyName), null, null),
    businessDescription: field('Business Description *', area('We provide cloud-based project management software for small teams...', 4, initial?.businessDescription), 70, 'Required for research tools. Describe what your business does and what makes it unique.'),
    idealCustomer: field('Target Audience *', area('Small business owners with 5-20 employees who struggle with team coordination...', 3, initial?.idealCustomer), 20, 'Required for research tools. Who is your ideal customer or target audience?'),
    mainProblemSolved: field('Main Problem Solved', area('We eliminate the chaos of scattered communication and missed deadlines...', 3, initial?.mainProblemSolved), 30, null),
  };
  const inputOf = (/** @type {keyof typeof fields} */ k) => /** @type {HTMLInputElement} */ (fields[k].el.querySelector('input, textarea'));
  const tone = /** @type {HTMLSelectElement} */ (h('select', { value: initial?.tonePreference || 'professional' }, TONES.map((t) => h('option', { value: t, text: t[0]?.toUpperCase() + t.slice(1) }))));

  const platforms = platformsField(initial?.platforms ?? []);
  const pains = painPointsField(initial?.customerPainPoints ?? []);
  const qa = questionsField(initial?.customerQuestions ?? []);

  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', text: 'Save Profile' }));
  const setSubmitting = (/** @type {boolean} */ busy) => {
    save.disabled = busy;
    save.textContent = busy ? 'Saving...' : 'Save Profile';
  };
  save.addEventListener('click', () => {
    /** @type {Profile} */
    const profile = {
      companyName: inputOf('companyName').value,
      businessDescription: inputOf('businessDescription').value,
      idealCustomer: inputOf('idealCustomer').value,
      mainProblemSolved: inputOf('mainProblemSolved').value,
      tonePreference: tone.value,
      platforms: platforms.values(),
      customerPainPoints: pains.values(),
      customerQuestions: qa.values(),
    };
    const errors = validateProfile(profile);
    for (const [key, f] of Object.entries(fields)) {
      f.error.textContent = errors[key] ?? '';
      f.error.hidden = !errors[key];
    }
    if (Object.keys(errors).length === 0) onSave(profile, setSubmitting);
  });

  return h(
    'div',
    { class: 'card' },
    h('h3', { class: 'card-title', text: 'Client Profile' }),
    h('p', { class: 'muted', text: 'Gather essential information about the client, their business, and their target audience.' }),
    briefImportSection(),
    fields.companyName.el,
    fields.businessDescription.el,
    fields.idealCustomer.el,
    fields.mainProblemSolved.el,
    h('div', { class: 'field' }, h('label', { text: 'Tone Preference' }), tone),
    platforms.el,
    pains.el,
    qa.el,
    h('div', { class: 'actions-row' }, save),
  );
}

