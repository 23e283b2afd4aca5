#!/usr/bin/env bash
# Regenerates data/population/us_census_1990.tsv, the bundled general-population
# name frequency table, from the US Census Bureau's 1990 "Frequently Occurring
# Names" tables (public domain, a work of the US Government) as Debian ships
# them inside the package libtext-names-perl (Text::Names 0.46).
#
# Not part of the build or the tests: run it by hand to refresh the table.
# Needs apt-get (the package is only downloaded, not installed).
set -euo pipefail
out=${1:-data/population/us_census_1990.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download libtext-names-perl >/dev/null)
dpkg-deb -x "$work"/libtext-names-perl_*.deb "$work/x"
pm="$work/x/usr/share/perl5/Text/Names.pm"
version=$(dpkg-deb -f "$work"/libtext-names-perl_*.deb Version)
# The module keeps each table in a heredoc: NAME  percent  cumulative  rank
# (one surname line holds two records).
table() {
  awk -v start="\$$1 = <<ENDNAMES;" '$0 == start {on = 1; next} on && $0 == "ENDNAMES" {exit} on {print}' "$pm" |
    grep -oE '[A-Z][A-Z'"'"'-]* +[0-9.]+ +[0-9.]+ +[0-9]+' | awk -v kind="$2" '{printf "%s\t%s\t%.6f\n", tolower($1), kind, $2 / 100}'
}
{
  echo "# General-population name frequencies: the US Census Bureau's 1990 'Frequently Occurring"
  echo "# Names' (public domain), via Debian's libtext-names-perl $version. Regenerate with"
  echo "# scripts/population/derive_us_census_1990.sh. Columns: name, kind (surname, male, female),"
  echo "# share of the people counted holding it (of all persons for surnames, of the sex for given"
  echo "# names)."
  table COMMON_SURNAMES surname
  table COMMON_MALE_FIRSTNAMES male
  table COMMON_FEMALE_FIRSTNAMES female
} >"$out"
echo "wrote $(grep -vc '^#' "$out") names to $out"
