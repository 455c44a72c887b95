using System.Collections.Concurrent;
using System.Net;

namespace ServerlessShield;

// HTML named character references (&amp;, &eacute;) decoded the way WebUtility decodes them, remembered once met:
// text full of references then decodes without a string per reference. Only names WebUtility knows are kept, so
// the cache holds at most the entries of its table, whatever a sender invents.
internal static class HtmlNamedReferences
{
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

#if NET9_0_OR_GREATER
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownByName =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    // What "&name;" decodes to, or null when WebUtility leaves it as it is.
    public static string? Decode(ReadOnlySpan<char> name)
    {
#if NET9_0_OR_GREATER
        if (KnownByName.TryGetValue(name, out var known))
        {
            return known;
        }
#endif

        var reference = string.Concat("&", name, ";");
        var decoded = WebUtility.HtmlDecode(reference);
        if (string.Equals(decoded, reference, StringComparison.Ordinal))
        {
            return null;
        }

        Known.TryAdd(name.ToString(), decoded);
        return decoded;
    }
}
