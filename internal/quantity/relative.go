package quantity

import "strings"

// relativeOrdinals maps the lookup form of relative ordinals to their
// value in Recognizers-Text's writing.
var relativeOrdinals = normKeys(map[string]string{
	"الاخير": "end+0", "الاخيره": "end+0",
	"التالي": "current+1", "التاليه": "current+1",
	"السابق": "current-1", "السابقه": "current-1",
	"الحالي": "current+0", "الحاليه": "current+0",
})

// appendRelative appends the relative ordinals of ws[from:to]: الأخير and
// قبل الأخير (end-1), آخر before an indefinite noun (آخر كتاب), التالي,
// السابق and الحالي.
func appendRelative(out []Quantity, ws []Word, rs []rune, from, to int) []Quantity {
	for i := from; i < to; i++ {
		key := ws[i].Key
		rel, ok := relativeOrdinals[strings.TrimPrefix(key, "و")]
		start := i
		switch {
		case ok && rel == "end+0" && i > 0 && (ws[i-1].Key == "قبل" || ws[i-1].Key == "قبلا"):
			rel, start = "end-1", i-1
		case ok:
		case (key == "اخر" || key == "واخر") && i+1 < len(ws) && !strings.HasPrefix(ws[i+1].Key, "ال") && ws[i+1].Kind == ws[i].Kind:
			rel = "end+0"
		default:
			continue
		}
		q := Quantity{Start: ws[start].Start, End: ws[i].End, Type: TypeOrdinal, Relative: rel}
		q.Text = string(rs[q.Start:q.End])
		out = append(out, q)
	}
	return out
}
