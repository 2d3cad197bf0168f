package arabic_test

import (
	"fmt"

	"github.com/rasid-news/rasid/internal/arabic"
)

func ExampleStem() {
	for _, w := range []string{"وبغداد", "بغداد", "للعراق", "كتابهم", "الطالبات", "بومبيو"} {
		fmt.Println(w, arabic.Stem(w))
	}
	// Output:
	// وبغداد بغداد
	// بغداد بغداد
	// للعراق العراق
	// كتابهم كتاب
	// الطالبات طالب
	// بومبيو بومبيو
}

func ExampleIsStopword() {
	fmt.Println(arabic.IsStopword("الذي"), arabic.IsStopword("العراق"))
	// Output: true false
}
