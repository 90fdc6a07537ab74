// Shared by the viewer and the modeler: the session's CSRF header, JSON calls, markers.

/** The CSRF header and token that the page carries in its <meta> tags (Spring Security). */
export function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

export async function fetchText(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(url + ': HTTP ' + response.status);
  }
  return response.text();
}

export async function fetchJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(url + ': HTTP ' + response.status);
  }
  return response.json();
}

/** Marks each id that the diagram holds; answers the ids that it does not hold. */
export function mark(viewer, ids, marker) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const missing = [];
  for (const id of ids || []) {
    if (registry.get(id)) {
      canvas.addMarker(id, marker);
    } else {
      missing.push(id);
    }
  }
  return missing;
}

export function unmarkAll(viewer, marker) {
  const canvas = viewer.get('canvas');
  viewer.get('elementRegistry').forEach((element) => canvas.removeMarker(element.id, marker));
}
