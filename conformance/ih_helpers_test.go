package conformance_test

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/gosequelize/sequelize"
)

// Helpers shared by the include and hooks ports (include/*.test.js,
// include.test.js, hooks/*.test.js).

// ihDefine defines the model T under Sequelize's model name on c.DB, with
// the options of the JS define (at most one).
func ihDefine[T any](c *C, name string, opts ...sequelize.ModelOptions) *sequelize.Model[T] {
	c.Helper()
	var o sequelize.ModelOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	o.ModelName = name
	return sequelize.Define[T](c.DB, o)
}

// ihRes holds a (value, error) pair so that a call's result can be checked
// in one expression: ihR(users.FindAll(ctx)).get(c).
type ihRes[T any] struct {
	v   T
	err error
}

func ihR[T any](v T, err error) ihRes[T] { return ihRes[T]{v, err} }

// get fails the case on an error and returns the value.
func (r ihRes[T]) get(c *C) T {
	c.Helper()
	c.Must(r.err)
	return r.v
}

// ihCreate creates each instance with m.Create, failing the case on an
// error, and returns them.
func ihCreate[T any](c *C, m *sequelize.Model[T], insts ...*T) []*T {
	c.Helper()
	for _, in := range insts {
		c.Must(m.Create(c.Ctx, in))
	}
	return insts
}

// ihBulk bulk-creates insts and returns them (ids filled).
func ihBulk[T any](c *C, m *sequelize.Model[T], insts ...*T) []*T {
	c.Helper()
	c.Must(m.BulkCreate(c.Ctx, insts))
	return insts
}

// ihAll returns every row of m ordered by id: Sequelize's findAll() of the
// rows just created, whose order the JS tests rely on.
func ihAll[T any](c *C, m *sequelize.Model[T]) []*T {
	c.Helper()
	return ihR(m.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id", "ASC"}}})).get(c)
}

// ihWhoops is the error the JS hooks throw.
var ihWhoops = errors.New("Whoops!")

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
