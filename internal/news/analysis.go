package news

// Analysis is everything rasid's analyzers found in one article, computed
// once and stored so that later steps read it instead of recomputing. Spans
// are Unicode code point offsets into the article's Body.
type Analysis struct {
	ID string `json:"id"` // the article's ID
	// Analyzer identifies the analyzer build that produced this analysis, so
	// that `rasid reanalyze` can find analyses made by an older model.
	Analyzer   string     `json:"analyzer"`
	Sentences  []Span     `json:"sentences"`
	Entities   []Entity   `json:"entities"`
	Timexes    []Timex    `json:"timexes"`
	Quantities []Quantity `json:"quantities"`
	Quotes     []Quote    `json:"quotes"`
	// PublishedInferred is the publication day estimated from the text
	// when the article came without a date; the time expressions were then
	// resolved against it. Nil when the input gave a date or no estimate
	// was made. It never replaces a date the input gave.
	PublishedInferred *InferredDate `json:"published_inferred,omitempty"`
}

// InferredDate is a publication day estimated from an article's content.
type InferredDate struct {
	Date       string  `json:"date"`       // YYYY-MM-DD
	Confidence float64 `json:"confidence"` // in [0,1]: the share of right days measured for its kind of evidence
}

// Span is a piece of the original text: Text == []rune(body)[Start:End].
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is one mention of a named entity.
type Entity struct {
	Span
	Type     string `json:"type"`      // PERS, LOC, ORG, MISC
	EntityID string `json:"entity_id"` // one id per real entity
	Name     string `json:"name"`      // canonical name, clitics and titles dropped
	Role     string `json:"role,omitempty"`
}

// Timex is one temporal expression normalized against the publication date.
type Timex struct {
	Span
	Type        string `json:"type"`  // date, time, duration, set
	Value       string `json:"value"` // TIMEX3 style: 2015-08-05, 2015-W32, P3D, PAST_REF
	Granularity string `json:"granularity,omitempty"`
	Hijri       string `json:"hijri,omitempty"`
	// Name marks a year that ends a name (كأس العالم 2018, رؤية 2030):
	// a year, but no date of an event the article tells.
	Name bool `json:"name,omitempty"`
}

// Quantity is one number, amount, percentage, range or count.
type Quantity struct {
	Span
	Type  string  `json:"type"`
	Value float64 `json:"value"`
	// To is the upper end of a range.
	To   float64 `json:"to,omitempty"`
	Unit string  `json:"unit"` // currency code, %, or the counted noun
}

// Quote is one statement with its speaker.
type Quote struct {
	Span
	Speaker Speaker `json:"speaker"`
	Cue     string  `json:"cue"`
	Direct  bool    `json:"direct"`
}

// Speaker is who made a statement: the words in the text, the resolved name
// and the entity id when the speaker is a recognized entity.
type Speaker struct {
	Text     string `json:"text"`
	Name     string `json:"name"`
	EntityID string `json:"entity_id,omitempty"`
	Start    int    `json:"start,omitempty"`
	End      int    `json:"end,omitempty"`
}
