#!/usr/bin/env bash
# Installs the peers bench/peers/run.sh compares neardup with, all Debian
# packages (not needed to build or test neardup itself):
#   golang-go + golang-github-ekzhu-minhash-lsh-dev  MinHash LSH in Go by
#                                                   datasketch's author
#   python3-sklearn                                  TF-IDF cosine
#   simhash                                          bottom-k byte-shingle sketch
set -euo pipefail
pkgs=(golang-go golang-github-ekzhu-minhash-lsh-dev python3-sklearn python3-scipy
      simhash time)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
sudo=""
[[ $(id -u) -eq 0 ]] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
