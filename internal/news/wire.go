package news

// IsWireService reports whether a normalized word (arabic.NormalizeString)
// is the name a wire service signs a dateline with: واس, رويترز, وام,
// كونا, قنا, بنا, سبا, يونا, الأناضول. A dateline (الرياض 25 شوال 1436
// هـ الموافق 10 اغسطس 2015 م واس) tells no event of its own, and the
// card's timeline and the summary both leave one out.
func IsWireService(norm string) bool { return wireServices[norm] }

// wireServices are the names of IsWireService, normalized.
var wireServices = map[string]bool{
	"واس": true, "رويترز": true, "وام": true, "كونا": true, "قنا": true, "بنا": true,
	"سبا": true, "يونا": true, "الاناضول": true,
}
