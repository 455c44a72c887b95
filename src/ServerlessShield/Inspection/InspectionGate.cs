using System.Buffers;

namespace ServerlessShield;

// A cheap first look: most strings in an event are single tokens (ids, dates, numbers, emails, enum values, names)
// made of letters, digits and a little punctuation that no injection can be built from. Anything with a space,
// another symbol, a SQL comment ("--") or a SQL variable ("@@") goes to the detectors: keywords alone can attack.
internal static class InspectionGate
{
    // Letters, digits and punctuation that no detector keys on inside one token.
    private const string SafeAscii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_@+:?#~";

    private static readonly SearchValues<byte> SafeBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_@+:?#~"u8);
    private static readonly SearchValues<char> SafeChars = SearchValues.Create(SafeAscii);
    private static readonly SearchValues<char> WordChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz_");

    // A lone lower-case word can be a probe on its own (a shell command, a catalog table): those still go to the
    // detectors. Ids, numbers, dates, emails and mixed-case names do not.
    private static readonly SearchValues<byte> WordBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyz_"u8);

    // True when UTF-8 bytes are one token of safe ASCII, so the string needs no decoding and no detector.
    public static bool IsPlainAscii(ReadOnlySpan<byte> utf8) =>
        IsPlainName(utf8) && (utf8.IsEmpty || utf8.IndexOfAnyExcept(WordBytes) >= 0);

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
        if ((text.IndexOfAny('-', '@') >= 0 && (text.Contains("--", StringComparison.Ordinal) || text.Contains("@@", StringComparison.Ordinal)))
            || (!text.IsEmpty && text.IndexOfAnyExcept(WordChars) < 0))
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
