// The C surface of Graphviz (libgvc + libcgraph) that the `Graphviz` Swift module wraps.
// Nothing else in the package may import this module: every call must go through the
// process-wide lock in `Graphviz`, because "the library is not thread safe" (man 3 cgraph).
#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/types.h>
#include <signal.h>
#include <sys/prctl.h>

// `agtail` and `aghead` are macros over the edge-pair layout, which Swift cannot import.
static inline Agnode_t *cgraphviz_edge_tail(Agedge_t *edge) { return agtail(edge); }
static inline Agnode_t *cgraphviz_edge_head(Agedge_t *edge) { return aghead(edge); }

// `prctl` is variadic, which Swift cannot call: the render worker asks for `signal` when its parent dies.
static inline int cgraphviz_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

// Before `gvFreeLayout` of a `dot` layout: makes each rank's "allocated list" pointer (`av`) of the
// root graph the list it really owns (`v`), and returns how many ranks needed it.
//
// Why: in Graphviz 2.42/2.43 a labelled edge between two nodes of the same rank gets a virtual
// label node through `make_vn_slot`, which `realloc`s the rank's node list `v` but leaves `av`
// pointing at the block `realloc` already freed; `dot_cleanup` then frees `av` again ("free():
// double free detected"). Clusters make such flat edges common. The `dot` program survives only
// because it never frees its last graph's layout. Later releases keep `av` in step, so there this
// finds nothing to do. Only the root's lists are owned (a cluster's `v` points into the root's).
static inline int cgraphviz_repair_dot_rank_lists(Agraph_t *graph) {
    Agraphinfo_t *info = (Agraphinfo_t *)AGDATA(graph);
    if (info == NULL || info->rank == NULL) return 0;
    int repaired = 0;
    for (int rank = info->minrank; rank <= info->maxrank; rank++) {
        if (info->rank[rank].av != info->rank[rank].v) {
            info->rank[rank].av = info->rank[rank].v;
            repaired++;
        }
    }
    return repaired;
}

#endif
