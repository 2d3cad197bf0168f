package ner

import "fmt"

// Type is the type of a named entity.
type Type uint8

// Entity types, as in ANERcorp.
const (
	PERS Type = iota // a person
	LOC              // a location: country, city, region, geographic feature
	ORG              // an organization: government body, company, party, team
	MISC             // any other name: event, nationality used as a name, product
	numTypes
)

var typeNames = [numTypes]string{"PERS", "LOC", "ORG", "MISC"}

// String returns the ANERcorp name of t.
func (t Type) String() string {
	if t < numTypes {
		return typeNames[t]
	}
	return "?"
}

// MarshalText implements encoding.TextMarshaler.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// ParseType returns the Type named s (PERS, LOC, ORG or MISC).
func ParseType(s string) (Type, error) {
	for i, n := range typeNames {
		if n == s {
			return Type(i), nil
		}
	}
	return 0, fmt.Errorf("unknown entity type %q (want PERS, LOC, ORG or MISC)", s)
}

// Tag is a BIO tag: O, or B- or I- of an entity type.
type Tag uint8

// O is the tag of a token outside any entity. The other tags are B(t)
// and I(t).
const O Tag = 0

// numTags is the number of tags: O and B/I of each type.
const numTags = 1 + 2*int(numTypes)

// B returns the tag that begins an entity of type t.
func B(t Type) Tag { return Tag(1 + 2*t) }

// I returns the tag that continues an entity of type t.
func I(t Type) Tag { return Tag(2 + 2*t) }

// IsBegin reports whether g is a B- tag.
func (g Tag) IsBegin() bool { return g != O && g%2 == 1 }

// Type returns the entity type of a B- or I- tag (meaningless for O).
func (g Tag) Type() Type { return Type((g - 1) / 2) }

// String returns the tag as ANERcorp writes it: O, B-PERS, I-LOC, ….
func (g Tag) String() string {
	switch {
	case g == O:
		return "O"
	case int(g) >= numTags:
		return "?"
	case g.IsBegin():
		return "B-" + g.Type().String()
	}
	return "I-" + g.Type().String()
}

// ParseTag returns the tag written s: O, or B- or I- followed by PERS,
// LOC, ORG or MISC.
func ParseTag(s string) (Tag, error) {
	if s == "O" {
		return O, nil
	}
	if len(s) > 2 && s[1] == '-' && (s[0] == 'B' || s[0] == 'I') {
		t, err := ParseType(s[2:])
		if err == nil {
			if s[0] == 'B' {
				return B(t), nil
			}
			return I(t), nil
		}
	}
	return O, fmt.Errorf("unknown tag %q (want O or B-/I- with PERS, LOC, ORG or MISC)", s)
}

// Chunk is an entity found in a tag sequence: tokens [Start, End) of
// type Type.
type Chunk struct {
	Type  Type
	Start int
	End   int
}

// Chunks returns the entities of a BIO tag sequence by the CoNLL-2003
// convention: an entity is a B- tag, or an I- tag that does not continue
// an entity of its type, followed by the I- tags of the same type.
func Chunks(tags []Tag) []Chunk {
	var out []Chunk
	for i := 0; i < len(tags); {
		g := tags[i]
		if g == O {
			i++
			continue
		}
		t := g.Type()
		j := i + 1
		for j < len(tags) && tags[j] == I(t) {
			j++
		}
		out = append(out, Chunk{Type: t, Start: i, End: j})
		i = j
	}
	return out
}
