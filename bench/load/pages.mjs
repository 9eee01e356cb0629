// Crawls every page of each role's navigation as that person, signed in through the form, and reports how long
// each page takes to answer: the median and the 95th percentile of ROUNDS requests, one request at a time.
// Used by pages.sh; needs only Node.js.
const base = process.env.BASE_URL;
const password = process.env.PASSWORD;
const rounds = Number(process.env.ROUNDS ?? 20);
const people = (process.env.PEOPLE ?? '').split(' ').filter(Boolean);

const cookieJar = () => {
  const cookies = new Map();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    take: response => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
    },
  };
};

const get = async (jar, path) => {
  const started = performance.now();
  const response = await fetch(base + path, { headers: { cookie: jar.header() }, redirect: 'manual' });
  const body = await response.text();
  const ms = performance.now() - started;
  jar.take(response);
  return { status: response.status, location: response.headers.get('location'), body, ms };
};

const signIn = async email => {
  const jar = cookieJar();
  const form = await get(jar, '/sign-in');
  const token = /name="__RequestVerificationToken" type="hidden" value="([^"]+)"/.exec(form.body)?.[1]
    ?? /value="([^"]+)" name="__RequestVerificationToken"/.exec(form.body)?.[1];
  if (!token) throw new Error('no antiforgery token on the sign-in form');
  const response = await fetch(base + '/sign-in', {
    method: 'POST', redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, returnUrl: '/', __RequestVerificationToken: token }),
  });
  jar.take(response);
  if (response.status !== 302) throw new Error(`${email} was not signed in (${response.status})`);
  return jar;
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

const rows = [];
for (const email of people) {
  const jar = await signIn(email);
  // An advocate's start page sends them on to the portal.
  let home = await get(jar, '/');
  if (home.status === 302) home = await get(jar, home.location);
  const nav = /<nav aria-label="Main">([\s\S]*?)<\/nav>/.exec(home.body)?.[1] ?? '';
  const linked = [...new Set([...nav.matchAll(/<a href="(\/[^"]*)"/g)].map(m => m[1].replaceAll('&amp;', '&')))];
  // Warmed up once each; a link that only sends the person on (their start page) is measured where it leads.
  const paths = [];
  for (const path of linked) if ((await get(jar, path)).status === 200) paths.push(path);
  const times = new Map(paths.map(p => [p, []]));
  for (let round = 0; round < rounds; round++) {
    for (const path of paths) {
      const { status, ms } = await get(jar, path);
      if (status !== 200) throw new Error(`${email}: ${path} answered ${status}`);
      times.get(path).push(ms);
    }
  }
  const all = [];
  for (const [path, list] of times) {
    list.sort((a, b) => a - b);
    all.push(...list);
    rows.push({ email, path, p50: percentile(list, 0.5), p95: percentile(list, 0.95) });
  }
  all.sort((a, b) => a - b);
  rows.push({ email, path: '(every page)', p50: percentile(all, 0.5), p95: percentile(all, 0.95) });
}

console.log('| person | page | p50 ms | p95 ms |');
console.log('| --- | --- | ---: | ---: |');
for (const r of rows) console.log(`| ${r.email} | ${r.path} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
const pages = rows.filter(r => r.path !== '(every page)');
const slowest = pages.reduce((a, b) => (a.p95 > b.p95 ? a : b));
console.log(`\n${pages.length} pages; slowest p95: ${slowest.path} for ${slowest.email}, ${slowest.p95.toFixed(1)} ms; `
  + `${pages.filter(r => r.p95 >= 100).length} at or over 100 ms.`);
