using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// Flags values that climb out of a directory or name a sensitive system location. The value is re-spelled the way
/// a file API reads it (<see cref="PathSpelling"/>), then checked for parent-directory segments
/// (<see cref="DotDotSegments"/>), sensitive paths (<see cref="SensitivePathFinder"/>), file-reading URL wrappers,
/// a root-level hidden file, and a NUL byte that truncates a path.
/// </summary>
internal sealed class PathTraversalDetector : IInjectionDetector
{
    private static readonly SearchValues<char> PathSyntax = SearchValues.Create("./\\%\0_");

    // The characters outside ASCII that PathSpelling turns into path syntax: slash look-alikes, and U+0080-U+00C1,
    // which every overlong sequence the canonicalizer left as Latin-1 contains (a 0xC0/0xC1 lead or a continuation
    // byte). Other letters (Dún, Zürich) spell themselves.
    private static readonly SearchValues<char> SpelledAsPathSyntax = SearchValues.Create(
        LexChars.Range('\u0080', '\u00C1') + "\u2215\u2216\u2044\u29F5\u29F8\u29F9\uFE68\uFF0F\uFF3C\uEFC8\uF025");

    private static readonly SearchValues<char> DotsAndSlashes = SearchValues.Create("./\\");

    private static readonly Func<string, bool> IsPathAttack = decoded => IsPathAttackSpelled(decoded);

    public ShieldRule Rule => ShieldRules.PathTraversal;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        return ((!DetectorShortcuts.Enabled || MaySpellPath(value)) && (IsPathAttackSpelled(value) || MixesSeparatorsAroundDots(value))) || Base64WrappedPath.Matches(value, IsPathAttack);
    }

    // Whether any check below can fire. A value without '%', a 0x literal or a character spelled as path syntax
    // spells itself (lower-cased), so it needs a dot, a slash, a NUL, the '_' of a standalone key file (id_rsa), or
    // the colon of the two file wrappers that have neither dot nor slash. Anything else is read in full.
    private static bool MaySpellPath(ReadOnlySpan<char> value) =>
        value.IndexOfAny(PathSyntax) >= 0 || value.IndexOfAny(SpelledAsPathSyntax) >= 0
        || value.IndexOf("0x", StringComparison.OrdinalIgnoreCase) >= 0
        || (value.Contains(':') && (value.IndexOf("zlib:", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("jar:file:", StringComparison.OrdinalIgnoreCase) >= 0));

    // PathSpelling writes the buffer before exposing it: no need to zero it on every call.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static bool IsPathAttackSpelled(ReadOnlySpan<char> value)
    {
        Span<char> stack = stackalloc char[PathSpelling.StackBufferSize];
        using var spelling = new PathSpelling(value, stack);
        var text = spelling.Text;
        return DotDotSegments.Traverses(text)
            || SensitivePathFinder.Any(text)
            || FileWrappers.Any(text)
            || StartsWithHiddenRootEntry(text)
            || TruncatesAtNul(text);
    }

    // ./\/./, /.\/\.\: dot segments joined by both kinds of slash, a separator-confusion probe even without "..".
    private static bool MixesSeparatorsAroundDots(ReadOnlySpan<char> value)
    {
        if (!value.Contains('/') || !value.Contains('\\'))
        {
            return false;
        }

        // Each run of dots and slashes at least five long is checked for all three characters. The four characters
        // after a run's start tell whether it is that long: most runs ("..", "./") end before.
        for (var start = value.IndexOfAny(DotsAndSlashes); start >= 0;)
        {
            var end = start + 1;
            while (end < value.Length && end - start < 5 && DotsAndSlashes.Contains(value[end]))
            {
                end++;
            }

            if (end - start == 5)
            {
                var length = value[start..].IndexOfAnyExcept(DotsAndSlashes);
                var run = length < 0 ? value[start..] : value.Slice(start, length);
                if (run.Contains('.') && run.Contains('/') && run.Contains('\\'))
                {
                    return true;
                }

                end = length < 0 ? value.Length : start + length;
            }

            var next = end < value.Length ? value[end..].IndexOfAny(DotsAndSlashes) : -1;
            start = next < 0 ? -1 : end + next;
        }

        return false;
    }

    // /.env, /.git/config, /.claude/settings.json: a hidden entry at the web root is never a public resource
    // (/.well-known is the registered exception).
    private static bool StartsWithHiddenRootEntry(ReadOnlySpan<char> text)
    {
        var path = text.TrimStart(' ');
        return path.Length > 2 && path[0] == '/' && path[1] == '.' && char.IsAsciiLetter(path[2]) && !path[1..].StartsWith(".well-known");
    }

    // x.php%00.jpg, /etc/passwd%00: a NUL right after a path-looking token cuts the path short in C-based APIs.
    private static bool TruncatesAtNul(ReadOnlySpan<char> text)
    {
        var nul = text.IndexOf('\0');
        if (nul <= 0)
        {
            return false;
        }

        var start = nul;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '/' or '.' or '_' or '-' or '~' or ':'))
        {
            start--;
        }

        var token = text[start..nul];
        return token.Contains('/') || (token.LastIndexOf('.') is var dot && dot > 0 && dot < token.Length - 1);
    }
}
