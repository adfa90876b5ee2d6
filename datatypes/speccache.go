package datatypes

import "sync"

type specKey struct{ kind, name string }

var (
	specMu sync.RWMutex
	specs  = map[specKey]*scanSpec{} // by kind and type name
)

// cachedSpec returns the scan spec of a type, built once per type name:
// Scan runs for every value of every row. A map under a read lock, unlike
// a sync.Map, takes the key without boxing it.
func cachedSpec(kind, name string, build func(string) *scanSpec) *scanSpec {
	key := specKey{kind, name}
	specMu.RLock()
	s := specs[key]
	specMu.RUnlock()
	if s != nil {
		return s
	}
	specMu.Lock()
	defer specMu.Unlock()
	if s = specs[key]; s == nil {
		s = build(name)
		specs[key] = s
	}
	return s
}
