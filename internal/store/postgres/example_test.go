package postgres_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store/postgres"
)

// Open a server store, store an article (which enqueues its analysis job)
// and claim the job as a worker would.
func ExampleOpen() {
	ctx := context.Background()
	s, err := postgres.Open(ctx, "postgres://rasid@127.0.0.1:5432/rasid?sslmode=disable")
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	a := news.Article{ID: "a1", Source: "الأفق", Body: "بدأت في عمّان جولة جديدة من محادثات المياه."}
	if _, err := s.PutArticles(ctx, []news.Article{a}); err != nil {
		log.Fatal(err)
	}
	jobs, err := s.Claim(ctx, "example-worker", 1, time.Minute)
	if err != nil {
		log.Fatal(err)
	}
	for _, j := range jobs {
		fmt.Println(j.Kind, j.ArticleID)
	}
}
