// The search box of every page: MiniSearch over the docs' sections, loaded on first focus.
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type SearchDoc } from './search-options.js';

const input = document.getElementById('search') as HTMLInputElement | null;
const results = document.getElementById('search-results') as HTMLOListElement | null;
const root = document.body.dataset['root'] ?? '';
let index: Promise<MiniSearch<SearchDoc>> | undefined;

const load = () =>
  (index ??= fetch(`${root}assets/search-index.json`)
    .then((r) => r.text())
    .then((json) => MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS)));

async function search(): Promise<void> {
  if (input === null || results === null) return;
  const query = input.value.trim();
  if (query === '') {
    results.hidden = true;
    return;
  }
  const found = (await load()).search(query).slice(0, 12);
  results.replaceChildren(
    ...(found.length === 0
      ? [Object.assign(document.createElement('li'), { textContent: 'nothing found', className: 'empty' })]
      : found.map((hit) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = `${root}${String(hit['url'])}`;
          a.append(String(hit['title']), ' ');
          const page = document.createElement('span');
          page.className = 'page';
          page.textContent = String(hit['page']);
          a.append(page);
          li.append(a);
          return li;
        })),
  );
  results.hidden = false;
}

input?.addEventListener('focus', () => void load());
input?.addEventListener('input', () => void search());
input?.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    input.value = '';
    void search();
  }
  if (e.key === 'Enter') results?.querySelector('a')?.click();
});
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && document.activeElement === document.body) {
    e.preventDefault();
    input?.focus();
  }
});
