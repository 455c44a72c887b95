using System.Buffers;

namespace ServerlessShield;

// A cheap first look: most strings in an event are single tokens of data (ids, dates, times, numbers, addresses)
// made of letters, digits and a little punctuation that no injection can be built from. Anything with a space or
// another symbol goes to the detectors, and so does a token of safe characters that can still be a probe on its own
// (see IsData).
internal static class InspectionGate
{
    // Letters, digits and the punctuation of ids, dates and addresses: a token of these alone skips the detectors
    // when it is data (IsData).
    private const string SafeAscii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_@+:?#~";

    private static readonly SearchValues<byte> SafeBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_@+:?#~"u8);
    private static readonly SearchValues<char> SafeChars = SearchValues.Create(SafeAscii);

    // True when UTF-8 bytes are one token of safe ASCII data, so the string needs no decoding and no detector.
    public static bool IsPlainAscii(ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty || (IsPlainName(utf8) && IsData(utf8));

    // True when UTF-8 bytes of a property name are one token of safe ASCII. Names need not be data: the IsData rule
    // is for values, where "whoami", "INFORMATION_SCHEMA" or "..2f" alone can be a probe; a key is the name of a
    // field, and operators smuggled in as keys carry their '$'.
    public static bool IsPlainName(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAnyExcept(SafeBytes) < 0 && !HasDoubledDashOrAt(utf8);

    // The same for a name already decoded to characters (a form field's name).
    public static bool IsPlainName(ReadOnlySpan<char> text) =>
        text.IndexOfAnyExcept(SafeChars) < 0
        && !(text.IndexOfAny('-', '@') >= 0 && (text.Contains("--", StringComparison.Ordinal) || text.Contains("@@", StringComparison.Ordinal)));

    // "--" or "@@", looked for only when there is a '-' or an '@' at all (one search for most names).
    private static bool HasDoubledDashOrAt(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAny((byte)'-', (byte)'@') >= 0 && (utf8.IndexOf("--"u8) >= 0 || utf8.IndexOf("@@"u8) >= 0);

    // True when the text holds something a detector could key on: a character outside the safe set (a space, a
    // symbol, any letter outside ASCII, which NFKC may fold into syntax: full-width '＜' is '<'), "--" or "@@", or a
    // token that is not data.
    public static bool NeedsInspection(ReadOnlySpan<char> text) =>
        !text.IsEmpty
        && (text.IndexOfAnyExcept(SafeChars) >= 0
            || (text.IndexOfAny('-', '@') >= 0 && (text.Contains("--", StringComparison.Ordinal) || text.Contains("@@", StringComparison.Ordinal)))
            || !IsData(text));

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
}
