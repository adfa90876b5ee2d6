package hooks_test

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/gosequelize/sequelize"
)

// Helpers of the hooks ports: sinon-like spies on model hooks.

// errWhoops is the error the JS hooks throw.
//
//lint:ignore ST1005 the message of the JS tests
var errWhoops = errors.New("Whoops!")

// ihCalls counts hook calls by name, as the JS tests' sinon spies do;
// hooks may run on other goroutines than the test's.
type ihCalls struct {
	mu    sync.Mutex
	n     map[string]int
	order []string
}

func (h *ihCalls) add(name string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == nil {
		h.n = map[string]int{}
	}
	h.n[name]++
	h.order = append(h.order, name)
}

func (h *ihCalls) get(name string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[name]
}

// seq returns the names in call order.
func (h *ihCalls) seq() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.order)
}

// spy returns a model hook that counts its calls under name.
func ihSpy[T any](h *ihCalls, name string) sequelize.Hook[T] {
	return func(_ context.Context, _ *sequelize.HookEvent[T]) error {
		h.add(name)
		return nil
	}
}

// ihFail returns a model hook that counts its call under name and fails
// with err.
func ihFail[T any](h *ihCalls, name string, err error) sequelize.Hook[T] {
	return func(_ context.Context, _ *sequelize.HookEvent[T]) error {
		h.add(name)
		return err
	}
}

// ihCalled fails the case unless each named hook ran want times.
func ihCalled(c *C, h *ihCalls, want map[string]int) {
	c.Helper()
	for name, n := range want {
		if got := h.get(name); got != n {
			c.Fatalf("%s ran %d times, want %d (calls: %v)", name, got, n, h.seq())
		}
	}
}
