using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// A value rewritten into what a shell's tokenizer sees: <c>${IFS}</c> and its variants become spaces, the escapes
/// <c>\n</c>, <c>\r</c> and <c>\t</c> that reach a shell through an unescaping layer become the characters they
/// name, tabs and no-break spaces become spaces, and NUL bytes disappear.
/// </summary>
internal ref struct ShellText
{
    private char[]? _rented;

    public ShellText(ReadOnlySpan<char> value, Span<char> stackBuffer)
    {
        // Without any of the characters rewritten below the value is its own shell text: no copy.
        if (DetectorShortcuts.Enabled && value.IndexOfAny(Rewritten) < 0)
        {
            Text = value;
            return;
        }

        // Most '$' and '\' are not rewritten ($(, C:\dir): the value is copied only once something is, and then in
        // runs up to each rewrite.
        var buffer = Span<char>.Empty;
        var length = 0;
        var copied = 0;

        // Where the word holding a backslash starts, for the drive-path test (C:\new is not an escaped newline): the
        // token breaks are looked for only when a backslash escape is met, and only once over each character.
        var tokenStart = 0;
        var breaksSeen = 0;
        for (var i = value.IndexOfAny(Rewritten); i >= 0; i = LexChars.IndexOfAnyFrom(value, i, Rewritten))
        {
            var c = value[i];
            var replacement = ' ';
            var end = i + 1;
            if (c == '$')
            {
                if (!TrySkipIfs(value, i, out end))
                {
                    i++;
                    continue;
                }

                // The skipped $IFS is no token break, whatever it holds.
                tokenStart = TokenStart(value, tokenStart, breaksSeen, i);
                breaksSeen = end;
            }
            else if (c == '\\')
            {
                if (i + 1 >= value.Length || value[i + 1] is not ('n' or 'r' or 't'))
                {
                    i++;
                    continue;
                }

                tokenStart = TokenStart(value, tokenStart, breaksSeen, i);
                breaksSeen = i;
                if (i - tokenStart >= 2 && char.IsAsciiLetter(value[tokenStart]) && value[tokenStart + 1] == ':')
                {
                    i++;
                    continue;
                }

                replacement = value[i + 1] == 't' ? ' ' : '\n';
                end = i + 2;
            }

            if (buffer.IsEmpty)
            {
                buffer = value.Length <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<char>.Shared.Rent(value.Length));
            }

            value[copied..i].CopyTo(buffer[length..]);
            length += i - copied;

            // NUL bytes disappear; tabs, no-break spaces, vertical tabs and form feeds are spaces.
            if (c != '\0')
            {
                buffer[length++] = replacement;
            }

            copied = i = end;
        }

        if (buffer.IsEmpty)
        {
            Text = value;
            return;
        }

        value[copied..].CopyTo(buffer[length..]);
        Text = buffer[..(length + value.Length - copied)];
    }

    public static int StackBufferSize => 512;

    private static readonly SearchValues<char> Rewritten = SearchValues.Create("$\\\0\t\u00A0\v\f");

    // Where a word starts for the drive-path test (C:\new is not an escaped newline).
    private static readonly SearchValues<char> TokenBreaks = SearchValues.Create(" \"'\t\n\r");

    public ReadOnlySpan<char> Text { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    // The start of the word that holds `at`, given where it started as of `from`.
    private static int TokenStart(ReadOnlySpan<char> value, int tokenStart, int from, int at)
    {
        var lastBreak = from < at ? value[from..at].LastIndexOfAny(TokenBreaks) : -1;
        return lastBreak < 0 ? tokenStart : from + lastBreak + 1;
    }

    // $IFS, ${IFS}, $IFS$9, ${IFS%??}, ${IFS:0:1}: the field separator spelled as a variable.
    private static bool TrySkipIfs(ReadOnlySpan<char> value, int i, out int end)
    {
        end = i;
        var rest = value[(i + 1)..];
        if (rest.StartsWith("IFS", StringComparison.Ordinal))
        {
            end = i + 4;
        }
        else if (rest.StartsWith("{IFS", StringComparison.Ordinal))
        {
            var close = rest.IndexOf('}');
            if (close < 0 || close > 16)
            {
                return false;
            }

            end = i + 1 + close + 1;
        }
        else
        {
            return false;
        }

        // A positional parameter right after ($IFS$9) expands to nothing.
        if (end + 1 < value.Length && value[end] == '$' && char.IsAsciiDigit(value[end + 1]))
        {
            end += 2;
        }

        return true;
    }
}
