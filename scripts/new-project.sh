#!/usr/bin/env bash
# Scaffolds libs/NAME or tools/NAME with the workspace's package.json/tsconfig conventions.
# usage: scripts/new-project.sh lib NAME [DEP...] | scripts/new-project.sh tool NAME [DEP...]
set -euo pipefail
kind=$1 name=$2; shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "$kind" = lib ]; then dir="$root/libs/$name"; else dir="$root/tools/$name"; fi
mkdir -p "$dir/src" "$dir/test"
deps=""
for d in "$@"; do deps="$deps\"@compose/$d\": \"*\","; done
deps="{${deps%,}}"
if [ "$kind" = lib ]; then
cat > "$dir/package.json" <<JSON
{
  "name": "@compose/$name",
  "version": "0.1.0",
  "private": true,
  "type": "module",
  "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" } },
  "scripts": { "build": "tsc -p tsconfig.json", "test": "vitest run --config ../../vitest.config.ts" },
  "dependencies": $deps
}
JSON
else
cat > "$dir/package.json" <<JSON
{
  "name": "@compose/$name",
  "version": "0.1.0",
  "private": true,
  "type": "module",
  "bin": { "$name": "./bin/$name.js" },
  "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" } },
  "scripts": { "build": "tsc -p tsconfig.json && node ../../scripts/bundle-tool.mjs", "test": "vitest run --config ../../vitest.config.ts" },
  "dependencies": $deps
}
JSON
fi
if [ "$kind" = tool ]; then
mkdir -p "$dir/bin"
cp "$root/scripts/templates/tool-launcher.js" "$dir/bin/$name.js"
chmod +x "$dir/bin/$name.js"
fi
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist" },
  "include": ["src/**/*.ts"]
}
JSON
echo "created $dir"
