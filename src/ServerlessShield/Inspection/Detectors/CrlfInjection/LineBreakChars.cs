namespace ServerlessShield;

/// <summary>
/// What counts as a line break on the way to a header or a log: CR and LF, and the characters some HTTP stacks
/// truncate to them by keeping only the low byte (U+560A "嘊" becomes LF, U+560D "嘍" becomes CR).
/// </summary>
internal static class LineBreakChars
{
    public static bool IsBreak(char c) => Kind(c) != '\0';

    /// <summary>'\r', '\n', or '\0' when the character is not a break.</summary>
    public static char Kind(char c) => c switch
    {
        '\r' or '\n' => c,
        > '\u00FF' when (c & 0xFF) is 0x0A or 0x0D => (char)(c & 0xFF),
        _ => '\0',
    };

    /// <summary>
    /// Whether the text before the first break is a URL or an absolute path with no space in it: a line break has
    /// no business inside either (<c>/index.php/PHP_VALUE\nsession.auto_start=1</c>).
    /// </summary>
    public static bool StartsWithUrlOrPath(ReadOnlySpan<char> head)
    {
        if (head.IsEmpty || head.IndexOfAny(' ', '\t') >= 0)
        {
            return false;
        }

        if (head[0] == '/' && head.Length > 1 && (char.IsAsciiLetterOrDigit(head[1]) || head[1] is '%' or '.' or '_' or '~'))
        {
            return true;
        }

        var scheme = head.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return false;
        }

        foreach (var c in head[..scheme])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
