import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtml, writeComposeReport } from '../src/index.js';
import { EVIL, makeEvilComposeDir } from './evil-compose.js';

let composeDir: string | undefined;
afterAll(async () => {
  if (composeDir) await rm(path.dirname(composeDir), { recursive: true, force: true });
});

describe('escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('never lets text from the compose become markup', async () => {
    composeDir = await makeEvilComposeDir();
    const page = await readFile(await writeComposeReport(composeDir), 'utf8');
    // Every injected string is shown, as text.
    for (const value of Object.values(EVIL)) {
      // Package names are only counted; the image path is link text plus an encoded href, checked below.
      if (value === EVIL.package || value === EVIL.imagePath) continue;
      expect(page, value).toContain(escapeHtml(value));
    }
    expect(page).toContain(`>${escapeHtml(EVIL.imagePath)}</a>`);
    // None of it became an element or an attribute.
    expect(page).not.toMatch(/<(script|img|iframe|b|u|i|em|s)[\s>]/i);
    // No tag has an attribute besides those the report writes (names outside quoted values).
    const attributeNames = new Set<string>();
    for (const tag of page.match(/<[a-z][^<>]*>/gi) ?? []) {
      for (const name of tag.replace(/="[^"]*"/g, '').split(/\s+/).slice(1)) attributeNames.add(name.replace(/\/?>$/, ''));
    }
    expect([...attributeNames].filter((name) => /^on|^src$|^style$/i.test(name))).toEqual([]);
    expect(page.match(/<svg[\s>]/g)).toHaveLength(1);
    expect(page.match(/<pre[\s>]/g)?.length).toBe(page.match(/<\/pre>/g)?.length);
    expect(page).toMatch(/data-variant-arch="&lt;script&gt;[^"]*\.x86_64">.*data-category="other">1</s);
    // The link to the image encodes what is not a path character.
    expect(page).toContain('href="../../compose/Server/x86_64/iso/%22%3E%3Csvg%20onload%3Dalert(2)%3E.iso"');
  });
});
