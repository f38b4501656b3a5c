/** The 15 post templates of the real wizard (contract §4 step 3), ids "1".."15". */
export const TEMPLATES = [
  ['Problem Recognition', 'Name a pain your audience feels but rarely says out loud.'],
  ['Statistic + Insight', 'Lead with a number, then explain what it means for the reader.'],
  ['Contrarian Take', 'Challenge a common belief in your industry.'],
  ['What Changed', 'Show how something in the market shifted and why it matters.'],
  ['Question Post', 'Ask the audience a question that starts a conversation.'],
  ['Personal Story', 'A short story with a lesson your clients can use.'],
  ['Myth Busting', 'Correct a misconception with evidence.'],
  ['Things I Got Wrong', 'Admit a mistake and what it taught you.'],
  ['How-To', 'Step-by-step advice the reader can apply today.'],
  ['Comparison', 'Two approaches side by side, and when each wins.'],
  ['What I Learned From', 'Lessons from a person, project or event.'],
  ['Inside Look', 'Behind the scenes of how the work gets done.'],
  ['Future Thinking', 'Where the field is heading and how to prepare.'],
  ['Reader Q Response', 'Answer a question a customer actually asked.'],
  ['Milestone', 'Celebrate progress and thank the people behind it.'],
].map(([name, description], i) => ({ id: String(i + 1), name: /** @type {string} */ (name), description: /** @type {string} */ (description) }));
