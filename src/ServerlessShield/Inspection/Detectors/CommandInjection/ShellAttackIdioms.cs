namespace ServerlessShield;

/// <summary>
/// Command-injection idioms recognisable anywhere in a value, whatever precedes them: the Shellshock preamble
/// <c>() { :;};</c>, bash's network redirections <c>/dev/tcp/host/port</c> (reverse shells), and fork bombs
/// (<c>:(){ :|:&amp; };:</c>), a function that calls itself twice in the background.
/// </summary>
internal static class ShellAttackIdioms
{
    public static bool Any(ReadOnlySpan<char> text)
    {
        // The redirections have their slashes, the Shellshock preamble and fork bombs their "()".
        if (DetectorShortcuts.Enabled && text.IndexOfAny('/', '(') < 0)
        {
            return false;
        }

        if (text.Contains("/dev/tcp/", StringComparison.Ordinal) || text.Contains("/dev/udp/", StringComparison.Ordinal))
        {
            return true;
        }

        for (var at = text.IndexOf("()", StringComparison.Ordinal); at >= 0; at = Next(text, at))
        {
            if (ShellshockDefinition.StartsAt(text, at) || IsForkBomb(text, at))
            {
                return true;
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> text, int at)
    {
        var next = text[(at + 2)..].IndexOf("()", StringComparison.Ordinal);
        return next < 0 ? -1 : at + 2 + next;
    }

    // name(){ name|name& } or name(){ name & name; }: the body pipes or backgrounds two calls of itself.
    private static bool IsForkBomb(ReadOnlySpan<char> text, int parentheses)
    {
        var nameStart = parentheses;
        while (nameStart > 0 && parentheses - nameStart < 32 && (char.IsAsciiLetterOrDigit(text[nameStart - 1]) || text[nameStart - 1] is '_' or ':' or '.'))
        {
            nameStart--;
        }

        var name = text[nameStart..parentheses];
        var open = parentheses + 2;
        while (open < text.Length && text[open] == ' ')
        {
            open++;
        }

        if (name.IsEmpty || open >= text.Length || text[open] != '{')
        {
            return false;
        }

        // The body is short: the '}' is looked for only that far, so many "name(){" without one stay linear.
        var close = LexChars.IndexWithin(text, '}', open, 65);
        if (close < 0)
        {
            return false;
        }

        var body = text[(open + 1)..close];
        var first = body.IndexOf(name, StringComparison.Ordinal);
        return first >= 0 && body[(first + name.Length)..].Contains(name, StringComparison.Ordinal) && body.IndexOfAny('|', '&') >= 0;
    }
}
