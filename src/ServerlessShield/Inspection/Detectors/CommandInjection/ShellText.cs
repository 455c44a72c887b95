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

        Span<char> buffer = value.Length <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<char>.Shared.Rent(value.Length));
        var length = 0;
        var tokenStart = 0;
        var i = 0;
        while (i < value.Length)
        {
            // Characters that are not rewritten are copied as a run; of them, only the token breaks matter below.
            var run = value[i..].IndexOfAny(Rewritten);
            var runEnd = run < 0 ? value.Length : i + run;
            if (runEnd > i)
            {
                var plain = value[i..runEnd];
                plain.CopyTo(buffer[length..]);
                length += plain.Length;
                var lastBreak = plain.LastIndexOfAny(TokenBreaks);
                if (lastBreak >= 0)
                {
                    tokenStart = i + lastBreak + 1;
                }

                i = runEnd;
                if (i == value.Length)
                {
                    break;
                }
            }

            var c = value[i];
            if (c == '\t')
            {
                tokenStart = i + 1;
            }

            if (c == '$' && TrySkipIfs(value, i, out var ifsEnd))
            {
                buffer[length++] = ' ';
                i = ifsEnd;
                continue;
            }

            // C:\new\table is a Windows path, not an escaped newline.
            var inDrivePath = i - tokenStart >= 2 && char.IsAsciiLetter(value[tokenStart]) && value[tokenStart + 1] == ':';
            if (c == '\\' && i + 1 < value.Length && value[i + 1] is 'n' or 'r' or 't' && !inDrivePath)
            {
                buffer[length++] = value[i + 1] == 't' ? ' ' : '\n';
                i += 2;
                continue;
            }

            if (c is '\t' or '\u00A0' or '\v' or '\f')
            {
                buffer[length++] = ' ';
            }
            else if (c != '\0')
            {
                buffer[length++] = c;
            }

            i++;
        }

        Text = buffer[..length];
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
