package arabic

import "testing"

func TestProcliticForm(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"بتسديدة", true}, {"وإصابة", true}, {"ليخسر", true}, {"بحسب", true}, {"بوزارة", true},
		{"للعمل", true}, {"بالطائف", true}, {"ووظيفة", true}, {"بجدة", true},
		{"برميل", false}, {"لتر", false}, {"وحدات", false}, {"وظيفة", false}, {"بطاقة", false},
		{"بواخر", false}, {"وون", false}, {"ولاية", false}, {"بريطانيا", false}, {"لاعبين", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := ProcliticForm(NormalizeString(tt.word)); got != tt.want {
				t.Errorf("ProcliticForm(%s) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}
