import { defineFault } from '../fault-hooks.ts';
import { json } from '../http.ts';
import { deliverableOut } from '../serialize.ts';

export default defineFault({
  name: 'export-writes-no-file',
  breaks:
    'export answers 200 as at the real HEAD (path "<project>/deliverable_docx" without extension, fileSizeBytes 0, checksum null) but writes no file: download answers 404 {"detail":"File not found: <path>"}',
  catches: ['RB-11'],
  verdict: 'hold',
  realHead: true,
  hooks: {
    after({ ctx, route }, reply) {
      if (route !== 'POST /api/generator/export' || reply.status !== 200) return reply;
      const { store } = ctx.state;
      const d = store.deliverables.get(String((reply.json as { id?: unknown }).id));
      if (!d) return reply;
      // The real handler only records the row ("TODO: Implement actual file export logic").
      const project = store.projects.get(d.project_id);
      Object.assign(d, { file: null, text: '', path: `${project?.name ?? d.project_id}/deliverable_${d.format}`, file_size_bytes: 0, checksum: null });
      return json(200, deliverableOut(d));
    },
  },
});
