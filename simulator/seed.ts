import { newId, now, type Client, type Store, type User } from './store.ts';

/** A client with a complete profile (what the wizard's new-client path saves), owned by `owner`. */
export function seedClient(store: Store, owner: User, name: string): Client {
  const client: Client = {
    id: newId('client'),
    user_id: owner.id,
    name,
    email: null,
    business_description: 'We provide cloud-based project management software for small teams that want calm, predictable weeks.',
    ideal_customer: 'Small business owners with 5-20 employees who struggle with team coordination',
    main_problem_solved: 'Scattered communication and missed deadlines',
    tone_preference: 'professional',
    platforms: ['linkedin'],
    customer_pain_points: ['too many status meetings'],
    customer_questions: [],
    created_at: now(),
  };
  store.clients.set(client.id, client);
  return client;
}
