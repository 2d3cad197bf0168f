package eval

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"
)

// NewsArticle is one SaudiNewsNet article as the corpus zips hold it.
type NewsArticle struct {
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"` // "2015-08-09 17:26:01"
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
	// Published is DateExtracted parsed (UTC+3, Saudi time); after
	// 2015-08-01 its day is the publication day.
	Published time.Time `json:"-"`
}

// riyadh is Saudi time, UTC+3 all year.
var riyadh = time.FixedZone("AST", 3*3600)

// ReadSaudiNewsNet reads the articles of the SaudiNewsNet zips in dir
// (each zip holds one JSON array) whose URL keep accepts (every article
// when keep is nil). Articles come in publication order: by extraction
// time, then zip, then position in the zip; a URL seen twice is kept once
// (its first occurrence).
func ReadSaudiNewsNet(dir string, keep func(url string) bool) ([]NewsArticle, error) {
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil {
		return nil, err
	}
	if len(zips) == 0 {
		return nil, fmt.Errorf("%s: no SaudiNewsNet zips found", dir)
	}
	slices.Sort(zips)
	var out []NewsArticle
	seen := map[string]bool{}
	for _, z := range zips {
		arts, err := readNewsZip(z)
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			if seen[a.URL] || (keep != nil && !keep(a.URL)) {
				continue
			}
			seen[a.URL] = true
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b NewsArticle) int { return a.Published.Compare(b.Published) })
	return out, nil
}

func readNewsZip(path string) ([]NewsArticle, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	var out []NewsArticle
	for _, f := range zr.File {
		if filepath.Ext(f.Name) != ".json" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, 1<<30))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		var arts []NewsArticle
		if err := json.Unmarshal(data, &arts); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		for i := range arts {
			t, err := time.ParseInLocation("2006-01-02 15:04:05", arts[i].DateExtracted, riyadh)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: article %d (%s): date_extracted: %w", path, f.Name, i+1, arts[i].URL, err)
			}
			arts[i].Published = t
		}
		out = append(out, arts...)
	}
	return out, nil
}
