namespace ServerlessShield;

/// <summary>
/// Finds the parent-directory segments of a path-spelled value (see <see cref="PathSpelling"/>) and judges them:
/// two or more, one at the start of the value, one after a slash (<c>/a/../b</c>), or any obfuscated one
/// (<c>....//</c>, <c>.../</c>, <c>..;/</c>, <c>..%00/</c>) is traversal. A single <c>../</c> in the middle of
/// text (a relative link in an HTML snippet) is not, and neither is an ellipsis.
/// </summary>
internal static class DotDotSegments
{
    public static bool Traverses(ReadOnlySpan<char> text)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var dot = text[i..].IndexOf("..", StringComparison.Ordinal);
            if (dot < 0)
            {
                break;
            }

            var start = i + dot;
            var end = start;
            while (end < text.Length && text[end] == '.')
            {
                end++;
            }

            i = end;
            var before = start == 0 ? '\0' : text[start - 1];
            var slashBefore = before == '/';
            if (!slashBefore && !StartsToken(before))
            {
                continue; // "Wait...", "GREEN...GREEN": dots inside a word.
            }

            // What ends the segment: a slash, or a slash after a path parameter or NUL (..;/ ..%00/), or the end.
            var after = end;
            var obfuscated = end - start > 2;
            if (after < text.Length && text[after] is ';' or '\0')
            {
                after++;
                obfuscated = true;
            }

            var slashAfter = after < text.Length && text[after] == '/';
            if (!slashAfter && !(slashBefore && !obfuscated && (after == text.Length || IsEndOfPath(text[after]))))
            {
                continue; // "cd ..", "(...)", "1 + ... + 100", "see /..."
            }

            count++;
            if (count >= 2 || obfuscated || slashBefore || AtValueStart(text[..start]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AtValueStart(ReadOnlySpan<char> prefix)
    {
        // Only whitespace, quotes and ./ segments before it.
        foreach (var c in prefix)
        {
            if (!(c is ' ' or '\t' or '"' or '\'' or '.' or '/' or '`'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsToken(char c) =>
        c is '\0' or ' ' or '\t' or '\r' or '\n' or '"' or '\'' or '`' or '=' or ':' or ',' or ';' or '(' or '[' or '{' or '|' or '&' or '?' or '>' or '<' or '+';

    private static bool IsEndOfPath(char c) => c is ' ' or '\t' or '"' or '\'' or '?' or '#' or '&' or ';' or '\0' or '`' or '<' or '>' or ')' or '%';
}
