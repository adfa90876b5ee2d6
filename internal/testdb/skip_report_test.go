package testdb

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestReportSkipOncePerPackage runs this test binary again with the
// database variables unset: the skipped tests must say so in one line per
// variable, printed where `go test ./...` lets it through, instead of a
// bare "ok".
func TestReportSkipOncePerPackage(t *testing.T) {
	if os.Getenv("FS3_SKIP_CHILD") == "1" {
		return
	}
	for _, verbose := range []bool{false, true} {
		args := []string{"-test.run=^TestFs3SkipChild$"}
		if verbose {
			args = append(args, "-test.v")
		}
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(fs3EnvWithout("SEQUELIZE_TEST_POSTGRES", "SEQUELIZE_TEST_MYSQL", "CI"), "FS3_SKIP_CHILD=1")
		// A new session has no controlling terminal: the line that would go
		// to /dev/tty falls back to stdout, where the test reads it.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child (verbose %v): %v\n%s", verbose, err, out)
		}
		for _, env := range []string{"SEQUELIZE_TEST_POSTGRES", "SEQUELIZE_TEST_MYSQL"} {
			want := env + " is not set: the "
			var lines []string
			for l := range strings.Lines(string(out)) {
				if strings.Contains(l, want) && strings.Contains(l, "tests of this package are skipped") {
					lines = append(lines, l)
				}
			}
			if len(lines) != 1 {
				t.Errorf("verbose %v: %d lines report %s, want 1:\n%s", verbose, len(lines), env, out)
				continue
			}
			if !strings.HasPrefix(lines[0], "github.com/gosequelize/sequelize/internal/testdb: ") {
				t.Errorf("verbose %v: the line does not name the package: %q", verbose, lines[0])
			}
		}
	}
}

// TestFs3SkipChild skips on every server target twice (as two tests of a
// package would), in the child process of TestReportSkipOncePerPackage.
func TestFs3SkipChild(t *testing.T) {
	if os.Getenv("FS3_SKIP_CHILD") != "1" {
		t.Skip("run by TestReportSkipOncePerPackage")
	}
	for range 2 {
		for _, tg := range []Target{Postgres, MySQL} {
			t.Run(tg.Name, func(t *testing.T) { tg.ServerURI(t) })
		}
	}
}

func fs3EnvWithout(names ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(names, k) {
			env = append(env, kv)
		}
	}
	return env
}
