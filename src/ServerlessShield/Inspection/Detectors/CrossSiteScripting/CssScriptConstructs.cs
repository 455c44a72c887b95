namespace ServerlessShield;

/// <summary>
/// CSS that runs script or pulls in active content: IE <c>expression(...)</c> and <c>behavior:</c> (HTC), Mozilla
/// <c>-moz-binding</c> (XBL), Opera <c>-o-link</c>, <c>@import</c>, and script URLs in <c>url(...)</c>. CSS escapes
/// (<c>\</c>), comments and blanks may be sprinkled through a keyword, so they are removed before matching.
/// </summary>
internal static class CssScriptConstructs
{
    private const int MaxCompact = 4096;

    public static bool Any(ReadOnlySpan<char> css)
    {
        Span<char> compact = stackalloc char[Math.Min(css.Length, MaxCompact)];
        var length = 0;
        for (var i = 0; i < css.Length && length < compact.Length; i++)
        {
            var c = css[i];
            if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var close = css[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                i = close < 0 ? css.Length : i + 2 + close + 1;
                continue;
            }

            // \6a or \00006a: a CSS hex escape stands for the character it names.
            if (c == '\\' && i + 1 < css.Length && char.IsAsciiHexDigit(css[i + 1]))
            {
                var code = 0;
                var k = i + 1;
                while (k < css.Length && k - i <= 6 && char.IsAsciiHexDigit(css[k]))
                {
                    code = (code * 16) + (css[k] <= '9' ? css[k] - '0' : (css[k] | 0x20) - 'a' + 10);
                    k++;
                }

                i = k < css.Length && css[k] == ' ' ? k : k - 1;
                if (code is > 0x20 and < 0x7F)
                {
                    compact[length++] = (char)(code | (code is >= 'A' and <= 'Z' ? 0x20 : 0));
                }

                continue;
            }

            if (c is '\\' or ' ' || ScriptUrl.IsIgnorable(c) || c > '\u007F')
            {
                continue;
            }

            compact[length++] = c;
        }

        var text = compact[..length];
        return text.Contains("expression(", StringComparison.Ordinal) || text.Contains("behavior:", StringComparison.Ordinal)
            || text.Contains("behaviour:", StringComparison.Ordinal) || text.Contains("-moz-binding", StringComparison.Ordinal)
            || text.Contains("-o-link", StringComparison.Ordinal) || text.Contains("@import", StringComparison.Ordinal)
            || ScriptUrl.Anywhere(text);
    }

    /// <summary>The constructs that betray CSS injection even outside a style attribute or element.</summary>
    public static bool AnyOutsideMarkup(ReadOnlySpan<char> text) =>
        text.Contains("-moz-binding", StringComparison.Ordinal)
        || ((!DetectorShortcuts.Enabled || text.Contains('(')) && (text.Contains("behavior:url(", StringComparison.Ordinal) || ExpressionAfterColon(text) || ScriptInUrlFunction(text)));

    // url(javascript..., url('vbscript...: a script URL as a CSS url(), even cut off before its colon.
    private static bool ScriptInUrlFunction(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf("url(", StringComparison.Ordinal); at >= 0; at = NextUrl(text, at))
        {
            var i = at + 4;
            while (i < text.Length && i - at < 12 && text[i] is ' ' or '\'' or '"')
            {
                i++;
            }

            var rest = text[i..];
            if (rest.StartsWith("javascript", StringComparison.Ordinal) || rest.StartsWith("vbscript", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextUrl(ReadOnlySpan<char> text, int at)
    {
        var next = text[(at + 4)..].IndexOf("url(", StringComparison.Ordinal);
        return next < 0 ? -1 : at + 4 + next;
    }

    // x:expression( ... ): a CSS property whose value is an IE expression.
    private static bool ExpressionAfterColon(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf("expression", StringComparison.Ordinal); at >= 0; at = Next(text, at))
        {
            var before = at - 1;
            while (before >= 0 && at - before < 8 && (text[before] is ' ' or '\\' || ScriptUrl.IsIgnorable(text[before]) || text[before] > '\u007F'))
            {
                before--;
            }

            var after = at + "expression".Length;
            while (after < text.Length && after - at < 20 && (text[after] is ' ' or '\\' || ScriptUrl.IsIgnorable(text[after])))
            {
                after++;
            }

            if (before >= 0 && text[before] == ':' && after < text.Length && text[after] == '(')
            {
                return true;
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> text, int at)
    {
        var next = text[(at + 1)..].IndexOf("expression", StringComparison.Ordinal);
        return next < 0 ? -1 : at + 1 + next;
    }
}
