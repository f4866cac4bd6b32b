#!/bin/sh
# Fills bench/tmp/corpus (not committed) with the test PDFs of a local clone of pdf.js
# (Apache-2.0; the PDFs stay out of this repository), for `npm run bench -- corpus`.
# Usage: scripts/corpus.sh /path/to/pdf.js   (a checkout, or a bare mirror read with git show)
set -eu
src="${1:?path to a pdf.js clone}"
out="$(dirname "$0")/../bench/tmp/corpus/pdfjs"
mkdir -p "$out"
if [ -d "$src/test/pdfs" ]; then
  find "$src/test/pdfs" -iname '*.pdf' -exec cp {} "$out/" \;
else
  git -C "$src" ls-tree -r --name-only HEAD test/pdfs | grep -i '\.pdf$' | while read -r f; do
    # A mirror may lack its largest blobs: skip those.
    git -C "$src" show "HEAD:$f" > "$out/$(basename "$f")" 2>/dev/null || rm -f "$out/$(basename "$f")"
  done
fi
echo "$(ls "$out" | wc -l) PDFs in $out"
