#!/bin/sh
# Builds and packages editors/vscode in a copy under the build folder (the source tree gets no
# node_modules), runs its Node tests against the built fulint, and checks the .vsix holds the
# compiled extension. Exit 77 (CTest's skip) when npm is not installed.
# Usage: vscode_package.sh SOURCE_DIR WORK_DIR FULINT_BINARY RULES_DIR PYTHON3
set -eu
src=$1/editors/vscode work=$2 binary=$3 rules=$4 python3=$5
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is not on PATH: skipping the VS Code extension build"
  exit 77
fi
mkdir -p "$work"
# Fresh sources each run; node_modules is kept, npm ci replaces it when the lock file changed.
rm -rf "$work/src" "$work/test" "$work/out" "$work/fulint.vsix"
for f in package.json package-lock.json tsconfig.json .vscodeignore README.md src test; do
  cp -R "$src/$f" "$work/"
done
cd "$work"
# The registry is reached only for packages not yet in npm's cache.
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
npm run --silent compile
FULINT_BINARY=$binary FULINT_RULES=$rules npm test
npm run --silent package
"$python3" - fulint.vsix <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = {"extension/package.json", "extension/out/extension.js", "extension.vsixmanifest"}
missing = need - names
if missing:
    sys.exit(f"fulint.vsix lacks {sorted(missing)}; it has {sorted(names)}")
if any(n.startswith("extension/node_modules/") for n in names):
    sys.exit("fulint.vsix holds node_modules: the bundle should make them unnecessary")
bundle = zipfile.ZipFile(sys.argv[1]).read("extension/out/extension.js").decode()
# The language client is bundled in, not required from node_modules (which the .vsix lacks).
if 'require("vscode-languageclient' in bundle or "LanguageClient = class" not in bundle:
    sys.exit("out/extension.js does not bundle vscode-languageclient")
if "function activate(" not in bundle:
    sys.exit("out/extension.js has no activate function")
print(f"fulint.vsix: {len(names)} files, extension/out/extension.js {len(bundle)} bytes")
PY
