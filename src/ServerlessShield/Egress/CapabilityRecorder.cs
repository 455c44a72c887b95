using System.Collections.Concurrent;

namespace ServerlessShield;

// What each function was seen doing: the hosts it called and the event sources that invoked it. Bounded, so a
// function that calls many hosts (or an attacker steering it) cannot grow this without end.
internal sealed class CapabilityRecorder
{
    private const int MaxFunctions = 1024;
    private const int MaxPerSet = 256;
    private readonly ConcurrentDictionary<string, Observed> _functions = new(StringComparer.Ordinal);
    private int _changed;

    public bool HasChanges => Volatile.Read(ref _changed) != 0;

    public void RecordHost(string function, string host) => Add(function, host, hosts: true);

    public void RecordSource(string function, string source) => Add(function, source, hosts: false);

    // The report, and the change flag cleared.
    public IReadOnlyList<(string Function, string[] Hosts, string[] Sources)> Snapshot()
    {
        Interlocked.Exchange(ref _changed, 0);
        return
        [
            .. _functions.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => (f.Key, f.Value.Hosts.Keys.Order(StringComparer.Ordinal).ToArray(), f.Value.Sources.Keys.Order(StringComparer.Ordinal).ToArray())),
        ];
    }

    private void Add(string function, string value, bool hosts)
    {
        if (string.IsNullOrEmpty(value) || (_functions.Count >= MaxFunctions && !_functions.ContainsKey(function)))
        {
            return;
        }

        var observed = _functions.GetOrAdd(function, _ => new Observed());
        var set = hosts ? observed.Hosts : observed.Sources;
        // The common case, a value already seen, allocates nothing.
        if (!set.ContainsKey(value) && set.Count < MaxPerSet && set.TryAdd(value, 0))
        {
            Interlocked.Exchange(ref _changed, 1);
        }
    }

    private sealed class Observed
    {
        public ConcurrentDictionary<string, byte> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase);

        public ConcurrentDictionary<string, byte> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
