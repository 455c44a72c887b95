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
    // Where a rewrite below may start: '+' (UTF-7), '&' (references), '1' and '3' (1⁄4, 3⁄4), '\' (\0), and the
    // characters dropped or replaced (NUL, the soft hyphen, zero-width characters, ¼, ¾).
    private static readonly SearchValues<char> RewriteStarts = SearchValues.Create("+&13\\\0\u00AD\u200B\u200C\u200D\u2060\uFEFF\u00BC\u00BE");

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

        // Elsewhere the value is lower-cased in runs, up to each place where a rewrite does change something.
        var length = 0;
        var copied = 0;
        for (var i = value.IndexOfAny(RewriteStarts); i >= 0; i = LexChars.IndexOfAnyFrom(value, i, RewriteStarts))
        {
            var c = value[i];
            var start = i;

            // What replaces the characters from start to i; NUL when they are dropped.
            var replacement = '\0';
            if (c == '+' && i + 4 < value.Length && value[i + 1] == 'A' && value[i + 2] == 'D' && value[i + 4] == '-' && Utf7Bracket(value[i + 3]) is var bracket and not '\0')
            {
                replacement = bracket;
                i += 5;
            }
            else if (c == '&' && Html5Entity.TryDecode(value[i..], out var entity, out var entityLength))
            {
                replacement = entity;
                i += entityLength;
            }
            else if (c is '1' or '3' && i + 2 < value.Length && value[i + 1] == '\u2044' && value[i + 2] == '4')
            {
                replacement = c == '1' ? '<' : '>';
                i += 3;
            }
            else if (c == '\\' && i + 1 < value.Length && value[i + 1] == '0' && (i + 2 >= value.Length || !char.IsAsciiDigit(value[i + 2])))
            {
                i += 2;
            }
            else if (c is '\u00BC' or '\u00BE')
            {
                replacement = c == '\u00BC' ? '<' : '>';
                i++;
            }
            else if (c is '\0' or '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                i++;
            }
            else
            {
                i++;
                continue;
            }

            length += LowerAscii(value[copied..start], buffer[length..]);
            if (replacement != '\0')
            {
                buffer[length++] = replacement;
            }

            copied = i;
        }

        length += LowerAscii(value[copied..], buffer[length..]);
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

    // ASCII letters lower-cased, every other character as it is; returns the length written.
    private static int LowerAscii(ReadOnlySpan<char> source, Span<char> destination)
    {
        var done = 0;
        while (System.Text.Ascii.ToLower(source[done..], destination[done..], out var written) != OperationStatus.Done)
        {
            // A run of characters outside ASCII is copied at once.
            done += written;
            var run = source[done..].IndexOfAnyInRange('\0', '\u007F');
            var runLength = run < 0 ? source.Length - done : run;
            source.Slice(done, runLength).CopyTo(destination[done..]);
            done += runLength;
        }

        return source.Length;
    }

    // +ADw- is '<', +AD4- is '>', +ACI- is '"' in UTF-7 (only the first two letters differ for these).
    private static char Utf7Bracket(char c) => c switch
    {
        'w' => '<',
        '4' => '>',
        _ => '\0',
    };
}
