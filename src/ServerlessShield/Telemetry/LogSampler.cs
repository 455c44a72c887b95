using System.Collections.Concurrent;

namespace ServerlessShield;

// Bounds log floods: the same event (rule, action, function, field) writes at most N lines a minute.
// Metrics still count every one, so nothing is lost from the numbers, only repeated text.
internal sealed class LogSampler(int maxPerMinute, TimeProvider time)
{
    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<(string Rule, FindingAction Action, string Function, string Path), Window> _windows = new();

    public bool ShouldLog(string rule, FindingAction action, string function, string path)
    {
        if (maxPerMinute <= 0)
        {
            return true;
        }

        var now = time.GetUtcNow();
        if (_windows.Count > MaxKeys)
        {
            // An attacker varying field names must not grow this without bound.
            _windows.Clear();
        }

        var window = _windows.AddOrUpdate(
            (rule, action, function, path),
            _ => new Window(now, 1),
            (_, w) => now - w.Start >= TimeSpan.FromMinutes(1) ? new Window(now, 1) : w with { Count = w.Count + 1 });
        return window.Count <= maxPerMinute;
    }

    private readonly record struct Window(DateTimeOffset Start, int Count);
}
