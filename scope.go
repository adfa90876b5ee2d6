package sequelize

import (
	"fmt"
	"maps"
	"slices"

	"github.com/gosequelize/sequelize/op"
)

// ScopeFunc builds a scope's options from its arguments (Sequelize's
// scope functions). StaticScope wraps fixed options.
type ScopeFunc func(args ...any) FindOptions

// StaticScope returns a ScopeFunc that always gives o.
func StaticScope(o FindOptions) ScopeFunc { return func(...any) FindOptions { return o } }

// ScopeCall names a scope function and its arguments for Model.Scope
// (Sequelize's {method: ['name', ...args]}).
type ScopeCall struct {
	Name string
	Args []any
}

// WhereMergeAnd is the ModelOptions.WhereMergeStrategy that combines the
// wheres of merged scopes with AND instead of overwriting attribute by
// attribute.
const WhereMergeAnd = "and"

// Scope returns a view of the model with the named scopes merged, in
// order (Sequelize's Model.scope): each name is a string, a ScopeCall, or
// "defaultScope". Calling Scope on a scoped view starts again from no
// scope, as in Sequelize; the default scope applies only when named. An
// unknown name is a *SequelizeScopeError. The view shares the model's
// definition and hooks.
func (md *Model[T]) Scope(names ...any) (*Model[T], error) {
	cur := md.at() // reads the scopes; the view returned stays unpinned
	merged := FindOptions{}
	for _, n := range names {
		var o FindOptions
		switch x := n.(type) {
		case string:
			if x == "defaultScope" {
				if cur.m.opts.DefaultScope != nil {
					o = *cur.m.opts.DefaultScope
				}
				break
			}
			fn, ok := cur.m.opts.Scopes[x]
			if !ok {
				return nil, &SequelizeScopeError{newBase("SequelizeScopeError", fmt.Sprintf("Invalid scope %s called.", x), nil)}
			}
			o = fn()
		case ScopeCall:
			fn, ok := cur.m.opts.Scopes[x.Name]
			if !ok {
				return nil, &SequelizeScopeError{newBase("SequelizeScopeError", fmt.Sprintf("Invalid scope %s called.", x.Name), nil)}
			}
			o = fn(x.Args...)
		case FindOptions:
			o = x
		default:
			return nil, &SequelizeScopeError{newBase("SequelizeScopeError", fmt.Sprintf("invalid scope %v (%T): use a name, a ScopeCall or FindOptions", n, n), nil)}
		}
		merged = cur.mergeScope(merged, o)
	}
	v := *md
	v.scope = &merged
	return &v, nil
}

// Unscoped returns a view of the model with no scope, not even the
// default one (Sequelize's Model.unscoped).
func (md *Model[T]) Unscoped() *Model[T] {
	v := *md
	v.scope = nil
	return &v
}

// mergeWhere merges two wheres by the model's strategy: attribute keys of
// b overwrite a's (Sequelize's default), or AND of both.
func (md *Model[T]) mergeWhere(a, b any) any {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	if md.m.opts.WhereMergeStrategy != WhereMergeAnd {
		if wa, ok := a.(Where); ok {
			if wb, ok := b.(Where); ok {
				out := maps.Clone(wa)
				maps.Copy(out, wb)
				return out
			}
		}
	}
	return op.And(a, b)
}

// mergeScope merges b onto a by Sequelize's rules: wheres and havings as
// mergeWhere; attribute lists, orders and groups concatenated; includes
// merged by association (b's wins for the same association); other
// options: b's when set.
func (md *Model[T]) mergeScope(a, b FindOptions) FindOptions {
	out := a
	out.Where = md.mergeWhere(a.Where, b.Where)
	out.Having = md.mergeWhere(a.Having, b.Having)
	if b.Attributes != nil {
		out.Attributes = append(slices.Clone(a.Attributes), b.Attributes...)
	}
	out.Order = append(slices.Clone(a.Order), b.Order...)
	out.Group = append(slices.Clone(a.Group), b.Group...)
	out.Include = slices.Clone(a.Include)
	for _, inc := range b.Include {
		if i := slices.IndexFunc(out.Include, func(x Include) bool { return x.Association == inc.Association }); i >= 0 && inc.Association != nil {
			out.Include[i] = inc
		} else {
			out.Include = append(out.Include, inc)
		}
	}
	if b.Limit != 0 {
		out.Limit = b.Limit
	}
	if b.Offset != 0 {
		out.Offset = b.Offset
	}
	if b.Lock != "" {
		out.Lock = b.Lock
	}
	out.SkipLocked = out.SkipLocked || b.SkipLocked
	out.Raw = out.Raw || b.Raw
	if b.Paranoid != nil {
		out.Paranoid = b.Paranoid
	}
	out.RejectOnEmpty = out.RejectOnEmpty || b.RejectOnEmpty
	if b.Transaction != nil {
		out.Transaction = b.Transaction
	}
	if b.Logging != nil {
		out.Logging = b.Logging
	}
	if b.via != nil {
		out.via = b.via
	}
	if b.perParent != nil {
		out.perParent = b.perParent
	}
	if b.match != nil {
		out.match = b.match
	}
	return out
}

// scoped merges a query's options onto the model's scope (the query wins
// for single options; wheres merge).
func (md *Model[T]) scoped(o FindOptions) FindOptions {
	if md.scope == nil {
		return o
	}
	return md.mergeScope(*md.scope, o)
}

// scopedWhere is the where of a count, aggregate, update or destroy: the
// scope's where merged with the operation's.
func (md *Model[T]) scopedWhere(w any) any {
	if md.scope == nil {
		return w
	}
	return md.mergeWhere(md.scope.Where, w)
}
