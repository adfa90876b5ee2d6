package sequelize

import (
	"context"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// Definitions are published copy-on-write.
//
// A model's metadata (modelMeta) is read by every query, and changed only
// by the associations: BelongsTo and HasOne/HasMany make an attribute a
// foreign key (renaming it, typing it after the key it refers to) and add
// themselves to their source, BelongsToMany injects the keys of its
// junction. Associations may be defined at any time, as in Sequelize, also
// while other goroutines run queries. So a version of the metadata, once
// published, never changes: an association edits drafts (copies of the
// current versions of the models it changes, sharing every attribute it
// leaves alone) under the DB's definition lock, and publishes them when
// it is complete. A query loads the current version once (Model.at) and
// reads that snapshot throughout; the association's own lookups of its
// source, target and junction load theirs when they run.

// modelRef is a model's identity: what all the versions of its metadata
// share.
type modelRef struct {
	name  string
	cur   atomic.Pointer[modelMeta] // the published version
	hooks hookSet
	// fireSync runs BeforeSync/AfterSync; junction is the Model, as a
	// BelongsToMany through model. Both are nil for a generated junction.
	fireSync func(ctx context.Context, t HookType) error
	junction junctionOps
}

// meta returns the current version.
func (r *modelRef) meta() *modelMeta { return r.cur.Load() }

// defineSession is one association's change of the definitions: drafts of
// the models it changes, published together by publish.
type defineSession struct {
	db     *DB
	drafts map[*modelRef]*modelMeta
	order  []*modelRef
	source *modelRef // published last: it lists the association
	done   bool
}

// define starts a definition session; end must follow (deferred), which
// releases the definition lock and drops the drafts of a session that
// did not publish (an association that panicked changes nothing).
func (db *DB) define() *defineSession {
	db.defMu.Lock()
	return &defineSession{db: db, drafts: map[*modelRef]*modelMeta{}}
}

func (d *defineSession) end() {
	if !d.done {
		d.done = true
		d.db.defMu.Unlock()
	}
}

// draft returns the session's modifiable copy of r's current version.
func (d *defineSession) draft(r *modelRef) *modelMeta {
	if m, ok := d.drafts[r]; ok {
		return m
	}
	m := r.meta().clone()
	d.drafts[r] = m
	d.order = append(d.order, r)
	return m
}

// view returns r's draft when the session has one, else its current
// version, for reading.
func (d *defineSession) view(r *modelRef) *modelMeta {
	if m, ok := d.drafts[r]; ok {
		return m
	}
	return r.meta()
}

// add makes a new model part of the session (a generated junction),
// published with the drafts.
func (d *defineSession) add(m *modelMeta) {
	m.ref = &modelRef{name: m.name}
	m.owned = map[*attribute]bool{}
	d.drafts[m.ref] = m
	d.order = append(d.order, m.ref)
}

// publish makes the drafts the current versions (the source's last, so
// that a query which sees the new association sees the keys it made) and
// ends the session.
func (d *defineSession) publish() {
	for _, r := range d.order {
		if r != d.source {
			d.publishOne(r)
		}
	}
	if d.source != nil {
		if _, ok := d.drafts[d.source]; ok {
			d.publishOne(d.source)
		}
	}
	d.end()
}

func (d *defineSession) publishOne(r *modelRef) {
	m := d.drafts[r]
	m.owned = nil
	if r.cur.Swap(m) == nil {
		d.db.register(r) // a new generated junction
	}
}

// clone copies a published version into a draft: its own maps and slices,
// a fresh statement cache, the attributes shared until mut copies them.
func (m *modelMeta) clone() *modelMeta {
	c := *m
	c.cascades = slices.Clip(m.cascades)
	c.attrs = slices.Clone(m.attrs)
	c.byName = maps.Clone(m.byName)
	c.byLower = maps.Clone(m.byLower)
	c.byField = maps.Clone(m.byField)
	c.pks = slices.Clone(m.pks)
	c.uniqueKeys = maps.Clone(m.uniqueKeys)
	c.ukOrder = slices.Clone(m.ukOrder)
	c.assocs = maps.Clone(m.assocs)
	c.virtuals = slices.Clip(m.virtuals)
	c.indexes = slices.Clip(m.indexes)
	c.stmts = new(sync.Map)
	c.owned = map[*attribute]bool{}
	return &c
}

// mut returns a draft's own copy of its attribute a, which the draft may
// change: the published versions keep theirs.
func (m *modelMeta) mut(a *attribute) *attribute {
	if m.owned == nil {
		panic("sequelize: internal error: a published model definition was about to change")
	}
	if m.owned[a] {
		return a
	}
	c := *a
	n := &c
	m.owned[n] = true
	replace := func(s []*attribute) {
		if i := slices.Index(s, a); i >= 0 {
			s[i] = n
		}
	}
	replace(m.attrs)
	replace(m.pks)
	for _, idx := range []map[string]*attribute{m.byName, m.byLower, m.byField} {
		for k, x := range idx {
			if x == a {
				idx[k] = n
			}
		}
	}
	for _, p := range []**attribute{&m.autoInc, &m.createdAt, &m.updatedAt, &m.deletedAt, &m.version} {
		if *p == a {
			*p = n
		}
	}
	return n
}
