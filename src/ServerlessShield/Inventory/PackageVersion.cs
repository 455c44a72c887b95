using System.Globalization;

namespace ServerlessShield;

// NuGet / SemVer 2.0 ordering: up to four numeric parts, then a pre-release (lower than the release), whose
// dot-separated identifiers compare numerically when both are numbers, else ordinally; build metadata is ignored.
internal readonly struct PackageVersion : IComparable<PackageVersion>
{
    private readonly long[] _parts;
    private readonly string[] _prerelease;

    private PackageVersion(long[] parts, string[] prerelease)
    {
        _parts = parts;
        _prerelease = prerelease;
    }

    public static bool TryParse(string? text, out PackageVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim().TrimStart('v', 'V');
        var plus = value.IndexOf('+');
        if (plus >= 0)
        {
            value = value[..plus];
        }

        var dash = value.IndexOf('-');
        var release = dash >= 0 ? value[..dash] : value;
        var numbers = release.Split('.');
        if (numbers.Length is 0 or > 4)
        {
            return false;
        }

        var parts = new long[4];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!long.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                return false;
            }
        }

        version = new PackageVersion(parts, dash >= 0 ? value[(dash + 1)..].Split('.') : []);
        return true;
    }

    public int CompareTo(PackageVersion other)
    {
        for (var i = 0; i < 4; i++)
        {
            var c = _parts[i].CompareTo(other._parts[i]);
            if (c != 0)
            {
                return c;
            }
        }

        // A release sorts after any of its pre-releases.
        if (_prerelease.Length == 0 || other._prerelease.Length == 0)
        {
            return other._prerelease.Length.CompareTo(_prerelease.Length);
        }

        for (var i = 0; i < Math.Min(_prerelease.Length, other._prerelease.Length); i++)
        {
            var a = _prerelease[i];
            var b = other._prerelease[i];
            var aNumber = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var bNumber = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var c = aNumber && bNumber ? x.CompareTo(y) : aNumber ? -1 : bNumber ? 1 : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
            if (c != 0)
            {
                return c;
            }
        }

        return _prerelease.Length.CompareTo(other._prerelease.Length);
    }
}
