import CGraphviz
import Glibc
import Synchronization

/// Render workers never outlive the command: SIGINT, SIGTERM and SIGHUP kill every running worker's process group
/// before the command ends with the same signal, and a worker asks the kernel to kill it when its parent dies
/// (`PR_SET_PDEATHSIG`), which covers SIGKILL and crashes. Without this a worker in its own group keeps laying out
/// after Ctrl-C.
enum WorkerGroups {
    /// Process-group ids of running workers; 0 marks a free slot. Fixed storage, so the signal handler only loads.
    private static let slots: InlineArray<32, Atomic<Int32>> = InlineArray { _ in Atomic(0) }
    private static let handlersInstalled = Atomic<Bool>(false)
    static let parentVariable = "ACTORGRAPH_RENDER_PARENT"

    /// Records a started worker so the signal handlers can end its group; call ``remove(_:)`` once it is reaped.
    static func add(_ group: pid_t) {
        installHandlers()
        for index in slots.indices {
            if slots[index].compareExchange(expected: 0, desired: group, ordering: .sequentiallyConsistent).exchanged {
                return
            }
        }
        // More than 32 workers at once: this one is covered only by its parent-death signal.
    }

    static func remove(_ group: pid_t) {
        for index in slots.indices {
            if slots[index].compareExchange(expected: group, desired: 0, ordering: .sequentiallyConsistent).exchanged {
                return
            }
        }
    }

    /// Installs the handlers once, for the signals whose disposition is still the default (one ignored under
    /// `nohup` stays ignored).
    private static func installHandlers() {
        guard !handlersInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                WorkerGroups.killAll()
                // Die of the same signal, as the default disposition would have.
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Async-signal-safe: atomic loads and `kill` only.
    private static func killAll() {
        for index in slots.indices {
            let group = slots[index].load(ordering: .sequentiallyConsistent)
            if group > 0 { kill(-group, SIGKILL) }
        }
    }

    /// In the worker: be killed when the parent goes, and stop at once if it is already gone (it died between
    /// starting us and this call).
    static func watchParent() {
        _ = cgraphviz_set_parent_death_signal(SIGKILL)
        if let expected = getenv(parentVariable).flatMap({ pid_t(String(cString: $0)) }), getppid() != expected {
            _exit(1)
        }
    }
}
