package datatypes

import "sync"

var specs sync.Map // kind + "\x00" + type name -> *scanSpec

// cachedSpec returns the scan spec of a type, built once per type name:
// Scan runs for every value of every row.
func cachedSpec(kind, name string, build func(string) *scanSpec) *scanSpec {
	key := kind + "\x00" + name
	if v, ok := specs.Load(key); ok {
		return v.(*scanSpec)
	}
	v, _ := specs.LoadOrStore(key, build(name))
	return v.(*scanSpec)
}
