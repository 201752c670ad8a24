#if canImport(Glibc)
import Glibc

/// Memory-mapped files, guarded against another program truncating them while they are read.
///
/// Reading a mapped page past a file's new end raises SIGBUS, which would kill the process. The guard's
/// handler instead maps a page of zeros over the faulting page of a registered mapping and marks the
/// mapping as damaged; the read goes on over zeros (the readers take any bytes without crashing), and
/// the load then fails with "the file became shorter". A SIGBUS outside every registered mapping is a
/// real fault: the handler puts back the default action and the fault kills the process as before.
/// Mapping, unlike copying the file into memory, costs no pass over the bytes (measured in
/// docs/performance.md).
enum MappingGuard {
    static let slotCount = 64
    /// Per slot: start address, end address, damaged flag (0 or 1). Allocated once, before the handler is
    /// installed, and never freed, so the handler reads plain memory and calls nothing but `mmap`.
    static let table: UnsafeMutablePointer<Int> = {
        let table = UnsafeMutablePointer<Int>.allocate(capacity: slotCount * 3 + 1)
        table.initialize(repeating: 0, count: slotCount * 3 + 1)
        table[slotCount * 3] = Int(sysconf(Int32(_SC_PAGESIZE)))
        return table
    }()
    private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()
    private static let installed: Bool = {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { _, info, _ in
            guard let info else { return }
            let address = Int(bitPattern: info.pointee._sifields._sigfault.si_addr)
            let table = MappingGuard.table
            let page = table[MappingGuard.slotCount * 3]
            for slot in 0..<MappingGuard.slotCount where table[slot * 3] != 0 && address >= table[slot * 3] && address < table[slot * 3 + 1] {
                let start = address & ~(page - 1)
                _ = mmap(UnsafeMutableRawPointer(bitPattern: start), page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
                table[slot * 3 + 2] = 1
                return
            }
            signal(SIGBUS, SIG_DFL)  // not ours: the repeated fault ends the process as it would have
        }
        action.sa_flags = SA_SIGINFO | SA_NODEFER
        sigemptyset(&action.sa_mask)
        return sigaction(SIGBUS, &action, nil) == 0
    }()

    /// Registers a mapping; nil when every slot is taken (the caller then reads the file instead).
    static func register(_ base: UnsafeRawPointer, count: Int) -> Int? {
        guard installed else { return nil }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        for slot in 0..<slotCount where table[slot * 3] == 0 {
            table[slot * 3 + 2] = 0
            table[slot * 3 + 1] = Int(bitPattern: base) + count
            table[slot * 3] = Int(bitPattern: base)
            return slot
        }
        return nil
    }

    static func isDamaged(_ slot: Int) -> Bool { table[slot * 3 + 2] != 0 }

    static func unregister(_ slot: Int) {
        pthread_mutex_lock(lock)
        table[slot * 3] = 0
        table[slot * 3 + 1] = 0
        table[slot * 3 + 2] = 0
        pthread_mutex_unlock(lock)
    }
}

extension FileMemory {
    /// Maps `size` bytes of the regular file `fd`, guarded by `MappingGuard`; nil when it cannot be mapped
    /// (the caller reads the file instead).
    /// - Returns: the memory and its guard slot.
    static func map(_ fd: Int32, size: Int) -> (FileMemory, slot: Int)? {
        guard size > 0 else { return nil }
        // MAP_POPULATE maps every page at once instead of taking a fault per page as the passes read them.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | Int32(MAP_POPULATE), fd, 0), base != MAP_FAILED else { return nil }
        guard let slot = MappingGuard.register(base, count: size) else {
            munmap(base, size)
            return nil
        }
        let bytes = UnsafeMutableBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        return (FileMemory(bytes: bytes, free: {
            MappingGuard.unregister(slot)
            munmap(base, size)
        }), slot)
    }
}
#endif
