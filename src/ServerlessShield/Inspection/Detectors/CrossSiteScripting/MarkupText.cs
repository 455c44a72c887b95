using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// A value rewritten into what an HTML parser effectively sees: ASCII lower case; NUL (also written <c>\0</c>), soft
/// hyphens and zero-width characters removed (browsers drop or ignore them inside tag names and URLs); the HTML5
/// named character references XSS payloads use (<c>&amp;colon;</c>, <c>&amp;tab;</c>, <c>&amp;lpar;</c>...), which
/// the canonicalizer's HTML4 table does not know; UTF-7 <c>+ADw-</c> and <c>+AD4-</c> read as the brackets they
/// encode; and ¼/¾ (or the "1⁄4"/"3⁄4" that NFKC turns them into), which become '&lt;'/'&gt;' when a 7-bit channel
/// strips the high bit.
/// </summary>
internal ref struct MarkupText
{
    // ASCII except where a rewrite below starts: '+' (UTF-7), '&' (references), '1' and '3' (1⁄4, 3⁄4), '\' (\0), NUL.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(LexChars.AsciiExcept("+&13\\\0"));

    private char[]? _rented;

    public MarkupText(ReadOnlySpan<char> value, Span<char> stackBuffer)
    {
        Span<char> buffer = value.Length <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<char>.Shared.Rent(value.Length));

        // ASCII with none of the characters rewritten below is only lower-cased, which is vectorized.
        if (DetectorShortcuts.Enabled && value.IndexOfAny('&', '\\') < 0 && value.IndexOf('\0') < 0 && !value.Contains("+AD", StringComparison.Ordinal)
            && System.Text.Ascii.ToLower(value, buffer, out var lowered) == OperationStatus.Done)
        {
            Text = buffer[..lowered];
            return;
        }
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            // ASCII that no rewrite below starts on is only lower-cased: a run at a time.
            var run = value[i..].IndexOfAnyExcept(PlainAscii);
            var runEnd = run < 0 ? value.Length : i + run;
            if (runEnd > i)
            {
                System.Text.Ascii.ToLower(value[i..runEnd], buffer[length..], out var written);
                length += written;
                i = runEnd;
                if (i == value.Length)
                {
                    break;
                }
            }

            var c = value[i];
            if (c == '+' && i + 4 < value.Length && value[i + 1] == 'A' && value[i + 2] == 'D' && value[i + 4] == '-' && Utf7Bracket(value[i + 3]) is var bracket and not '\0')
            {
                buffer[length++] = bracket;
                i += 4;
                continue;
            }

            if (c == '&' && Html5Entity.TryDecode(value[i..], out var entity, out var entityLength))
            {
                if (entity != '\0')
                {
                    buffer[length++] = entity;
                }

                i += entityLength - 1;
                continue;
            }

            if (c is '1' or '3' && i + 2 < value.Length && value[i + 1] == '\u2044' && value[i + 2] == '4')
            {
                buffer[length++] = c == '1' ? '<' : '>';
                i += 2;
                continue;
            }

            if (c == '\\' && i + 1 < value.Length && value[i + 1] == '0' && (i + 2 >= value.Length || !char.IsAsciiDigit(value[i + 2])))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '\0' or '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    continue;
                case '\u00BC':
                    buffer[length++] = '<';
                    continue;
                case '\u00BE':
                    buffer[length++] = '>';
                    continue;
                default:
                    buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
                    continue;
            }
        }

        Text = buffer[..length];
    }

    public static int StackBufferSize => 512;

    public ReadOnlySpan<char> Text { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    // +ADw- is '<', +AD4- is '>', +ACI- is '"' in UTF-7 (only the first two letters differ for these).
    private static char Utf7Bracket(char c) => c switch
    {
        'w' => '<',
        '4' => '>',
        _ => '\0',
    };
}
