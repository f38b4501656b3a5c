import { Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Client, Post, Project } from './store.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DeliverableInput {
  client: Client | undefined;
  project: Project;
  posts: readonly Post[];
  generatedAt: Date;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (d: Date): string => `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')}, ${d.getUTCFullYear()}`;

const para = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph => new Paragraph({ text, heading: level });
const bullet = (text: string): Paragraph => new Paragraph({ text, bullet: { level: 0 } });

function profileTable(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: k, bold: true })] })] }), new TableCell({ children: [para(v)] })],
        }),
    ),
  });
}

/** The metadata line under each post, as the CLI's python-docx generator writes it. */
const metadataLine = (p: Post): string =>
  `Template: ${p.template_name} | Platform: ${p.target_platform} | Words: ${p.word_count} | Has CTA: ${p.has_cta ? 'Yes' : 'No'}`;

/**
 * A real DOCX with the structure of the CLI deliverable (contract §7): cover, "About This Content Package",
 * "Your N Posts" with one "Post N: <template>" section per post, and appendices A–C.
 * Returns the file and a plain-text rendering (for the details preview).
 */
export async function buildDeliverableDocx(input: DeliverableInput): Promise<{ file: Buffer; text: string }> {
  const { client, project, posts } = input;
  const company = client?.name ?? project.name;
  const lines: string[] = [];
  const body: Array<Paragraph | Table> = [];
  const add = (p: Paragraph | Table, text: string) => {
    body.push(p);
    lines.push(text);
  };
  add(new Paragraph({ heading: HeadingLevel.TITLE, text: '30-Day Content Jumpstart' }), '30-Day Content Jumpstart');
  add(heading(company, HeadingLevel.HEADING_2), company);
  add(para(`Generated: ${longDate(input.generatedAt)}`), `Generated: ${longDate(input.generatedAt)}`);
  body.push(new Paragraph({ children: [new PageBreak()] }));

  add(heading('About This Content Package', HeadingLevel.HEADING_1), 'About This Content Package');
  add(para(`This package holds ${posts.length} ready-to-post pieces of content written for ${company}.`), `This package holds ${posts.length} posts.`);
  const profile: Array<[string, string]> = [
    ['Company', company],
    ['Business', client?.business_description ?? '—'],
    ['Target Audience', client?.ideal_customer ?? '—'],
    ['Main Problem Solved', client?.main_problem_solved ?? '—'],
    ['Target Platforms', (project.platforms ?? client?.platforms ?? []).join(', ') || 'linkedin'],
  ];
  add(profileTable(profile), profile.map(([k, v]) => `${k}: ${v}`).join('\n'));
  add(heading('How to Use These Posts', HeadingLevel.HEADING_2), 'How to Use These Posts');
  for (const tip of ['Post 3–5 times per week.', 'Edit each post to add a recent example.', 'Reply to every comment within a day.']) add(bullet(tip), `• ${tip}`);

  add(heading(`Your ${posts.length} Posts`, HeadingLevel.HEADING_1), `Your ${posts.length} Posts`);
  posts.forEach((p, i) => {
    add(heading(`Post ${i + 1}: ${p.template_name}`, HeadingLevel.HEADING_2), `Post ${i + 1}: ${p.template_name}`);
    add(para(p.content), p.content);
    add(new Paragraph({ children: [new TextRun({ text: metadataLine(p), italics: true, size: 18 })] }), metadataLine(p));
    add(para('_'.repeat(50)), '_'.repeat(50));
  });

  add(heading('Appendix A: Brand Voice Guide', HeadingLevel.HEADING_1), 'Appendix A: Brand Voice Guide');
  add(para(`Tone: ${project.tone ?? client?.tone_preference ?? 'professional'}.`), `Tone: ${project.tone ?? 'professional'}.`);
  add(heading('Appendix B: Posting Schedule', HeadingLevel.HEADING_1), 'Appendix B: Posting Schedule');
  add(para('Week 1–4: one post per working day, mornings in your audience’s time zone.'), 'Week 1–4: one post per working day.');
  add(heading('Appendix C: Quality Assurance Summary', HeadingLevel.HEADING_1), 'Appendix C: Quality Assurance Summary');
  const flagged = posts.filter((p) => p.status === 'flagged' || (p.flags ?? []).length > 0);
  add(heading('Validation Results', HeadingLevel.HEADING_2), 'Validation Results');
  add(para(`${posts.length - flagged.length} of ${posts.length} posts passed every check.`), `${posts.length - flagged.length} of ${posts.length} passed.`);
  add(heading('Issues to Review', HeadingLevel.HEADING_2), 'Issues to Review');
  if (flagged.length === 0) add(para('No issues found.'), 'No issues found.');
  for (const p of flagged) add(bullet(`Post ${posts.indexOf(p) + 1}: ${(p.flags ?? ['flagged']).join(', ')}`), `• Post ${posts.indexOf(p) + 1}: ${(p.flags ?? []).join(', ')}`);

  const doc = new Document({ creator: 'Content Jumpstart (simulator)', title: `${company} — 30-Day Content Jumpstart`, sections: [{ children: body }] });
  return { file: await Packer.toBuffer(doc), text: lines.join('\n') };
}
