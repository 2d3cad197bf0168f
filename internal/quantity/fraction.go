package quantity

import "strings"

// joinFractions rewrites the numbers found in ws where the text writes a
// fraction: a number with a fraction after it (ثلاثة أخماس 3/5, عشرون
// وثلاثة أخماس 20.6, ثلاثة وخمس 3.2), a ratio of two numbers (واحد من
// ثلاثة, ١ على ٣, واحد جزء من مئة), and a fraction with no whole number
// (نصف, ربع الكمية, خمس الفطيرة, نصف دزينة 6).
func joinFractions(ws []Word, nums []span) []span {
	out := nums[:0:0]
	for k := 0; k < len(nums); k++ {
		s := nums[k]
		if len(out) > 0 && s.i < out[len(out)-1].j {
			continue // taken by the fraction before it (ثلاثة و خمس)
		}
		if !s.num.Ordinal {
			s = fractionAfter(ws, s)
			if k+1 < len(nums) && !nums[k+1].num.Ordinal {
				if r, ok := ratio(ws, s, nums[k+1]); ok {
					s = r
					k++
				}
			}
			if f, ok := ambiguousFraction(ws, s); ok {
				s = f
			}
		}
		out = append(out, s)
	}
	return out
}

// fractionAfter extends s with a plural denominator (ثلاثة أخماس; مائة
// واثنان وثلاثون أخماس is 132/5) or with و and a fraction (ثلاثة وخمس,
// عشرون وثلاثة أخماس: the last unit over the denominator, added to the
// rest).
func fractionAfter(ws []Word, s span) span {
	if s.num.Digits || !s.num.Integer || s.j >= len(ws) {
		return s
	}
	if d, ok := pluralDenominators[ws[s.j].Key]; ok {
		v := s.num.Value / d
		// عشرون وثلاثة أخماس: only the last unit is the numerator.
		if u, ok := lastUnit(ws, s); ok && s.num.Value > u {
			v = s.num.Value - u + u/d
		}
		s.num.Value, s.num.Integer = v, false
		s.num.Words++
		s.j++
		return s
	}
	// و then a fraction: ثلاثة وخمس, مائة وثلاثة أرباع, مائة و ثلاثة أرباع.
	j, key := s.j, ws[s.j].Key
	if key == "و" && j+1 < len(ws) {
		j++
		key = ws[j].Key
	} else if k, ok := strings.CutPrefix(key, "و"); ok {
		key = k
	} else {
		return s
	}
	if d, ok := denominators[key]; ok {
		s.num.Value += 1 / d
		s.num.Integer = false
		s.num.Words += j + 1 - s.j
		s.j = j + 1
		return s
	}
	if w, ok := cardinals[key]; ok && w.kind == unitWord && j+1 < len(ws) {
		if d, ok := pluralDenominators[ws[j+1].Key]; ok {
			s.num.Value += w.value / d
			s.num.Integer = false
			s.num.Words += j + 2 - s.j
			s.j = j + 2
		}
	}
	return s
}

// lastUnit returns the value of the last word of s when it is a unit
// joined by و to a larger number before it (the ثلاثة of عشرون وثلاثة).
func lastUnit(ws []Word, s span) (float64, bool) {
	if s.j-s.i < 2 {
		return 0, false
	}
	key := ws[s.j-1].Key
	if k, ok := strings.CutPrefix(key, "و"); ok {
		key = k
	} else if ws[s.j-2].Key != "و" {
		return 0, false
	}
	if w, ok := cardinals[key]; ok && w.kind == unitWord {
		return w.value, true
	}
	return 0, false
}

// ratio joins two whole numbers into a fraction: X على Y, X من Y, X جزء
// من Y, with X smaller than Y (فاز 3 على 1 is a score, not a ratio).
func ratio(ws []Word, s, t span) (span, bool) {
	if s.neg || t.neg || !s.num.Integer || !t.num.Integer || s.num.Value >= t.num.Value || t.num.Value == 0 {
		return s, false
	}
	gap := ws[s.j:t.i]
	switch {
	case len(gap) == 1 && (gap[0].Key == "علي" || gap[0].Key == "من"):
	case len(gap) == 2 && gap[0].Key == "جزء" && gap[1].Key == "من":
	default:
		return s, false
	}
	s.num.Value /= t.num.Value
	s.num.Integer = false
	s.num.Words = t.j - s.i
	s.j = t.j
	return s, true
}

// ambiguousFraction reads a lone خمس, سبع or تسع as a fraction (a fifth)
// before a definite noun (خمس الفطيرة), where a cardinal would follow its
// noun or take an indefinite one; before a number it is that part of it
// (خمس العشرين).
func ambiguousFraction(ws []Word, s span) (span, bool) {
	if s.j-s.i != 1 || s.num.Digits || s.j >= len(ws) {
		return s, false
	}
	d, ok := denominators[ws[s.i].Key]
	if !ok || d == 10 || !strings.HasPrefix(ws[s.j].Key, "ال") {
		return s, false
	}
	s.num.Value, s.num.Integer = 1/d, false
	if n, ok := parseCardinal([]Word{{Key: strings.TrimPrefix(ws[s.j].Key, "ال"), Kind: ws[s.j].Kind}}, 0, false); ok {
		s.num.Value *= n.Value
		s.num.Words++
		s.j++
	}
	return s, true
}

// fractionAt parses a fraction with no whole number at ws[i]: نصف, ربع,
// ثلث, ثلثا (with a number or scale after it, that part of it: نصف دزينة),
// and سدس before a definite noun. ثمن is left alone: in news it is a price
// (ثمن النفط) far more often than an eighth.
func fractionAt(ws []Word, i int) (span, bool) {
	key := ws[i].Key
	var v float64
	switch key {
	case "نصف", "ربع", "ثلث":
		v = 1 / denominators[key]
	case "ثلثا", "ثلثي", "ثلثان", "ثلثين":
		v = 2.0 / 3
	case "سدس":
		if i+1 >= len(ws) || !strings.HasPrefix(ws[i+1].Key, "ال") {
			return span{}, false
		}
		v = 1 / denominators[key]
	default:
		return span{}, false
	}
	s := span{num: Number{Value: v, Words: 1}, i: i, j: i + 1}
	if i+1 >= len(ws) {
		return s, true
	}
	if n, ok := parseCardinal(ws, i+1, false); ok {
		s.num.Value *= n.Value
		s.num.Words += n.Words
		s.j += n.Words
	}
	return s, true
}
