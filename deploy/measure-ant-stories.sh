#!/usr/bin/env bash
# measure-ant-stories.sh measures how far rasid's stories chain reports
# across time on the ANT corpus (Jawhara FM, Tunisian news 2015–2017): it
# ingests and analyzes the corpus into a SQLite store once (kept as
# BASE, default /tmp/ant.db), clusters a copy of it and prints, from
# rasid stories --json: stories and articles in all, the stories spanning
# more than DAYS days (default 60) and the articles they hold, and the
# LONG stories with the longest spans (default 10), each with its article
# count, first and last day and title.
#
#   go build -o /tmp/rasid ./cmd/rasid
#   RASID=/tmp/rasid deploy/measure-ant-stories.sh
#
# To measure another build's clustering on the same analyses, run it again
# with that RASID: the ingested, analyzed store is reused (rm BASE to
# start over; its analyses must be the build's analyzer's for the run to
# be comparable, rasid reanalyze keeps them so).
set -euo pipefail
rasid="${RASID:-rasid}"
base="${BASE:-/tmp/ant.db}"
days="${DAYS:-60}"
long="${LONG:-10}"
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${DATA:-$here/../shared/data/news/ant-jawharafm}"
if [ ! -f "$base" ]; then
	"$rasid" ingest --db "$base" "$data"/*.tar.gz >/dev/null 2>&1 || true # a few records are refused
	"$rasid" reanalyze --db "$base" >/dev/null 2>&1
fi
"$rasid" reanalyze --db "$base" >/dev/null 2>&1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$base" "$work/ant.db"
"$rasid" cluster --db "$work/ant.db" >/dev/null
"$rasid" stories --db "$work/ant.db" --json >"$work/stories.json"
jq -r --argjson days "$days" --argjson long "$long" '
  def span: ([.articles[].published | select(. != null and . != "") | sub("\\.[0-9]+"; "") | sub("(?<z>[+-][0-9]{2}):(?<m>[0-9]{2})$"; "Z") | fromdateiso8601] | if length > 0 then (max - min) / 86400 else 0 end);
  def day(f): [.articles[].published | select(. != null and . != "")] | sort | f | .[0:10];
  map(. + {span: span, n: (.articles | length)}) as $s
  | ($s | map(select(.span > $days))) as $l
  | "stories \($s | length), articles \($s | map(.n) | add)",
    "stories spanning more than \($days) days: \($l | length), holding \($l | map(.n) | add // 0) articles",
    "stories of 2+ articles: \($s | map(select(.n > 1)) | length), holding \($s | map(select(.n > 1) | .n) | add // 0) articles",
    "largest story: \($s | map(.n) | max) articles",
    "longest spans:",
    ($l | sort_by(-.span, .id) | .[0:$long][] | "  \(.span | floor) days  \(.n) articles  \(day(first))…\(day(last))  \(.title)")
' "$work/stories.json"
