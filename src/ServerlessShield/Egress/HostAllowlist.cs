namespace ServerlessShield;

// Exact host names, or "*.example.com" for any subdomain of example.com (not example.com itself). Case-insensitive;
// ports and paths play no part: the decision is about which machine the function talks to.
internal sealed class HostAllowlist
{
    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];

    public HostAllowlist(IEnumerable<string> hosts)
    {
        foreach (var raw in hosts)
        {
            var host = raw.Trim().TrimEnd('.');
            if (host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2)
            {
                _suffixes.Add(host[1..]);
            }
            else if (host.Length > 0)
            {
                _exact.Add(host);
            }
        }
    }

    public bool IsEmpty => _exact.Count == 0 && _suffixes.Count == 0;

    public bool Allows(string host)
    {
        host = host.TrimEnd('.');
        if (_exact.Contains(host))
        {
            return true;
        }

        foreach (var suffix in _suffixes)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
