using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// Flags line breaks that forge protocol or log structure: a break followed by a header line, an HTTP start line,
/// a mail protocol command, a response body after a blank line, or a log entry; and any break inside a URL or path. A break followed by
/// ordinary text (an address, a paragraph) is left alone.
/// </summary>
internal sealed class CrlfInjectionDetector : IInjectionDetector
{
    private const int MaxLineLookahead = 256;

    private static readonly SearchValues<char> Latin1 = SearchValues.Create(LexChars.Range('\0', '\u00FF'));

    public ShieldRule Rule => ShieldRules.CrlfInjection;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        // Whether the value is Latin-1 is decided once: asked again at every break, it made many breaks quadratic.
        var latin1 = value.IndexOfAnyExcept(Latin1) < 0;
        var i = IndexOfBreak(value, 0, latin1);
        if (i < 0)
        {
            return false;
        }

        if (LineBreakChars.StartsWithUrlOrPath(value[..i]))
        {
            return true;
        }

        while (i >= 0)
        {
            // Read the whole run of breaks: note a bare CR and a blank line (two line feeds).
            var bareCarriageReturn = false;
            var lineFeeds = 0;
            var j = i;
            while (j < value.Length && (LineBreakChars.IsBreak(value[j]) || (value[j] is ' ' or '\t' && j + 1 < value.Length && LineBreakChars.IsBreak(value[j + 1]))))
            {
                var kind = LineBreakChars.Kind(value[j]);
                if (kind == '\r' && (j + 1 >= value.Length || LineBreakChars.Kind(value[j + 1]) != '\n'))
                {
                    bareCarriageReturn = true;
                }

                if (kind == '\n')
                {
                    lineFeeds++;
                }

                j++;
            }

            // Only the start of the next line matters; bounding it keeps the whole scan linear.
            var line = value[j..].TrimStart(" \t");
            line = line[..Math.Min(line.Length, MaxLineLookahead)];
            if (ForgedHeaderLine.StartsHeader(line, bareCarriageReturn)
                || ForgedStartLine.StartsHttpMessage(line)
                || ForgedStartLine.StartsLogEntry(line)
                || ForgedMailCommand.StartsLine(line)
                || (lineFeeds >= 2 && line.Length > 1 && line[0] == '<' && (char.IsAsciiLetter(line[1]) || line[1] == '!')))
            {
                return true;
            }

            i = IndexOfBreak(value, j, latin1);
        }

        return false;
    }

    private static int IndexOfBreak(ReadOnlySpan<char> value, int from, bool latin1)
    {
        // Below U+0100 only CR and LF are breaks: a Latin-1 value is answered by a vectorized search.
        if (latin1)
        {
            var plain = value[from..].IndexOfAny('\r', '\n');
            return plain < 0 ? -1 : from + plain;
        }

        for (var k = from; k < value.Length; k++)
        {
            if (LineBreakChars.IsBreak(value[k]))
            {
                return k;
            }
        }

        return -1;
    }
}
