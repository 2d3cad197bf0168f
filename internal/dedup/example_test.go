package dedup_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/dedup"
)

func ExampleIndex() {
	wire := "أعلنت وزارة المياه والري اليوم أن الجولة الثالثة من المفاوضات مع الجانب السوري حول مياه نهر اليرموك ستعقد في عمان يومي الأربعاء والخميس المقبلين بعد توقف الاجتماعات الوزارية خلال شهر رمضان المبارك وأن اللجنة الفنية المشتركة أنهت جداول القياس."
	ix := dedup.New(dedup.DefaultOptions())
	at := func(h int) time.Time { return time.Date(2026, 3, 26, h, 0, 0, 0, time.UTC) }
	ix.Add(dedup.Doc{ID: "wire", Published: at(10), Text: wire})
	ix.Add(dedup.Doc{ID: "other", Published: at(11), Text: "تغلب فريق الهلال على منافسه النصر بهدفين مقابل هدف في المباراة التي جمعتهما مساء أمس على ملعب الملك فهد الدولي في الرياض ضمن منافسات الدوري."})
	// A reprint with a dateline and one word changed; the canonical copy
	// is the earliest.
	ix.Add(dedup.Doc{ID: "reprint", Published: at(12), Text: "عمان - " + strings.Replace(wire, "المبارك", "الكريم", 1)})
	for _, g := range ix.Groups() {
		fmt.Print(ix.Doc(g.Canonical).ID, " ←")
		for _, c := range g.Copies {
			fmt.Print(" ", ix.Doc(c).ID)
		}
		fmt.Println()
	}
	// Output:
	// wire ← reprint
}
