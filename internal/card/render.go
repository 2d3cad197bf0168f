package card

import (
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"time"
)

// htmlSpan is the card's time span on the HTML card: first – last, or
// the words undated once for a story of no known date.
func (c Card) htmlSpan() string {
	if c.First.IsZero() && c.Last.IsZero() {
		return undatedAr
	}
	return day(c.First, undatedAr) + " – " + day(c.Last, undatedAr)
}

// cite returns the short citation of an article: its number in the card
// ([1], [2] …, in publication order) so that every line names its source.
func (c Card) cite(id string) string {
	for i, a := range c.Articles {
		if a.ID == id {
			return fmt.Sprintf("[%d]", i+1)
		}
	}
	return "[?]"
}

func (c Card) cites(ids []string) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(c.cite(id))
	}
	return b.String()
}

// Words of a missing date, as the web's article page says it (its
// catalog's article.undated) and the CLI's "undated": the text and
// Markdown cards are bilingual, the HTML card is Arabic.
const (
	undated   = "تاريخ غير معروف (undated)"
	undatedAr = "تاريخ غير معروف"
)

// day is t's day, or the words undated for a missing date.
func day(t time.Time, undated string) string {
	if t.IsZero() {
		return undated
	}
	return t.Format("2006-01-02")
}

// span is the card's time span as text, with the words undated for a
// missing date.
func (c Card) span(undated string) string {
	first, last := day(c.First, undated), day(c.Last, undated)
	if first == last {
		return first
	}
	return first + " → " + last
}

// count is the number of the card's articles with its noun: "1 article",
// "5 articles".
func (c Card) count() string {
	if len(c.Articles) == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", len(c.Articles))
}

// Names of a missing outlet, as the CLI's "(unknown)": the text and
// Markdown cards are bilingual, the HTML card is Arabic.
const (
	unknownOutlet   = "مصدر غير معروف (unknown)"
	unknownOutletAr = "مصدر غير معروف"
)

// outletOr returns name, or unknown when the outlet is missing.
func outletOr(name, unknown string) string {
	if strings.TrimSpace(name) == "" {
		return unknown
	}
	return name
}

func (c Card) outlets() string {
	var parts []string
	for _, o := range c.Outlets {
		parts = append(parts, fmt.Sprintf("%s (%d)", o.Name, o.Articles))
	}
	return strings.Join(parts, "، ")
}

func (e Entity) label() string {
	s := e.Name
	if len(e.Roles) > 0 {
		s += " — " + strings.Join(e.Roles, "؛ ")
	}
	return fmt.Sprintf("%s (%s, %d)", s, e.Type, e.Articles)
}

// Text writes the card as plain text for a terminal.
func (c Card) Text(w io.Writer) error {
	p := &printer{w: w}
	p.f("══ %s\n", c.Title)
	p.f("   %s · %s · %s\n", c.span(undated), c.count(), c.outlets())
	if len(c.Summary) > 0 {
		p.f("\nالملخص (summary)\n")
		for _, s := range c.Summary {
			p.f("  • %s %s\n", s.Text, c.cite(s.Article))
		}
	}
	if len(c.Timeline) > 0 {
		p.f("\nالخط الزمني (timeline)\n")
		for _, e := range c.Timeline {
			p.f("  %-10s  %s %s\n", e.Date, e.Text, c.cites(e.Sources))
		}
	}
	if len(c.Entities) > 0 {
		p.f("\nالأطراف (entities)\n")
		for _, e := range c.Entities {
			p.f("  • %s\n", e.label())
		}
	}
	if len(c.Quotes) > 0 {
		p.f("\nالتصريحات (quotes)\n")
		for _, s := range c.Quotes {
			p.f("  %s:\n", s.Name)
			for _, q := range s.Quotes {
				p.f("    «%s» %s\n", q.Text, c.cite(q.Article))
			}
		}
	}
	if len(c.Figures) > 0 {
		p.f("\nأرقام (figures)\n")
		for _, f := range c.Figures {
			p.f("  • %s %s\n", f.Text, c.cites(f.Articles))
		}
	}
	p.f("\nالمصادر (articles)\n")
	for i, a := range c.Articles {
		p.f("  [%d] %s · %s · %s\n", i+1, day(a.Published, undated), outletOr(a.Source, unknownOutlet), a.Label())
	}
	return p.err
}

// Markdown writes the card as a Markdown document.
func (c Card) Markdown(w io.Writer) error {
	p := &printer{w: w}
	p.f("# %s\n\n", md(c.Title))
	p.f("%s · %s · %s\n", c.span(undated), c.count(), md(c.outlets()))
	if len(c.Summary) > 0 {
		p.f("\n## الملخص\n\n")
		for _, s := range c.Summary {
			p.f("- %s %s\n", md(s.Text), c.cite(s.Article))
		}
	}
	if len(c.Timeline) > 0 {
		p.f("\n## الخط الزمني\n\n| التاريخ | الحدث | المصادر |\n|---|---|---|\n")
		for _, e := range c.Timeline {
			p.f("| %s | %s | %s |\n", e.Date, cell(e.Text), c.cites(e.Sources))
		}
	}
	if len(c.Entities) > 0 {
		p.f("\n## الأطراف\n\n")
		for _, e := range c.Entities {
			p.f("- %s\n", md(e.label()))
		}
	}
	if len(c.Quotes) > 0 {
		p.f("\n## التصريحات\n")
		for _, s := range c.Quotes {
			p.f("\n**%s**\n\n", md(s.Name))
			for _, q := range s.Quotes {
				p.f("> %s %s\n>\n", md(q.Text), c.cite(q.Article))
			}
		}
	}
	if len(c.Figures) > 0 {
		p.f("\n## أرقام\n\n")
		for _, f := range c.Figures {
			p.f("- %s — %s %s\n", md(f.Text), md(f.Context), c.cites(f.Articles))
		}
	}
	p.f("\n## المصادر\n\n")
	for i, a := range c.Articles {
		title := md(a.Label())
		if link := webLink(a.URL); link != "" {
			title = "[" + title + "](" + mdURL(link) + ")"
		} else if a.URL != "" {
			title += " · " + md(a.URL)
		}
		p.f("%d. %s · %s · %s\n", i+1, day(a.Published, undated), md(outletOr(a.Source, unknownOutlet)), title)
	}
	return p.err
}

// webLink returns u when it is an absolute http or https URL, the only
// addresses a card links (as the web interface does), and "" otherwise: a
// javascript: or data: URL, or a relative path, from an ingested record is
// shown as text, never made a link.
func webLink(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// mdURL escapes what would end a Markdown link destination early.
func mdURL(u string) string {
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\\", "%5C")
	return r.Replace(u)
}

// md escapes the characters that would start Markdown markup.
func md(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "`", "\\`", "#", "\\#", "\n", " ")
	return r.Replace(s)
}

func cell(s string) string { return strings.ReplaceAll(md(s), "|", "\\|") }

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// HTML writes the card as a standalone right-to-left HTML page; all text
// is escaped by html/template.
func (c Card) HTML(w io.Writer) error {
	return pageTmpl.Execute(w, c)
}

var pageTmpl = template.Must(template.New("card").Funcs(template.FuncMap{
	"cite":   func(c Card, id string) string { return c.cite(id) },
	"cites":  func(c Card, ids []string) string { return c.cites(ids) },
	"day":    func(t time.Time) string { return day(t, undatedAr) },
	"span":   Card.htmlSpan,
	"inc":    func(i int) int { return i + 1 },
	"link":   webLink,
	"outlet": func(name string) string { return outletOr(name, unknownOutletAr) },
}).Parse(`<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>{{.Title}}</title>
<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.6}table{border-collapse:collapse}td{border-top:1px solid #ddd;padding:.3rem;vertical-align:top}.meta{color:#555}</style></head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">{{span .}} · {{len .Articles}} · {{range $i, $o := .Outlets}}{{if $i}}، {{end}}{{$o.Name}} ({{$o.Articles}}){{end}}</p>
{{$c := .}}
{{if .Summary}}<h2>الملخص</h2><ul>{{range .Summary}}<li>{{.Text}} <sup>{{cite $c .Article}}</sup></li>{{end}}</ul>{{end}}
{{if .Timeline}}<h2>الخط الزمني</h2><table>{{range .Timeline}}<tr><td dir="ltr">{{.Date}}</td><td>{{.Text}} <sup>{{cites $c .Sources}}</sup></td></tr>{{end}}</table>{{end}}
{{if .Entities}}<h2>الأطراف</h2><ul>{{range .Entities}}<li>{{.Name}}{{if .Roles}} — {{range $i, $r := .Roles}}{{if $i}}؛ {{end}}{{$r}}{{end}}{{end}} <small>({{.Type}}, {{.Articles}})</small></li>{{end}}</ul>{{end}}
{{if .Quotes}}<h2>التصريحات</h2>{{range .Quotes}}<h3>{{.Name}}</h3>{{range .Quotes}}<blockquote>{{.Text}} <sup>{{cite $c .Article}}</sup></blockquote>{{end}}{{end}}{{end}}
{{if .Figures}}<h2>أرقام</h2><ul>{{range .Figures}}<li><b>{{.Text}}</b> — {{.Context}} <sup>{{cites $c .Articles}}</sup></li>{{end}}</ul>{{end}}
<h2>المصادر</h2><ol>{{range $a := .Articles}}<li>{{.Published | day}} · {{outlet .Source}} · {{with link .URL}}<a href="{{.}}" rel="noopener noreferrer nofollow">{{$a.Label}}</a>{{else}}{{.Label}}{{if .URL}} · <span dir="ltr">{{.URL}}</span>{{end}}{{end}}</li>{{end}}</ol>
</body></html>
`))
