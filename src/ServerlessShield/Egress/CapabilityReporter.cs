namespace ServerlessShield;

// Writes the observed-capabilities report: on a timer while something new was seen, and once more at shutdown (the
// engine's disposal or the process exit), one log line and one security event per function.
internal sealed class CapabilityReporter : IDisposable
{
    private readonly CapabilityRecorder _recorder;
    private readonly SecurityEventPublisher _publisher;
    private readonly ITimer? _timer;
    private int _disposed;

    public CapabilityReporter(CapabilityRecorder recorder, SecurityEventPublisher publisher, int intervalMinutes)
    {
        _recorder = recorder;
        _publisher = publisher;
        if (intervalMinutes > 0)
        {
            var interval = TimeSpan.FromMinutes(intervalMinutes);
            _timer = publisher.Time.CreateTimer(static state => ((CapabilityReporter)state!).Report(onlyIfChanged: true), this, interval, interval);
        }

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public void Report(bool onlyIfChanged)
    {
        if (onlyIfChanged && !_recorder.HasChanges)
        {
            return;
        }

        var rule = ShieldRules.ObservedCapabilities;
        foreach (var (function, hosts, sources) in _recorder.Snapshot())
        {
            var hostList = string.Join(',', hosts);
            var sourceList = string.Join(',', sources);
            try
            {
                ShieldLog.ObservedCapabilities(_publisher.Logger, rule.Id, function, hosts.Length, hostList, sources.Length, sourceList);
            }
#pragma warning disable CA1031 // Reporting runs on a timer or at exit; nothing may escape it.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            _publisher.Publish(rule, function, "capabilities", null, $"{function} called {hosts.Length} host(s) and was invoked by {sources.Length} event source(s).",
                properties: new Dictionary<string, string>(StringComparer.Ordinal) { ["hosts"] = hostList, ["sources"] = sourceList }, coldStart: false);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _timer?.Dispose();
        Report(onlyIfChanged: true);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();
}
