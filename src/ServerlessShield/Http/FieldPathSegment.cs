using System.Text;

namespace ServerlessShield;

// A client-chosen name (query parameter, cookie, header) as it appears in a field path, the way JSON keys are rendered:
// printable ASCII only (anything else becomes '?') and at most 64 characters, then '…', so a name cannot smuggle a
// payload, a line break or a forged log line into the logs and security events that carry the path.
internal static class FieldPathSegment
{
    public const int MaxLength = 64;

    public static string Of(string prefix, string name) => LogSafeText.Of(prefix, name, MaxLength);

    // A JSON key as raw UTF-8 bytes, the same way: each byte outside printable ASCII becomes '?'.
    public static void AppendUtf8(StringBuilder builder, ReadOnlySpan<byte> name)
    {
        foreach (var b in name[..Math.Min(name.Length, MaxLength)])
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        if (name.Length > MaxLength)
        {
            builder.Append('…');
        }
    }
}
