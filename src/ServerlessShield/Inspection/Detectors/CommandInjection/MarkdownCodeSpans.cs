namespace ServerlessShield;

/// <summary>
/// Tells backticks that quote code in prose ("Use `sudo reboot` only if...") from shell command substitution: in a
/// value with several words of text outside the backticks, a span opened after a blank is a code sample. A fence of
/// three or more backticks with at most a language tag on its line opens or closes a code block ("```bash").
/// </summary>
internal static class MarkdownCodeSpans
{
    private const int MinProseWords = 3;

    public static bool IsProse(ReadOnlySpan<char> text)
    {
        var tick = text.IndexOf('`');
        if (tick < 0)
        {
            return false;
        }

        var words = 0;
        var run = 0;
        var inSpan = false;
        foreach (var c in text)
        {
            if (c == '`')
            {
                inSpan = !inSpan;
                run = 0;
                continue;
            }

            if (!inSpan && char.IsLetter(c))
            {
                run++;
                continue;
            }

            if (run >= 3 && ++words >= MinProseWords)
            {
                return true;
            }

            run = 0;
        }

        return run >= 3 && words + 1 >= MinProseWords;
    }

    /// <summary>If a code span opens at <paramref name="tick"/>, the index of its closing backtick.</summary>
    public static bool TrySkip(ReadOnlySpan<char> text, int tick, out int close)
    {
        close = -1;
        if (tick > 0 && text[tick - 1] is not (' ' or '(' or '"' or '\'' or '\n'))
        {
            return false;
        }

        var next = text[(tick + 1)..].IndexOf('`');
        if (next < 0)
        {
            return false;
        }

        close = tick + 1 + next;
        return true;
    }

    /// <summary>If a code-block fence starts at <paramref name="tick"/>, the index of its last character (its language tag's).</summary>
    public static bool TrySkipFence(ReadOnlySpan<char> text, int tick, out int end)
    {
        end = tick;
        while (end + 1 < text.Length && text[end + 1] == '`')
        {
            end++;
        }

        if (end - tick < 2)
        {
            return false;
        }

        while (end + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[end + 1]) || text[end + 1] is '-' or '+' or '_' or '#' or '.'))
        {
            end++;
        }

        // The line must end there: "```id```" is three substitutions, the middle one running id.
        var after = end + 1;
        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        return after == text.Length || text[after] is '\n' or '\r';
    }
}
