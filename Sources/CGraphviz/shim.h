// The C surface of Graphviz (libgvc + libcgraph) that the `Graphviz` Swift module wraps.
// Nothing else in the package may import this module: every call must go through the
// process-wide lock in `Graphviz`, because "the library is not thread safe" (man 3 cgraph).
#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <signal.h>
#include <sys/prctl.h>

// `agtail` and `aghead` are macros over the edge-pair layout, which Swift cannot import.
static inline Agnode_t *cgraphviz_edge_tail(Agedge_t *edge) { return agtail(edge); }
static inline Agnode_t *cgraphviz_edge_head(Agedge_t *edge) { return aghead(edge); }

// `prctl` is variadic, which Swift cannot call: the render worker asks for `signal` when its parent dies.
static inline int cgraphviz_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

#endif
