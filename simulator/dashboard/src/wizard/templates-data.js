/** The 15 post templates of the real wizard (contract §4 step 3, `TemplateQuantitySelector.tsx`), ids "1".."15". */
const SPEED = { fast: '⚡ Fast (5 min)', medium: '⏱️ Medium (7-8 min)', slow: '🕐 Slow (10 min)' };

export const TEMPLATES = [
  ['Problem Recognition', 'Hook problem → Validate feeling → Hint at solution', 'Building awareness, getting engagement', 'fast'],
  ['Statistic + Insight', 'Stat → What it means → Unexpected angle', 'Credibility, thought leadership', 'fast'],
  ['Contrarian Take', 'Challenge conventional wisdom → Show why → Give nuance', 'Differentiation, starting conversations', 'medium'],
  ['What Changed', 'Old way → What changed → New results', 'Authority, sharing lessons', 'medium'],
  ['Question Post', 'Thought-provoking question with context', 'Engagement magnet', 'fast'],
  ['Personal Story', 'Vulnerable narrative with lesson learned', 'Connection, vulnerability', 'slow'],
  ['Myth Busting', 'Common belief → Why it is wrong → What is true', 'Education, correction', 'medium'],
  ['Things I Got Wrong', 'Past mistakes and lessons learned', 'Credibility, humility', 'slow'],
  ['How-To', 'Step-by-step actionable guide', 'Actionable value', 'fast'],
  ['Comparison', 'Option A vs Option B breakdown', 'Decision-making', 'fast'],
  ['What I Learned From', 'Lessons from books, events, or experiences', 'Cultural relevance', 'medium'],
  ['Inside Look', 'Behind-the-scenes process reveal', 'Transparency, trust', 'slow'],
  ['Future Thinking', 'Predictions and forward-looking insights', 'Thought leadership', 'medium'],
  ['Reader Q Response', 'Answer common customer questions', 'Community building', 'medium'],
  ['Milestone', 'Celebrate achievements and progress', 'Celebration', 'slow'],
].map(([name, description, bestFor, speed], i) => ({ id: String(i + 1), name: String(name), description: String(description), bestFor: String(bestFor), speed: SPEED[/** @type {keyof typeof SPEED} */ (speed)] }));
