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
func (md *modelCore) mergeWhere(a, b any) any {
	return mergeWhereBy(md.m.opts.WhereMergeStrategy, a, b)
}

func mergeWhereBy(strategy string, a, b any) any {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	if strategy != WhereMergeAnd {
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
// of the same association merged with each other, nested includes too
// (mergeIncludes); other options: b's when set.
func (md *modelCore) mergeScope(a, b FindOptions) FindOptions {
	out := a
	out.Where = md.mergeWhere(a.Where, b.Where)
	out.Having = md.mergeWhere(a.Having, b.Having)
	if b.Attributes != nil {
		out.Attributes = append(slices.Clone(a.Attributes), b.Attributes...)
	}
	out.Order = append(slices.Clone(a.Order), b.Order...)
	out.Group = append(slices.Clone(a.Group), b.Group...)
	out.Include = mergeIncludes(md.m.opts.WhereMergeStrategy, a.Include, b.Include)
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
	if b.RejectOnEmpty != nil {
		out.RejectOnEmpty = b.RejectOnEmpty
	}
	if b.Transaction != nil {
		out.Transaction = b.Transaction
	}
	if b.Logging != nil {
		out.Logging = b.Logging
	}
	if b.Scope != nil {
		out.Scope = b.Scope
	}
	if b.via != nil {
		out.via = b.via
	}
	if b.perParent != nil {
		out.perParent = b.perParent
	}
	out.internal = out.internal || b.internal
	if b.match != nil {
		out.match = b.match
	}
	return out
}

// scoped merges a query's options onto the model's scope (the query wins
// for single options; wheres merge).
func (md *modelCore) scoped(o FindOptions) FindOptions {
	if md.scope == nil {
		return o
	}
	return md.mergeScope(*md.scope, o)
}

// mergeIncludes merges b's includes onto a's by association, b's winning
// for the same association.
// scopedAggregate merges the scope into the options of a count or an
// aggregate, as Sequelize's _injectScope: its where, its includes (which
// filter the rows counted) and its Paranoid when the call sets none.
func (md *modelCore) scopedAggregate(where any, incs []Include, paranoid *bool) (any, []Include, *bool) {
	if md.scope == nil {
		return where, incs, paranoid
	}
	if paranoid == nil {
		paranoid = md.scope.Paranoid
	}
	if len(md.scope.Include) > 0 {
		incs = mergeIncludes(md.m.opts.WhereMergeStrategy, md.scope.Include, incs)
	}
	return md.mergeWhere(md.scope.Where, where), incs, paranoid
}

// scopedWhere is the where of a count, aggregate, update or destroy: the
// scope's where merged with the operation's.
func (md *modelCore) scopedWhere(w any) any {
	if md.scope == nil {
		return w
	}
	return md.mergeWhere(md.scope.Where, w)
}

// mergeIncludes merges the includes b onto a, as Sequelize merges the
// includes of the same model and alias: an include of an association a
// already has is merged into it (mergeInclude), recursively; others are
// appended. Merged scopes give the same includes whatever their order.
func mergeIncludes(strategy string, a, b []Include) []Include {
	if len(b) == 0 {
		return slices.Clone(a)
	}
	out := slices.Clone(a)
	for _, inc := range b {
		i := slices.IndexFunc(out, func(x Include) bool { return x.Association == inc.Association })
		if i < 0 || inc.Association == nil {
			out = append(out, inc)
			continue
		}
		out[i] = mergeInclude(strategy, out[i], inc)
	}
	return out
}

// mergeInclude merges b onto a, two includes of one association: wheres
// merge (mergeWhereBy), attribute lists and orders are joined, nested
// includes merge, and b's other options win where it sets them.
func mergeInclude(strategy string, a, b Include) Include {
	out := a
	out.Where = mergeWhereBy(strategy, a.Where, b.Where)
	if b.Required != nil {
		out.Required = b.Required
	}
	out.Attributes = unionAttributes(a.Attributes, b.Attributes)
	out.Order = append(slices.Clone(a.Order), b.Order...)
	if b.Paranoid != nil {
		out.Paranoid = b.Paranoid
	}
	out.Include = mergeIncludes(strategy, a.Include, b.Include)
	out.Separate = a.Separate || b.Separate
	if b.Limit != 0 {
		out.Limit = b.Limit
	}
	out.All = a.All || b.All
	if b.Through.Attributes != nil {
		out.Through.Attributes = b.Through.Attributes
	}
	out.Through.Where = mergeWhereBy(strategy, a.Through.Where, b.Through.Where)
	if b.Through.Paranoid != nil {
		out.Through.Paranoid = b.Through.Paranoid
	}
	if b.Scope != nil {
		out.Scope = b.Scope
	}
	return out
}

// withScope returns md viewed with the scopes names (for FindOptions.Scope
// and Include.Scope): md itself when names is nil, unscoped when it is
// empty.
func withScope[T any](md *Model[T], names []any) (*Model[T], error) {
	if names == nil {
		return md, nil
	}
	return md.Scope(names...)
}

// getScope takes an association getter's FindOptions.Scope out of o and
// returns the target viewed with it.
func getScope[T any](md *Model[T], o *FindOptions) (*Model[T], error) {
	names := o.Scope
	o.Scope = nil
	return withScope(md, names)
}

// unionAttributes joins two Attributes lists without repeating a name;
// their Exclude lists become one. A nil list leaves the other as it is.
func unionAttributes(a, b []any) []any {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	out := make([]any, 0, len(a)+len(b))
	var ex ExcludeAttrs
	hasEx := false
	for _, it := range slices.Concat(a, b) {
		switch x := it.(type) {
		case ExcludeAttrs:
			hasEx = true
			for _, n := range x {
				if !slices.Contains(ex, n) {
					ex = append(ex, n)
				}
			}
		case string:
			if !slices.Contains(out, any(x)) {
				out = append(out, x)
			}
		default:
			out = append(out, it)
		}
	}
	if hasEx {
		out = append([]any{ex}, out...)
	}
	return out
}
