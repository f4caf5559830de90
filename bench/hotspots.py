"""Where the CPU time goes, from async-profiler's collapsed stacks (recorded with the `threads` option).

    python3 bench/hotspots.py start STACKS   the reference server's start, by thread and by start-up stage
    python3 bench/hotspots.py load STACKS    a server under load, by layer

Prints Markdown table rows: share of all samples, then milliseconds of CPU (one sample per millisecond of CPU).
Each sample counts once: in the first category whose rule matches its thread and stack, or (under load) in the layer
of its innermost frame.
"""
import sys

JIT = ('[C1 CompilerThre', '[C2 CompilerThre')
GC = ('[GC Thread', '[G1 ', '[VM Thread')
MAIN = ('[main', '[DestroyJavaVM')
CLASS_LOADING = ('ClassLoader.loadClass', 'ClassLoader.defineClass', 'SystemDictionary::', 'ClassFileParser',
                 'Verifier::', 'Rewriter::', 'InstanceKlass::link')

START = [
    ('JIT compiler threads (C1, C2)', lambda t, s: t.startswith(JIT)),
    ('garbage collector and VM threads', lambda t, s: t.startswith(GC)),
    ('main thread: JVM boot, before the stub\'s main', lambda t, s: t.startswith(MAIN) and 'StubServer.main' not in s),
    ('main thread: Jackson ObjectMapper with the contract\'s mix-ins', lambda t, s: 'ContractJson.mapper' in s),
    ('main thread: Jersey application model (resources, providers)', lambda t, s: 'StubApplication.create' in s),
    ('main thread: Jersey runtime initialisation (injection, resource model, providers)',
     lambda t, s: 'ApplicationHandler.<init>' in s),
    ('main thread: Jetty server construction and start', lambda t, s: t.startswith(MAIN) and 'org/eclipse/jetty' in s),
    ('main thread: the rest of the stub\'s start', lambda t, s: t.startswith(MAIN)),
    ('Jetty threads: the first request', lambda t, s: t.startswith(('[jetty', '[qtp'))),
    ('other threads', lambda t, s: True),
]

LOAD = [
    ('JIT compiler threads', lambda t, s: t.startswith(JIT)),
    ('garbage collector and VM threads', lambda t, s: t.startswith(GC)),
]
# the other samples of a server under load go to the layer of the innermost frame that belongs to one, so that a
# layer's share is the time spent in its own code (and in the JDK code it calls), not in the layers it calls
LAYERS = [
    ('the server\'s own code (resources, filters, store)', ('io/github/cwcontract', 'Ceiling$Hello')),
    ('JSON writing and reading (Jackson)', ('com/fasterxml/jackson',)),
    ('socket reads, writes and polling (JDK and kernel)',
     ('sun/nio/ch/IOUtil.', 'sun/nio/ch/EPoll', 'sun/nio/ch/SelectorImpl', 'sun/nio/ch/SocketChannelImpl')),
    ('Jersey request processing (routing, filters, injection, writers)', ('org/glassfish',)),
    ('Jetty HTTP parsing, generation and threading', ('org/eclipse/jetty',)),
]


def innermost_layer(stack):
    for frame in reversed(stack.split(';')):
        for label, prefixes in LAYERS:
            if frame.startswith(prefixes):
                return label
    return 'other'


def main():
    mode, path = sys.argv[1], sys.argv[2]
    rules = {'start': START, 'load': LOAD}[mode]
    totals = {label: 0 for label, _ in rules}
    if mode == 'load':
        totals.update({label: 0 for label, _ in LAYERS}, other=0)
    class_loading = 0
    main_thread = 0
    for line in open(path):
        stack, count = line.rstrip('\n').rsplit(' ', 1)
        thread = stack.split(';', 1)[0]
        count = int(count)
        label = next((label for label, rule in rules if rule(thread, stack)), None)
        if label is None:
            label = innermost_layer(stack)
        totals[label] += count
        if thread.startswith(MAIN):
            main_thread += count
            if any(k in stack for k in CLASS_LOADING):
                class_loading += count
    everything = sum(totals.values()) or 1
    for label, total in totals.items():
        print(f'| {label} | {100 * total / everything:.1f} % | {total} |')
    if mode == 'start':
        print(f'| *of the main thread: loading, linking and verifying classes* | '
              f'{100 * class_loading / (main_thread or 1):.1f} % of it | {class_loading} |')


if __name__ == '__main__':
    main()
