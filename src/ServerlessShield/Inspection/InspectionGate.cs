using System.Buffers;

namespace ServerlessShield;

// A cheap first look: most strings in an event are single tokens of data (ids, dates, times, numbers, addresses)
// made of letters, digits and a little punctuation that no injection can be built from. Anything with a space or
// another symbol goes to the detectors, and so does a token of safe characters that can still be a probe on its own
// (see IsData).
internal static class InspectionGate
{
    // Letters, digits and punctuation that no detector keys on inside one token.
    private const string SafeAscii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_@+:?#~";

    private static readonly SearchValues<byte> SafeBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_@+:?#~"u8);
    private static readonly SearchValues<char> SafeChars = SearchValues.Create(SafeAscii);
    // True when UTF-8 bytes are one token of safe ASCII data, so the string needs no decoding and no detector.
    public static bool IsPlainAscii(ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty || (IsPlainName(utf8) && IsData(utf8));

    // True when UTF-8 bytes of a property name are one token of safe ASCII. A lone lower-case word is a plain name
    // here: the word rule above is for values, where "whoami" or "sysobjects" alone can be a probe; a key is the
    // name of a field, and operators smuggled in as keys carry their '$'.
    public static bool IsPlainName(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAnyExcept(SafeBytes) < 0 && !HasDoubledDashOrAt(utf8);

    // "--" or "@@", looked for only when there is a '-' or an '@' at all (one search for most names).
    private static bool HasDoubledDashOrAt(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAny((byte)'-', (byte)'@') >= 0 && (utf8.IndexOf("--"u8) >= 0 || utf8.IndexOf("@@"u8) >= 0);

    // True when the text holds something a detector could key on, after NFKC (full-width '＜' counts as '<').
    public static bool NeedsInspection(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        if ((text.IndexOfAny('-', '@') >= 0 && (text.Contains("--", StringComparison.Ordinal) || text.Contains("@@", StringComparison.Ordinal)))
            || !IsData(text))
        {
            return true;
        }

        var i = text.IndexOfAnyExcept(SafeChars);
        while (i >= 0)
        {
            var c = text[i];
            if (c < 0x80 || !IsSafeNonAscii(c))
            {
                return true;
            }

            var next = text[(i + 1)..].IndexOfAnyExcept(SafeChars);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    // Whether a token of safe characters is data rather than a possible probe. Detectors read words in any case and
    // next to any safe punctuation (INFORMATION_SCHEMA, ansible-console, mysql,9, 9.localhost, web.config), spelled
    // slashes (..2f, 0x2f), a scheme without slashes (http:127.0.0.1) and base64 (L2V0Yy9wYXNzd2Q), so a token with
    // letters is read unless it has one of three shapes no detector reads as syntax: a UUID, a date and time
    // (2026-11-29T10:00:00.000Z) or a long run of hex digits (a hash, an ETag). Tokens without letters (numbers,
    // amounts, IP addresses, dates, phone numbers) are data when they hold a digit and no "..".
    private static bool IsData<T>(ReadOnlySpan<T> token)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        bool digit = false, letter = false, nonHexLetter = false, upperHex = false, lowerHex = false;
        int dashes = 0, timeLetters = 0, previous = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = int.CreateTruncating(token[i]);
            switch (c)
            {
                case '.' when previous == '.':
                    return false;
                case '-':
                    dashes++;
                    break;
                case >= '0' and <= '9':
                    digit = true;
                    break;
                case >= 'a' and <= 'f':
                    letter = lowerHex = true;
                    break;
                case >= 'A' and <= 'F':
                    letter = upperHex = true;
                    break;
                case 'T' or 'Z':
                    letter = nonHexLetter = true;
                    timeLetters++;
                    break;
                case >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= 0x80:
                    return false;
            }

            previous = c;
        }

        if (!letter)
        {
            return digit;
        }

        // Only T and Z besides digits and date punctuation: a date and time.
        if (!upperHex && !lowerHex)
        {
            return timeLetters <= 2 && token.Length >= 10 && IsDateTime(token);
        }

        // Hex digits of one case: a UUID (8-4-4-4-12) or a run of at least 16 with nothing else.
        return !nonHexLetter && !(upperHex && lowerHex)
            && ((token.Length == 36 && dashes == 4 && IsUuid(token)) || (token.Length >= 16 && dashes == 0 && IsHex(token)));
    }

    private static bool IsDateTime<T>(ReadOnlySpan<T> token)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (!char.IsAsciiDigit((char)int.CreateTruncating(token[0])))
        {
            return false;
        }

        foreach (var t in token)
        {
            if (int.CreateTruncating(t) is not ((>= '0' and <= '9') or '-' or ':' or '.' or '+' or 'T' or 'Z'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUuid<T>(ReadOnlySpan<T> token)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        for (var i = 0; i < token.Length; i++)
        {
            var c = (char)int.CreateTruncating(token[i]);
            if (i is 8 or 13 or 18 or 23 ? c != '-' : !char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex<T>(ReadOnlySpan<T> token)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        foreach (var t in token)
        {
            if (!char.IsAsciiHexDigit((char)int.CreateTruncating(t)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeNonAscii(char c)
    {
        // Full-width, half-width and small forms fold to ASCII punctuation under NFKC.
        if (c is >= '\uFF00' and <= '\uFFEF' or >= '\uFE50' and <= '\uFE6F')
        {
            return false;
        }

        return char.GetUnicodeCategory(c) switch
        {
            System.Globalization.UnicodeCategory.UppercaseLetter or
            System.Globalization.UnicodeCategory.LowercaseLetter or
            System.Globalization.UnicodeCategory.TitlecaseLetter or
            System.Globalization.UnicodeCategory.ModifierLetter or
            System.Globalization.UnicodeCategory.OtherLetter or
            System.Globalization.UnicodeCategory.NonSpacingMark or
            System.Globalization.UnicodeCategory.SpacingCombiningMark or
            System.Globalization.UnicodeCategory.EnclosingMark or
            System.Globalization.UnicodeCategory.DecimalDigitNumber => !char.IsSurrogate(c),
            _ => false,
        };
    }
}
