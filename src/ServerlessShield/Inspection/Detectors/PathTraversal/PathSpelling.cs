using System.Buffers;

namespace ServerlessShield;

/// <summary>
/// Rewrites a value into the spelling a lenient file API or web server acts on: lower case; every slash look-alike
/// as '/'; percent escapes decoded the way buggy decoders did it (overlong UTF-8 of any length, a 0xC0/0xC1 lead
/// byte combined with whatever byte follows); a malformed escape (<c>%qf</c>, <c>%9v</c>), which fuzzers put where
/// a separator goes, read as '/'; <c>0x2e</c>/<c>0x2f</c>/<c>0x5c</c> literals as the characters they name. The
/// canonicalizer has already undone ordinary encodings; this only adds what is specific to paths.
/// </summary>
internal ref struct PathSpelling
{
    // Returned by the decoders for input that is dropped (a broken lead byte).
    private const char Nothing = '\uFFFF';

    // ASCII except the characters a decoder below starts on: '%', and '0', '2' and '5' of 0x2f and ..2f.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(LexChars.AsciiExcept("%025"));

    private char[]? _rented;

    public PathSpelling(ReadOnlySpan<char> value, Span<char> stackBuffer)
    {
        Span<char> buffer = value.Length <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<char>.Shared.Rent(value.Length));

        // ASCII with no escape, no 0x literal and no ".." is only lower-cased, with '\' read as '/': vectorized.
        if (DetectorShortcuts.Enabled && !value.Contains('%') && !value.Contains("..", StringComparison.Ordinal)
            && value.IndexOf("0x", StringComparison.OrdinalIgnoreCase) < 0
            && System.Text.Ascii.ToLower(value, buffer, out var lowered) == OperationStatus.Done)
        {
            buffer[..lowered].Replace('\\', '/');
            Text = buffer[..lowered];
            return;
        }

        // Elsewhere ASCII that no decoder below starts on is only lower-cased, with '\' read as '/': it is copied in
        // runs, up to each place where a decoder does change something.
        var length = 0;
        var copied = 0;
        for (var i = IndexOfDecoderStart(value, 0); i >= 0; i = IndexOfDecoderStart(value, i))
        {
            var c = value[i];
            var start = i;
            char decoded;
            if (c == '%')
            {
                if (!TryPercent(value, ref i, out decoded))
                {
                    i++;
                    continue;
                }
            }
            else if (c == '0')
            {
                if (!(i + 3 < value.Length && (value[i + 1] | 0x20) == 'x' && TryHexLiteral(value[i + 2], value[i + 3], out decoded)))
                {
                    i++;
                    continue;
                }

                i += 4;
            }
            else if (c is '2' or '5')
            {
                // ..2f / ..5c: an escaped slash whose percent sign a filter removed. The two dots are looked for in
                // what has been written, so the run before is written first.
                if (!(i + 1 < value.Length && TryHexLiteral(c, value[i + 1], out var bare) && bare == '/'))
                {
                    i++;
                    continue;
                }

                CopyPlain(value[copied..i], buffer, ref length);
                copied = i;
                if (!(length >= 2 && buffer[length - 1] == '.' && buffer[length - 2] == '.'))
                {
                    i++;
                    continue;
                }

                decoded = '/';
                i += 2;
            }
            else if (!(c is >= '\u00C0' and <= '\u00FD' && TryLatin1Overlong(value, ref i, out decoded)))
            {
                // Any other character outside ASCII: a slash look-alike or a compatibility form is folded by Append.
                decoded = c;
                i++;
            }

            CopyPlain(value[copied..start], buffer, ref length);
            Append(buffer, ref length, decoded);
            copied = i;
        }

        CopyPlain(value[copied..], buffer, ref length);
        Text = buffer[..length];
    }

    public static int StackBufferSize => 512;

    /// <summary>The rewritten value.</summary>
    public ReadOnlySpan<char> Text { get; }

    // Backslash, division slash, set minus, fraction slash, big solidus, small and full-width forms, and the two
    // private-use code points path fuzzers (dotdotpwn) send as slashes (%uEFC8, %uF025).
    public static bool IsSlash(char c) =>
        c is '/' or '\\' or '\u2215' or '\u2216' or '\u2044' or '\u29F5' or '\u29F8' or '\u29F9' or '\uFE68' or '\uFF0F' or '\uFF3C' or '\uEFC8' or '\uF025';

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    // The next '%', '0', '2', '5' or character outside ASCII at or after `from`, or -1.
    private static int IndexOfDecoderStart(ReadOnlySpan<char> value, int from)
    {
        var next = from < value.Length ? value[from..].IndexOfAnyExcept(PlainAscii) : -1;
        return next < 0 ? -1 : from + next;
    }

    // ASCII that no decoder changes: lower-cased, with '\' read as '/'.
    private static void CopyPlain(ReadOnlySpan<char> plain, Span<char> buffer, ref int length)
    {
        var written = buffer.Slice(length, plain.Length);
        System.Text.Ascii.ToLower(plain, written, out _);
        written.Replace('\\', '/');
        length += plain.Length;
    }

    private static void Append(Span<char> buffer, ref int length, char c)
    {
        if (c != Nothing)
        {
            buffer[length++] = c < 0x80 ? (c == '\\' ? '/' : LexChars.Lower(c)) : IsSlash(c) ? '/' : LexChars.FoldForAscii(c);
        }
    }

    // %XX (possibly the lead of a multi-byte sequence), %uXXXX, or a malformed escape.
    private static bool TryPercent(ReadOnlySpan<char> value, ref int i, out char decoded)
    {
        decoded = '\0';
        if (i + 5 < value.Length && (value[i + 1] | 0x20) == 'u' && TryHex(value.Slice(i + 2, 4), out var u))
        {
            decoded = (char)u;
            i += 6;
            return true;
        }

        if (i + 2 >= value.Length)
        {
            return false;
        }

        // %2%e: what one decoding pass leaves of a nested escape (%%32%%65); the two digits still make a byte.
        if (i + 3 < value.Length && char.IsAsciiHexDigit(value[i + 1]) && value[i + 2] == '%' && char.IsAsciiHexDigit(value[i + 3])
            && TryHex([value[i + 1], value[i + 3]], out var nested) && nested is '.' or '/' or '\\')
        {
            decoded = (char)nested;
            i += 4;
            return true;
        }

        if (!TryHex(value.Slice(i + 1, 2), out var lead))
        {
            if (char.IsAsciiLetterOrDigit(value[i + 1]) && char.IsAsciiLetterOrDigit(value[i + 2]))
            {
                decoded = '/'; // a malformed escape standing where a separator goes
                i += 3;
                return true;
            }

            return false;
        }

        i += 3;
        if (lead < 0xC0)
        {
            decoded = (char)lead;
            return true;
        }

        // Gather the bytes that follow and decode leniently.
        var expected = lead >= 0xFC ? 5 : lead >= 0xF8 ? 4 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
        var codePoint = lead & (0x3F >> expected);
        for (var k = 0; k < expected; k++)
        {
            if (i + 2 >= value.Length || value[i] != '%' || !TryHex(value.Slice(i + 1, 2), out var next)
                || (lead > 0xC1 && (next & 0xC0) != 0x80))
            {
                // A 0xC0/0xC1 lead takes any byte after it; other leads need continuation bytes. Drop a broken lead.
                decoded = Nothing;
                return true;
            }

            codePoint = (codePoint << 6) | (next & 0x3F);
            i += 3;
        }

        decoded = lead <= 0xC1 ? LenientOverlong.Pair(codePoint) : codePoint <= 0xFFFF ? (char)codePoint : '\uFFFD';
        return true;
    }

    // The canonicalizer reads an undecodable byte as Latin-1: 'À' (0xC0) and the like, followed by the bytes after
    // it as U+0080-U+00BF. Decode such a run as the overlong sequence it was.
    private static bool TryLatin1Overlong(ReadOnlySpan<char> value, ref int i, out char decoded)
    {
        decoded = '\0';
        int lead = value[i];
        var expected = lead >= 0xFC ? 5 : lead >= 0xF8 ? 4 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
        var codePoint = lead & (0x3F >> expected);
        for (var k = 1; k <= expected; k++)
        {
            if (i + k >= value.Length)
            {
                return false;
            }

            int next = value[i + k];
            var continuation = next is >= 0x80 and <= 0xBF;
            if (next > 0xFF || (!continuation && lead > 0xC1))
            {
                return DropBrokenLead(value, ref i, out decoded);
            }

            codePoint = (codePoint << 6) | (next & 0x3F);
        }

        if (lead <= 0xC1)
        {
            codePoint = LenientOverlong.Pair(codePoint);
        }

        if (codePoint is not ('.' or '/' or '\\'))
        {
            return lead <= 0xC1 && DropBrokenLead(value, ref i, out decoded);
        }

        decoded = (char)codePoint;
        i += expected + 1;
        return true;
    }

    // A lone 0xC0/0xC1 (never valid UTF-8) before ASCII or an escape is the broken lead of an overlong pair: drop it.
    private static bool DropBrokenLead(ReadOnlySpan<char> value, ref int i, out char decoded)
    {
        decoded = Nothing;
        if (value[i] > '\u00C1' || i + 1 >= value.Length || !(value[i + 1] < 0x80 || value[i + 1] == '%'))
        {
            return false;
        }

        i++;
        return true;
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var d in digits)
        {
            if (!char.IsAsciiHexDigit(d))
            {
                return false;
            }

            value = (value << 4) | (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        }

        return true;
    }

    // 0x2e is '.', 0x2f and 0x5c are slashes: the spelling some fuzzers use for bytes.
    private static bool TryHexLiteral(char high, char low, out char literal)
    {
        literal = (high, (char)(low | 0x20)) switch
        {
            ('2', 'e') => '.',
            ('2', 'f') or ('5', 'c') => '/',
            _ => '\0',
        };
        return literal != '\0';
    }
}
