package ner

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
)

// Entity is one real entity and what is known of it across the articles
// given to a Canonicalizer.
type Entity struct {
	ID   int    `json:"id"`
	Type Type   `json:"type"`
	Name string `json:"name"` // the fullest canonical name seen
	// Aliases are the canonical names of its mentions with their counts,
	// most frequent first.
	Aliases []Count `json:"aliases"`
	// Roles are the titles written before its name, most frequent first.
	Roles    []Count  `json:"roles,omitempty"`
	Mentions int      `json:"mentions"`
	Articles []string `json:"articles"` // in the order they were added
}

// Count is a string with the number of times it was seen.
type Count struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Canonicalizer assigns entity ids to the mentions of articles, so that
// the mentions of one real entity share one id within an article and
// across all articles added: a surname joins the full name it shortens
// (بومبيو → مايك بومبيو), transliteration variants meet (ترمب, ترامب;
// بلينكن, بلنكن), and hamza, alef and teh marbuta variants meet. People
// who share only a surname stay apart: a surname alone joins a full name
// in its own article, or else the one person of the archive with that
// surname, and stays an entity of its own when there are several.
//
// A Canonicalizer is not safe for concurrent use.
type Canonicalizer struct {
	*names
	entities []*entityState
	byName   map[string]int   // type + name key → entity index
	bySet    map[string]int   // sorted words of a person's full name → entity index
	bySur    map[string][]int // surname key → entities of persons with a full name
}

// names is what a Canonicalizer reads from the hand-written lists.
type names struct {
	native map[string]bool // native Arabic given names, matched exactly
	// aliases maps the type and word keys of another name of a place or
	// organization (aliases.txt) to the word keys of the name it means.
	aliases map[string][]string
	// dynasties holds the word keys of the ruling families' names
	// (dynastyNames) that lineageKey leaves out, founders those of their
	// founders (founderNames).
	dynasties, founders map[string]bool
}

// listNames parses the lists once.
var listNames = sync.OnceValue(func() *names {
	n := &names{native: map[string]bool{}, aliases: map[string][]string{}, dynasties: map[string]bool{}, founders: map[string]bool{}}
	// The one-word names at the top of the person list are native
	// Arabic names: حسين and حسن are two names, not two spellings.
	eachLine(strings.Split(personsTxt, "# world")[0], func(line string) {
		if ws := strings.Fields(arabic.NormalizeString(line)); len(ws) == 1 {
			n.native[ws[0]] = true
		}
	})
	eachLine(aliasesTxt, func(line string) {
		f := strings.Split(line, "\t")
		t, err := ParseType(f[0])
		if len(f) != 3 || err != nil {
			panic("ner: aliases.txt: bad line " + line) // the embedded list is ours
		}
		other := n.wordKeys(arabic.NormalizeString(f[1]))
		n.aliases[t.String()+":"+strings.Join(other, " ")] = n.wordKeys(arabic.NormalizeString(f[2]))
	})
	for _, d := range dynastyNames {
		n.dynasties[n.tokenKey(arabic.NormalizeString(d))] = true
	}
	for _, f := range founderNames {
		n.founders[strings.Join(n.wordKeys(arabic.NormalizeString(f)), " ")] = true
	}
	return n
})

type entityState struct {
	Entity
	keys    []string // token keys of the fullest name
	aliases map[string]int
	roles   map[string]int
	lastArt string
}

// NewCanonicalizer returns an empty Canonicalizer.
func NewCanonicalizer() *Canonicalizer {
	return &Canonicalizer{names: listNames(), byName: map[string]int{}, bySet: map[string]int{}, bySur: map[string][]int{}}
}

// tokenKey is the matching key of one normalized name word: without the
// article, teh marbuta folded, and for a long transliterated word
// (five letters or more, not a native name) without its long vowels
// after the first letter, so ترامب and ترمب, بلينكن and بلنكن meet.
func (n *names) tokenKey(w string) string {
	if strings.HasPrefix(w, sAl) && utf8.RuneCountInString(w) >= 4 {
		w = w[len(sAl):]
	}
	w = arabic.FoldTehMarbuta(w)
	if utf8.RuneCountInString(w) < 5 || n.native[w] {
		return w
	}
	var b strings.Builder
	for i, r := range w {
		if i > 0 && (r == 'ا' || r == 'و' || r == 'ي') {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Key returns the matching key of a canonical name of type t (a
// Mention's Name, or an Entity's): the type and the words' matching keys
// (article dropped, teh marbuta folded, long vowels of transliterated
// words dropped, عبد and أبو joined to the next word: أبو ظبي, أبوظبي),
// a person's words in sorted order (فؤاد حسين, حسين فؤاد), or as lineageKey gives them for a name
// with بن; another name of a place or organization in aliases.txt takes the
// key of the name it means (الولايات المتحدة الأمريكية, أمريكا →
// الولايات المتحدة; تنظيم داعش → داعش). Names with one key are spellings
// of one entity (ترمب, ترامب), so
// a hash of the key is an entity id that is the same in every article and
// every run. Key only reads the Canonicalizer and is safe for concurrent
// use.
func (c *Canonicalizer) Key(t Type, name string) string {
	keys := c.nameKeys(t, name)
	if t == PERS {
		return t.String() + ":" + c.personKey(keys)
	}
	return t.String() + ":" + strings.Join(keys, " ")
}

// WordKeys returns the matching keys of the words of a normalized person
// name in their order, as Key reads them (article dropped, teh marbuta
// folded, عبد and أبو joined to the next word): عبد ربه منصور هادي →
// عبدربه منصور هادي. Key sorts them for a name without بن, so only
// WordKeys tells which words end a name. It is safe for concurrent use.
func (c *Canonicalizer) WordKeys(name string) []string {
	return c.wordKeys(name)
}

// nameKeys returns the word keys of a normalized name of type t: the
// keys of the name it means when it is another name of a listed place or
// organization (الولايات المتحدة الأمريكية → الولايات المتحدة).
func (n *names) nameKeys(t Type, name string) []string {
	keys := n.wordKeys(name)
	if t != PERS {
		if to, ok := n.aliases[t.String()+":"+strings.Join(keys, " ")]; ok {
			return to
		}
	}
	return keys
}

// wordKeys returns the tokenKey of each word of a normalized name; عبد
// or أبو and the name after it are one word, written with or without a
// space (عبد العزيز, عبدالعزيز; أبو بكر, أبوبكر). The words join from the
// last, so that أبو before عبد takes in the whole compound (أبو عبد الله
// = أبو عبدالله = أبوعبدالله).
func (n *names) wordKeys(name string) []string {
	words := strings.Fields(name)
	for i := len(words) - 2; i >= 0; i-- {
		if joinsNext[words[i]] {
			words[i] += words[i+1]
			words = append(words[:i+1], words[i+2:]...)
		}
	}
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = n.tokenKey(w)
	}
	return keys
}

// joinsNext are the words that begin a compound name written with or
// without a space: عبد (servant of) and أبو (father of), as normalized.
// The Gulf and Maghreb بو is left out: بو is also Beau (بو بايدن), and
// joined it would keep بايدن alone from the son's name.
var joinsNext = map[string]bool{"عبد": true, "ابو": true}

// KnownPersons returns the full names (two words or more) of the public
// figures in the hand-written list of persons (persons.txt, after its
// given names) and then in figures.txt (a list the tagger does not read),
// normalized (arabic.NormalizeString), in list order. A surname alone
// in an article most likely names the one listed person with that
// surname (اوباما → باراك اوباما), and the last words of a listed name
// the listed person (منصور هادي → عبد ربه منصور هادي).
func KnownPersons() []string {
	var out []string
	_, figures, _ := strings.Cut(personsTxt, "# world")
	for _, txt := range []string{figures, figuresTxt} {
		eachLine(txt, func(line string) {
			if ws := strings.Fields(arabic.NormalizeString(line)); len(ws) > 1 {
				out = append(out, strings.Join(ws, " "))
			}
		})
	}
	return out
}

// IsGivenName reports whether the normalized word norm (arabic.NormalizeString,
// no clitics) is one of the native Arabic given names at the top of the
// hand-written person list (احمد, محمد, سليمان …).
func IsGivenName(norm string) bool {
	return listNames().native[norm]
}

// local is an entity within one article.
type local struct {
	typ    Type
	keys   []string
	global int // entity index, -1 until resolved
}

// Add assigns entity ids to the mentions of one article and returns
// them, one per mention. article names the article (its id or URL).
func (c *Canonicalizer) Add(article string, mentions []Mention) []int {
	ids := make([]int, len(mentions))
	locals := []*local{}
	of := make([]*local, len(mentions))
	for i, mn := range mentions {
		keys := c.nameKeys(mn.Type, mn.Name)
		if len(keys) == 0 {
			continue
		}
		var hit *local
		// The latest entity of the article this mention names.
		for j := len(locals) - 1; j >= 0 && hit == nil; j-- {
			l := locals[j]
			if l.typ != mn.Type {
				continue
			}
			switch {
			case equalKeys(l.keys, keys):
				hit = l
			case mn.Type == PERS && len(keys) > 1 && c.reordered(l.keys, keys):
				hit = l // the same names in another order (حسين فؤاد)
			case mn.Type == PERS && len(keys) == 1 && len(l.keys) > 1 && familyName(l.keys) == keys[0]:
				hit = l // the surname of a full name
			case mn.Type == PERS && len(l.keys) == 1 && len(keys) > 1 && familyName(keys) == l.keys[0]:
				hit, l.keys = l, keys // a surname first, the full name later
			}
		}
		if hit == nil {
			hit = &local{typ: mn.Type, keys: keys, global: -1}
			locals = append(locals, hit)
		}
		of[i] = hit
	}
	for _, l := range locals {
		l.global = c.resolve(l)
	}
	for i, mn := range mentions {
		l := of[i]
		if l == nil {
			ids[i] = 0
			continue
		}
		e := c.entities[l.global]
		ids[i] = e.ID
		e.Mentions++
		e.aliases[mn.Name]++
		if mn.Role != "" {
			e.roles[mn.Role]++
		}
		if e.lastArt != article || len(e.Articles) == 0 {
			e.Articles = append(e.Articles, article)
			e.lastArt = article
		}
	}
	return ids
}

// resolve finds or makes the archive entity of an article entity.
func (c *Canonicalizer) resolve(l *local) int {
	key := l.typ.String() + ":" + strings.Join(l.keys, " ")
	if g, ok := c.byName[key]; ok {
		return g
	}
	if l.typ == PERS && len(l.keys) > 1 {
		if g, ok := c.bySet[sortedKey(l.keys)]; ok && c.reordered(c.entities[g].keys, l.keys) {
			c.byName[key] = g
			return g
		}
	}
	if sur := familyName(l.keys); l.typ == PERS && sur != "" {
		cands := c.bySur[sur]
		if len(l.keys) == 1 && len(cands) == 1 {
			return cands[0] // the one person of the archive with this surname
		}
		if len(l.keys) > 1 {
			// A person known so far by the surname alone gets the full
			// name, unless another full name already uses the surname.
			if g, ok := c.byName[PERS.String()+":"+sur]; ok && len(cands) == 0 {
				e := c.entities[g]
				e.keys = l.keys
				c.byName[key] = g
				c.bySet[sortedKey(l.keys)] = g
				c.bySur[sur] = append(c.bySur[sur], g)
				return g
			}
		}
	}
	g := len(c.entities)
	c.entities = append(c.entities, &entityState{
		Entity:  Entity{ID: g + 1, Type: l.typ},
		keys:    l.keys,
		aliases: map[string]int{},
		roles:   map[string]int{},
	})
	c.byName[key] = g
	if l.typ == PERS && len(l.keys) > 1 {
		if sur := familyName(l.keys); sur != "" {
			c.bySur[sur] = append(c.bySur[sur], g)
		}
		c.bySet[sortedKey(l.keys)] = g
	}
	return g
}

// lineage are the words that join a person's name to a parent's: بن,
// ابن, بنت (as name keys, which are also their normalized forms).
var lineage = map[string]bool{"بن": true, "ابن": true, "بنت": true}

// IsLineage reports whether the normalized word norm joins a person's
// name to a parent's: بن, ابن or بنت.
func IsLineage(norm string) bool { return lineage[norm] }

// linksName reports whether the normalized word norm joins the next word
// to a person's name, as a parent's or a family's (بن, ابن, بنت, آل): a
// name never ends with it, and the word after it is no title.
func linksName(norm string) bool { return lineage[norm] || norm == "ال" }

// lineageKey returns the key words of a person's name that joins it to
// a parent's (بن, ابن or بنت after its first word), in their order, and
// true; or nil and false for another name. The order stays, as عبدالله
// بن محمد is the father of محمد بن عبدالله. A ruling family's name at
// the end is left out with the forebears between it and the father
// (سلمان بن عبدالعزيز آل سعود = سلمان بن عبدالعزيز; محمد بن نايف بن
// عبدالعزيز آل سعود = محمد بن نايف), as news writes them or leaves them
// out for one person; a family name that is no dynasty's stays
// (عبدالله بن محمد الزامل and عبدالله بن محمد المطيري are two people),
// and so do forebears without a dynasty after them. The founder of a
// dynasty (founderNames) as the last forebear counts as the dynasty's
// name: محمد بن نايف بن عبدالعزيز = محمد بن نايف, and خالد الفيصل بن
// عبدالعزيز = خالد الفيصل (whose words are sorted, as another name's),
// while فهد بن عبدالعزيز بن معمر stays whole. A father's name after أبو
// is two words (علي بن أبي طالب).
func (n *names) lineageKey(keys []string) ([]string, bool) {
	i := 1
	for i+1 < len(keys) && !lineage[keys[i]] {
		i++
	}
	if i+1 >= len(keys) {
		return nil, false
	}
	if i >= 2 && i+2 == len(keys) && n.founders[keys[i+1]] {
		// A son and his father without بن, and the founder: the words
		// before it as a name without بن (personKey sorts them).
		return strings.Fields(sortedKey(keys[:i])), true
	}
	out := append([]string(nil), keys[:i]...)
	out = append(out, keys[i], keys[i+1])
	j := i + 2
	if kunya[keys[i+1]] && j < len(keys) {
		out = append(out, keys[j])
		j++
	}
	if last := len(keys); last-j >= 2 && (keys[last-2] == "ال" && n.dynasties[keys[last-1]] || lineage[keys[last-2]] && n.founders[keys[last-1]]) {
		// A ruler's or a prince's name: the forebears between the father
		// and the dynasty, or its founder, go with it (elsewhere the last
		// بن may begin a family name: فهد بن عبدالعزيز بن معمر).
		j := j
		for j+1 < last-2 && lineage[keys[j]] {
			j += 2
		}
		if j == last-2 {
			return out, true
		}
	}
	return append(out, keys[j:]...), true
}

// personKey is the key words of a person's name as Key joins them: in
// their order as lineageKey gives them for a name with بن, else sorted.
func (n *names) personKey(keys []string) string {
	if lk, ok := n.lineageKey(keys); ok {
		return strings.Join(lk, " ")
	}
	return sortedKey(keys)
}

// reordered reports whether the word keys a and b of two person names
// are the same words in another order that name one person (حسين فؤاد,
// فؤاد حسين): not a son and his father (محمد بن عبدالله, عبدالله بن
// محمد), whose keys keep their order (personKey).
func (n *names) reordered(a, b []string) bool {
	return sortedKey(a) == sortedKey(b) && n.personKey(a) == n.personKey(b)
}

// kunya are the forms of أبو (father of) that begin a name of two words
// after بن (علي بن أبي طالب). أبو itself is not among them: wordKeys has
// joined it to the word after it already (joinsNext).
var kunya = map[string]bool{"ابي": true, "ابا": true}

// dynastyNames are the ruling families whose name (after آل) news adds
// to a ruler's or a prince's name or leaves out.
var dynastyNames = []string{"سعود", "نهيان", "مكتوم", "خليفة", "ثاني", "الصباح", "سعيد", "القاسمي", "النعيمي", "المعلا", "الشرقي"}

// founderNames are the founders of ruling families whose name news
// writes as the last forebear of a prince in place of the family's name:
// the princes of آل سعود are the grandsons of King Abdulaziz and more
// (محمد بن نايف بن عبدالعزيز, فيصل بن مشعل بن سعود بن عبدالعزيز), so
// the founder after a father and his forebears goes as آل سعود does,
// while another last forebear stays (فهد بن عبدالعزيز بن معمر, a family
// name; عبدالله بن عبدالعزيز بن مساعد, not King Abdullah).
var founderNames = []string{"عبدالعزيز"}

// familyName returns the last word key of a person's name when it can
// stand alone for the person, as a family name does (الكاظمي for مصطفى
// الكاظمي); "" when it is a parent's name after بن, which alone names
// the parent (عبدالعزيز in سلمان بن عبدالعزيز), or keys is empty.
func familyName(keys []string) string {
	n := len(keys)
	if n == 0 || n >= 2 && lineage[keys[n-2]] {
		return ""
	}
	return keys[n-1]
}

// Ancestor reports whether the person's name part (normalized) names an
// ancestor in the fuller name full: the first word of part follows بن,
// ابن or بنت somewhere in full (the rest of part is not compared). سلمان بن عبدالعزيز in محمد بن سلمان بن عبدالعزيز
// names the father, not the son, though full holds all its words.
func Ancestor(part, full string) bool {
	p, f := strings.Fields(part), strings.Fields(full)
	if len(p) == 0 {
		return false
	}
	for k := 1; k < len(f); k++ {
		if f[k] == p[0] && lineage[f[k-1]] {
			return true
		}
	}
	return false
}

// sortedKey is the words of a name in sorted order.
func sortedKey(keys []string) string {
	s := append([]string(nil), keys...)
	sort.Strings(s)
	return strings.Join(s, " ")
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Entities returns the entities seen so far, by id.
func (c *Canonicalizer) Entities() []Entity {
	out := make([]Entity, 0, len(c.entities))
	for _, e := range c.entities {
		x := e.Entity
		x.Aliases = counts(e.aliases)
		x.Roles = counts(e.roles)
		x.Articles = append([]string(nil), e.Articles...)
		// The name is the most frequent alias among the longest ones.
		for _, a := range x.Aliases {
			if n := len(strings.Fields(a.Text)); n > len(strings.Fields(x.Name)) {
				x.Name = a.Text
			}
		}
		out = append(out, x)
	}
	return out
}

func counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for s, n := range m {
		out = append(out, Count{s, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	return out
}
