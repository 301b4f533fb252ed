// GET on a project path serves a GraphQL playground (spec §1.2). It is one self-contained page —
// no CDN, no external script — so it works offline: an editor for the query and variables, an
// optional Authorization header, and a result pane; it posts to the URL it was loaded from.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function playgroundPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Refract Playground</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #0f172a; color: #e2e8f0; display: flex; flex-direction: column; height: 100vh; }
  header { padding: 8px 16px; display: flex; gap: 12px; align-items: center; border-bottom: 1px solid #1e293b; }
  header h1 { font-size: 15px; margin: 0; font-weight: 600; }
  header input { flex: 1; background: #1e293b; color: inherit; border: 1px solid #334155; border-radius: 4px; padding: 6px 8px; }
  button { background: #22c55e; color: #052e16; border: 0; border-radius: 4px; padding: 7px 16px; font-weight: 600; cursor: pointer; }
  main { flex: 1; display: grid; grid-template-columns: 1fr 1fr; min-height: 0; }
  section { display: flex; flex-direction: column; min-height: 0; border-right: 1px solid #1e293b; }
  label { padding: 6px 12px; font-size: 12px; color: #94a3b8; text-transform: uppercase; letter-spacing: .05em; }
  textarea, pre { flex: 1; margin: 0; padding: 12px; background: #020617; color: #e2e8f0; border: 0; font: 13px/1.5 ui-monospace, monospace; resize: none; overflow: auto; }
  #variables { flex: 0 0 30%; border-top: 1px solid #1e293b; }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(title)}</h1>
  <input id="authorization" placeholder="Authorization header, e.g. Bearer eyJ…" aria-label="Authorization header">
  <button id="run" type="button">Run ▶</button>
</header>
<main>
  <section>
    <label for="query">Query</label>
    <textarea id="query" spellcheck="false">{
  __schema { queryType { fields { name } } }
}</textarea>
    <label for="variables">Variables (JSON)</label>
    <textarea id="variables" spellcheck="false">{}</textarea>
  </section>
  <section><label for="result">Result</label><pre id="result" aria-live="polite"></pre></section>
</main>
<script>
  const $ = (id) => document.getElementById(id);
  async function run() {
    let variables = {};
    try { variables = JSON.parse($('variables').value || '{}'); } catch (e) { $('result').textContent = 'Variables are not valid JSON: ' + e.message; return; }
    const headers = { 'content-type': 'application/json' };
    if ($('authorization').value.trim()) headers.authorization = $('authorization').value.trim();
    $('result').textContent = '…';
    try {
      const response = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query: $('query').value, variables }) });
      $('result').textContent = JSON.stringify(await response.json(), null, 2);
    } catch (e) { $('result').textContent = String(e); }
  }
  $('run').addEventListener('click', run);
  document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run(); });
</script>
</body>
</html>`;
}
