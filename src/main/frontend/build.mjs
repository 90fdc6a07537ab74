// Bundles the admin pages' scripts and styles into target/classes/static/admin/ (served as /admin/...).
// Run by Maven (exec-maven-plugin, phase generate-resources) after `npm ci`; by hand: `npm run build`.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../../../target/classes/static/admin');

await esbuild.build({
  absWorkingDir: here,
  entryPoints: {
    viewer: 'src/viewer.js',
    modeler: 'src/modeler.js',
    diagram: 'src/diagram.css',
    editor: 'src/editor.css'
  },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  outdir,
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: 'assets/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning'
});
