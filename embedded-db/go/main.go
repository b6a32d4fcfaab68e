// Command ferretdb-embedded runs FerretDB 1.24 over SQLite files for development,
// tests and the demo. It prints the MongoDB URI, naming the app's database, on
// stdout and writes it to <dir>/mongodb.uri, then serves until SIGINT or SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dataDir := flag.String("data-dir", "./data", "directory for SQLite files and mongodb.uri")
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on; port 0 picks a free one")
	database := flag.String("database", "congkhai", "database the URI names, so a MongoDB shell opened with it sees the app's data")
	watchStdin := flag.Bool("exit-on-stdin-close", false, "stop when standard input closes, so the server never outlives its owner")
	flag.Parse()

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("ferretdb: bad data dir: %v", err)
	}
	dbDir := filepath.Join(dir, "sqlite")
	if err = os.MkdirAll(dbDir, 0o700); err != nil {
		log.Fatalf("ferretdb: cannot create %s: %v", dbDir, err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		Handler:   "sqlite",
		SQLiteURL: "file:" + dbDir + "/",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	uri, err := withDatabase(f.MongoDBURI(), *database)
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}
	uriFile := filepath.Join(dir, "mongodb.uri")
	if err = os.WriteFile(uriFile, []byte(uri+"\n"), 0o600); err != nil {
		log.Fatalf("ferretdb: cannot write %s: %v", uriFile, err)
	}
	fmt.Println(uri)

	err = <-done
	// Remove the URI file only if it is still ours, so a newer server's file survives.
	if b, readErr := os.ReadFile(uriFile); readErr == nil && string(b) == uri+"\n" {
		_ = os.Remove(uriFile)
	}
	if err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}

// withDatabase returns the server's URI with its path set to the database name.
func withDatabase(uri, database string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("bad URI %q: %w", uri, err)
	}
	u.Path = "/" + database
	return u.String(), nil
}
