// Peer baseline for bench/peers/run.sh: the usual MinHash LSH deduplication
// with ekzhu/minhash-lsh (the Go library by datasketch's author, Debian
// package golang-github-ekzhu-minhash-lsh-dev) on the same JSONL corpus and
// the same settings as `neardup dedup`'s defaults: lower-cased word 5-gram
// shingles, 128 hash functions, LSH at Jaccard 0.8. One thread.
//
// Output: one record per document in input order, in the shape
// bench/dedup_eval.py reads (id, cluster, keep, duplicate_of, relation).
// A document is a duplicate of the earliest earlier LSH candidate whose
// estimated Jaccard is at least the threshold; clusters are the connected
// components of those links. Stage times go to stderr.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	minhashlsh "github.com/ekzhu/minhash-lsh"
)

type doc struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func shingles(text string, n int) [][]byte {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < n {
		if len(words) == 0 {
			return nil
		}
		return [][]byte{[]byte(strings.Join(words, " "))}
	}
	out := make([][]byte, 0, len(words)-n+1)
	for i := 0; i+n <= len(words); i++ {
		out = append(out, []byte(strings.Join(words[i:i+n], " ")))
	}
	return out
}

func find(parent []int, i int) int {
	for parent[i] != i {
		parent[i] = parent[parent[i]]
		i = parent[i]
	}
	return i
}

func main() {
	numHash := flag.Int("k", 128, "hash functions")
	threshold := flag.Float64("t", 0.8, "Jaccard threshold")
	n := flag.Int("n", 5, "words per shingle")
	out := flag.String("o", "", "output JSONL (dedup_eval.py shape); none when empty")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: minhash_lsh [-k 128] [-t 0.8] [-n 5] [-o OUT] CORPUS.jsonl")
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	defer f.Close()

	start := time.Now()
	var ids []string
	var sigs [][]uint64
	var bytes int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			fmt.Fprintf(os.Stderr, "%s:%d: %v\n", flag.Arg(0), line, err)
			os.Exit(3)
		}
		bytes += int64(len(d.Text))
		m := minhashlsh.NewMinhash(1, *numHash)
		for _, s := range shingles(d.Text, *n) {
			m.Push(s)
		}
		ids = append(ids, d.ID)
		sigs = append(sigs, m.Signature())
	}
	signed := time.Since(start)

	lsh := minhashlsh.NewMinhashLSH64(*numHash, *threshold)
	for i, sig := range sigs {
		lsh.Add(i, sig)
	}
	lsh.Index()
	parent := make([]int, len(sigs))
	dupOf := make([]int, len(sigs))
	for i := range parent {
		parent[i] = i
		dupOf[i] = -1
	}
	for i, sig := range sigs {
		var cands []int
		for _, c := range lsh.Query(sig) {
			if j := c.(int); j < i {
				cands = append(cands, j)
			}
		}
		sort.Ints(cands)
		for _, j := range cands {
			same := 0
			for r := range sig {
				if sig[r] == sigs[j][r] {
					same++
				}
			}
			if float64(same) >= *threshold*float64(len(sig)) {
				dupOf[i] = j
				parent[find(parent, i)] = find(parent, j)
				break
			}
		}
	}
	total := time.Since(start)
	k, l := lsh.Params()
	fmt.Fprintf(os.Stderr,
		"docs %d bytes %d sign_s %.3f lsh_s %.3f sign_MBps %.1f docs_per_s %.0f bands %dx%d\n",
		len(sigs), bytes, signed.Seconds(), (total - signed).Seconds(),
		float64(bytes)/1e6/signed.Seconds(), float64(len(sigs))/total.Seconds(), l, k)

	if *out == "" {
		return
	}
	w, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	bw := bufio.NewWriter(w)
	for i := range sigs {
		rec := map[string]interface{}{
			"id": ids[i], "cluster": find(parent, i), "keep": dupOf[i] < 0,
			"duplicate_of": nil, "relation": "none",
		}
		if dupOf[i] >= 0 {
			rec["duplicate_of"] = ids[dupOf[i]]
			rec["relation"] = "near_duplicate"
		}
		b, _ := json.Marshal(rec)
		bw.Write(b)
		bw.WriteByte('\n')
	}
	bw.Flush()
	w.Close()
}
