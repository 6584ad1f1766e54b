#!/bin/sh
# The reducer of termbridge on Hadoop Streaming. The mappers' partials arrive as lines that
# Hadoop has sorted, their header lines among them: one header is put first again, then
# `termbridge merge` decides the glossary of all the inputs and writes it to standard output
# (the script's arguments are merge's options, such as --pair-counts).
set -e
all="${TMPDIR:-/tmp}/termbridge-reduce-$$.lines"
part="${TMPDIR:-/tmp}/termbridge-reduce-$$.jsonl"
trap 'rm -f "$all" "$part"' EXIT
cat > "$all"
{ grep -m 1 '^{"termbridge":"partial"' "$all"; cat "$all"; } > "$part"
termbridge merge "$part" "$@"
