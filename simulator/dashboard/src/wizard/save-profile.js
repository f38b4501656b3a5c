/**
 * "Save Profile" as the real handleSaveProfile does it: create (new) or update (existing) the client,
 * then create the project with what the wizard holds so far. Every failure alerts with the real wording.
 */
import { api, responseDetail } from '../lib/api.js';
import { PRICE_PER_POST, RESEARCH_PER_POST } from './store.js';

/** Snake_case client fields from a profile (the real clientsApi converts them). @param {import('./profile-form.js').Profile} p */
function clientBody(p) {
  return {
    name: p.companyName,
    business_description: p.businessDescription,
    ideal_customer: p.idealCustomer,
    main_problem_solved: p.mainProblemSolved,
    tone_preference: p.tonePreference,
    platforms: p.platforms,
    customer_pain_points: p.customerPainPoints,
    customer_questions: p.customerQuestions,
  };
}

/**
 * Resolves true on success (the caller moves on to Research).
 * @param {import('./wizard.js').WizardContext} ctx @param {import('./profile-form.js').Profile} brief @param {() => Promise<any[]>} reload
 */
export async function saveProfile(ctx, brief, reload) {
  const { store } = ctx;
  let clientId = store.state.clientId;
  if (store.state.creatingNewClient) {
    try {
      const client = await api('POST', '/api/clients/', { body: clientBody(brief) });
      clientId = client.id;
      store.set({ clientId });
      reload().catch(() => {});
    } catch (err) {
      console.error('❌ Client creation failed:', err);
      alert(`Failed to create client: ${responseDetail(err)}\n\nPlease check the console for details and try again.`);
      return false;
    }
  } else if (!clientId) {
    alert('Please select an existing client or create a new one.');
    return false;
  } else {
    try {
      await api('PATCH', `/api/clients/${encodeURIComponent(clientId)}`, { body: clientBody(brief) });
    } catch (err) {
      console.error('❌ Client update failed:', err);
      alert(`Failed to update client: ${responseDetail(err)}\n\nPlease check the console for details and try again.`);
      return false;
    }
  }
  const s = store.state;
  const research = s.includeResearch;
  const body = {
    name: `${brief.companyName} - Content Project`,
    client_id: clientId,
    templates: [],
    template_quantities: s.quantities,
    price_per_post: PRICE_PER_POST + (research ? RESEARCH_PER_POST : 0),
    research_price_per_post: research ? RESEARCH_PER_POST : 0,
    total_price: s.totalPrice,
    platforms: brief.platforms,
    tone: brief.tonePreference,
  };
  try {
    const project = await api('POST', '/api/projects/', { body });
    if (!ctx.alive()) return false;
    ctx.projectCreated(project.id);
  } catch (err) {
    console.error('❌ Project creation failed:', err);
    alert(`Client saved successfully, but project creation failed: ${responseDetail(err)}\n\nThe client has been saved. You can try creating the project again from the client detail page.`);
    return false;
  }
  store.set({ clientBrief: brief });
  return true;
}
