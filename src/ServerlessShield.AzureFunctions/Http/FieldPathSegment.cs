using System.Text;

namespace ServerlessShield.AzureFunctions;

// A client-chosen name (query parameter, cookie, header) as it appears in a field path, the way the core renders JSON
// keys: printable ASCII only (anything else becomes '?') and at most 64 characters, so a name cannot smuggle a payload,
// a line break or a forged log line into the logs and security events that carry the path.
internal static class FieldPathSegment
{
    private const int MaxLength = 64;

    public static string Of(string prefix, string name)
    {
        var safe = true;
        foreach (var c in name)
        {
            if (c is < ' ' or > '~')
            {
                safe = false;
                break;
            }
        }

        if (safe && name.Length <= MaxLength)
        {
            return prefix + name;
        }

        var builder = new StringBuilder(prefix.Length + MaxLength + 1).Append(prefix);
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, MaxLength)))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return name.Length > MaxLength ? builder.Append('…').ToString() : builder.ToString();
    }
}
