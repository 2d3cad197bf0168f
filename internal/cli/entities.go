package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// entityTypes are the entity types, as the analyses store them.
var entityTypes = []string{"PERS", "LOC", "ORG", "MISC"}

func runEntities(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "entities", "[--db PATH] [--type PERS|LOC|ORG|MISC] [--limit N] [--offset N] [--json]",
		"List the entities of the stored analyses, most mentioned first: entity id, type,\nmentions, articles, first and last day, and canonical name.")
	dbPath := addDBFlag(fs, env)
	typ := fs.String("type", "", "only entities of this type: PERS, LOC, ORG or MISC")
	limit := fs.Int("limit", 50, "list at most this many (0: all)")
	offset := fs.Int("offset", 0, "skip this many first")
	asJSON := fs.Bool("json", false, "print the list as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid entities: unexpected argument %q", fs.Arg(0))
	}
	t := strings.ToUpper(*typ)
	if t != "" && !slices.Contains(entityTypes, t) {
		return usagef("rasid entities: --type %q is not one of %s", *typ, strings.Join(entityTypes, ", "))
	}
	if *limit < 0 || *offset < 0 {
		return usagef("rasid entities: --limit and --offset must not be negative")
	}
	st, err := openReadStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	es, err := st.Entities(ctx, t, *limit, *offset)
	if err != nil {
		return fmt.Errorf("rasid entities: %w", err)
	}
	if *asJSON {
		if es == nil {
			es = []store.EntityStats{}
		}
		return printIndentedJSON(env.Stdout, es)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tMENTIONS\tARTICLES\tFIRST\tLAST\tNAME")
	for _, e := range es {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", e.ID, e.Type, e.Mentions, e.Articles, listDay(e.First), listDay(e.Last), e.Name)
	}
	return tw.Flush()
}

// entityReport is what rasid entity prints.
type entityReport struct {
	Entity store.EntityStats `json:"entity"`
	// Related are the entities mentioned most often in the same articles.
	Related []store.EntityStats `json:"related"`
	// Timeline counts the articles that mention the entity per month
	// ("2015-08"; "undated" for articles with no date).
	Timeline []monthCount `json:"timeline"`
	// Articles are the latest articles that mention it, newest first.
	Articles []news.ArticleRef `json:"articles"`
}

type monthCount struct {
	Month    string `json:"month"`
	Articles int    `json:"articles"`
}

// maxTimelineArticles bounds the articles read for an entity's timeline.
const maxTimelineArticles = 100000

func runEntity(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "entity", "[--db PATH] [--json] [--related N] [--articles N] ID",
		"Print one entity: its names as written (aliases), roles, the entities mentioned\nwith it most often, the articles that mention it per month, and the latest ones.")
	dbPath := addDBFlag(fs, env)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	nRelated := fs.Int("related", 10, "co-occurring entities to show")
	nArticles := fs.Int("articles", 10, "latest articles to show")
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usagef("rasid entity: give one entity ID (see rasid entities)")
	}
	if *nRelated < 0 || *nArticles < 0 {
		return usagef("rasid entity: --related and --articles must not be negative")
	}
	st, err := openReadStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := entityOf(ctx, st, ids[0], *nRelated, *nArticles)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("rasid entity: no entity %q in the store (see rasid entities)", ids[0])
	}
	if err != nil {
		return fmt.Errorf("rasid entity: %w", err)
	}
	if *asJSON {
		return printIndentedJSON(env.Stdout, rep)
	}
	printEntity(env.Stdout, rep)
	return nil
}

// entityOf gathers the report of one entity.
func entityOf(ctx context.Context, st store.Store, id string, nRelated, nArticles int) (entityReport, error) {
	var rep entityReport
	e, err := st.Entity(ctx, id)
	if err != nil {
		return rep, err
	}
	rep.Entity = e
	rep.Related = []store.EntityStats{}
	if nRelated > 0 {
		rel, err := st.Related(ctx, id, nRelated)
		if err != nil {
			return rep, err
		}
		rep.Related = append(rep.Related, rel...)
	}
	arts, err := st.EntityArticles(ctx, id, maxTimelineArticles)
	if err != nil {
		return rep, err
	}
	rep.Timeline = []monthCount{}
	for _, a := range arts {
		m := "undated"
		if !a.Published.IsZero() {
			m = a.Published.UTC().Format("2006-01")
		}
		if n := len(rep.Timeline); n > 0 && rep.Timeline[n-1].Month == m {
			rep.Timeline[n-1].Articles++
		} else {
			rep.Timeline = append(rep.Timeline, monthCount{m, 1})
		}
	}
	// Articles come in publication order, undated last: the latest dated
	// ones are just before the undated.
	dated := arts
	for len(dated) > 0 && dated[len(dated)-1].Published.IsZero() {
		dated = dated[:len(dated)-1]
	}
	rep.Articles = []news.ArticleRef{}
	for i := len(dated) - 1; i >= 0 && len(rep.Articles) < nArticles; i-- {
		rep.Articles = append(rep.Articles, dated[i])
	}
	for i := len(dated); i < len(arts) && len(rep.Articles) < nArticles; i++ {
		rep.Articles = append(rep.Articles, arts[i])
	}
	return rep, nil
}

func printEntity(w io.Writer, rep entityReport) {
	e := rep.Entity
	fmt.Fprintf(w, "%s  %s  %s\n", e.Name, e.Type, e.ID)
	fmt.Fprintf(w, "%s in %s", count(e.Mentions, "mention", "mentions"), count(e.Articles, "article", "articles"))
	if !e.First.IsZero() {
		fmt.Fprintf(w, ", %s … %s", listDay(e.First), listDay(e.Last))
	}
	fmt.Fprintln(w)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(w, "written: %s\n", strings.Join(e.Aliases, "، "))
	}
	if len(e.Roles) > 0 {
		fmt.Fprintf(w, "roles: %s\n", strings.Join(e.Roles, "، "))
	}
	if len(rep.Related) > 0 {
		fmt.Fprintln(w, "\nmentioned with:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range rep.Related {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", r.ID, r.Type, count(r.Articles, "article", "articles"), r.Name)
		}
		tw.Flush()
	}
	if len(rep.Timeline) > 0 {
		fmt.Fprintln(w, "\narticles per month:")
		most := 0
		for _, m := range rep.Timeline {
			most = max(most, m.Articles)
		}
		for _, m := range rep.Timeline {
			bar := strings.Repeat("█", max(1, m.Articles*40/most))
			fmt.Fprintf(w, "  %-8s %5d %s\n", m.Month, m.Articles, bar)
		}
	}
	if len(rep.Articles) > 0 {
		fmt.Fprintln(w, "\nlatest articles:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, a := range rep.Articles {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", a.ID, listDay(a.Published), a.Source, oneLineTitle(cmp.Or(a.Headline, a.Title), 80))
		}
		tw.Flush()
	}
}
